package org.entente.server.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.entente.proto.protocol.v1.ClientMessage;
import org.entente.proto.protocol.v1.ErrorCode;
import org.entente.proto.protocol.v1.Hello;
import org.entente.proto.protocol.v1.ListScenarios;
import org.entente.proto.protocol.v1.ProtocolVersion;
import org.entente.proto.protocol.v1.ServerMessage;
import org.entente.server.testing.EmbeddedHarness;
import org.entente.server.testing.Frames;
import org.junit.jupiter.api.Test;

class FramingTest {
  private final EmbeddedHarness harness = new EmbeddedHarness();

  @org.junit.jupiter.api.AfterEach
  void releaseBuffers() {
    harness.close();
  }

  private static byte[] helloThenList() {
    byte[] hello =
        Frames.frame(
            ClientMessage.newBuilder()
                .setRequestId(1)
                .setHello(
                    Hello.newBuilder()
                        .setProtocolVersion(ProtocolVersion.PROTOCOL_VERSION_1)
                        .setClientName("x".repeat(200)))
                .build());
    byte[] list =
        Frames.frame(
            ClientMessage.newBuilder()
                .setRequestId(2)
                .setListScenarios(ListScenarios.getDefaultInstance())
                .build());
    byte[] both = new byte[hello.length + list.length];
    System.arraycopy(hello, 0, both, 0, hello.length);
    System.arraycopy(list, 0, both, hello.length, list.length);
    return both;
  }

  @Test
  void framesSplitAtEveryByteDecodeTheSame() {
    byte[] bytes = helloThenList();
    assertThat(bytes[0] & 0x80).as("the hello's length prefix takes two bytes").isNotZero();
    for (int split = 1; split < bytes.length; split++) {
      EmbeddedHarness.Client client = harness.client();
      List<ServerMessage> got = new ArrayList<>();
      got.addAll(client.send(java.util.Arrays.copyOfRange(bytes, 0, split)));
      got.addAll(client.send(java.util.Arrays.copyOfRange(bytes, split, bytes.length)));
      assertThat(got).as("split at %s", split).hasSize(2);
      assertThat(got.get(0).getRequestId()).isEqualTo(1);
      assertThat(got.get(0).getWelcome().getProtocolVersion())
          .isEqualTo(ProtocolVersion.PROTOCOL_VERSION_1);
      assertThat(got.get(1).getRequestId()).isEqualTo(2);
      assertThat(got.get(1).getScenarioList().getScenariosList())
          .extracting("id")
          .containsExactly("test-crisis");
    }
  }

  @Test
  void framesFedOneByteAtATimeDecode() {
    byte[] bytes = helloThenList();
    EmbeddedHarness.Client client = harness.client();
    List<ServerMessage> got = new ArrayList<>();
    for (byte b : bytes) {
      got.addAll(client.send(new byte[] {b}));
    }
    assertThat(got).extracting(ServerMessage::getRequestId).containsExactly(1L, 2L);
  }

  @Test
  void aFrameOverTheLimitGetsAnErrorAndTheConnectionCloses() {
    EmbeddedHarness.Client client = harness.client();
    byte[] prefixOnly = Frames.frame(new byte[0]);
    // A length prefix claiming 64 KiB + 1 bytes; the body need not arrive.
    byte[] claim = new byte[] {(byte) 0x81, (byte) 0x80, 0x04};
    assertThat(prefixOnly).hasSize(1);
    List<ServerMessage> got = client.send(claim);
    assertThat(got).hasSize(1);
    assertThat(got.get(0).getError().getCode()).isEqualTo(ErrorCode.FRAME_TOO_LARGE);
    assertThat(client.channel.isActive()).isFalse();
  }

  @Test
  void aFrameAtTheLimitIsAccepted() {
    EmbeddedHarness.Client client = harness.client();
    ClientMessage big =
        ClientMessage.newBuilder()
            .setRequestId(7)
            .setHello(
                Hello.newBuilder()
                    .setProtocolVersion(ProtocolVersion.PROTOCOL_VERSION_1)
                    .setClientName("n".repeat(65_000)))
            .build();
    int padding = org.entente.server.net.Frames.MAX_FRAME_BYTES - big.getSerializedSize();
    big =
        big.toBuilder()
            .setHello(big.getHello().toBuilder().setClientName("n".repeat(65_000 + padding)))
            .build();
    assertThat(big.getSerializedSize()).isEqualTo(org.entente.server.net.Frames.MAX_FRAME_BYTES);
    List<ServerMessage> got = client.send(Frames.frame(big));
    assertThat(got).extracting(ServerMessage::getRequestId).containsExactly(7L);
    assertThat(client.channel.isActive()).isTrue();
  }

  @Test
  void aFrameThatDoesNotParseGetsAnErrorAndTheConnectionCloses() {
    EmbeddedHarness.Client client = harness.client();
    List<ServerMessage> got =
        client.send(Frames.frame(new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff}));
    assertThat(got).hasSize(1);
    assertThat(got.get(0).getError().getCode()).isEqualTo(ErrorCode.MALFORMED_FRAME);
    assertThat(client.channel.isActive()).isFalse();
  }

  @Test
  void aCorruptLengthPrefixGetsAnErrorAndTheConnectionCloses() {
    EmbeddedHarness.Client client = harness.client();
    List<ServerMessage> got =
        client.send(
            new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x01});
    assertThat(got).isNotEmpty();
    assertThat(got.get(0).getError().getCode())
        .isIn(ErrorCode.MALFORMED_FRAME, ErrorCode.FRAME_TOO_LARGE);
    assertThat(client.channel.isActive()).isFalse();
  }

  @Test
  void anEmptyMessageIsRefusedButTheConnectionStaysOpen() {
    EmbeddedHarness.Client client = harness.client();
    List<ServerMessage> got =
        client.send(Frames.frame(ClientMessage.newBuilder().setRequestId(3).build()));
    assertThat(got).hasSize(1);
    assertThat(got.get(0).getRequestId()).isEqualTo(3);
    assertThat(got.get(0).getError().getCode()).isEqualTo(ErrorCode.INVALID_REQUEST);
    assertThat(client.channel.isActive()).isTrue();
  }
}
