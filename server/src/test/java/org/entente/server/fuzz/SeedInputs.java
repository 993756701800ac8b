package org.entente.server.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.entente.proto.protocol.v1.ClientMessage;
import org.entente.proto.protocol.v1.CreateSession;
import org.entente.proto.protocol.v1.GetHistory;
import org.entente.proto.protocol.v1.Hello;
import org.entente.proto.protocol.v1.JoinSession;
import org.entente.proto.protocol.v1.ListScenarios;
import org.entente.proto.protocol.v1.ProtocolVersion;
import org.entente.server.testing.Frames;

/**
 * Writes the seed inputs of {@link PipelineFuzzTest#arbitraryBytesInArbitrarySplits}: valid
 * frame sequences (hello, then lobby and entry requests), followed by the split lengths that
 * Jazzer's FuzzedDataProvider reads from the end of an input. Run by hand when the protocol
 * changes: {@code java -cp <test classpath> org.entente.server.fuzz.SeedInputs DIR}.
 */
public final class SeedInputs {
  private SeedInputs() {}

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args[0]);
    Files.createDirectories(dir);
    byte[] hello =
        Frames.frame(
            ClientMessage.newBuilder()
                .setRequestId(1)
                .setHello(
                    Hello.newBuilder()
                        .setProtocolVersion(ProtocolVersion.PROTOCOL_VERSION_1)
                        .setClientName("seed"))
                .build());
    byte[] list =
        Frames.frame(
            ClientMessage.newBuilder()
                .setRequestId(2)
                .setListScenarios(ListScenarios.getDefaultInstance())
                .build());
    byte[] create =
        Frames.frame(
            ClientMessage.newBuilder()
                .setRequestId(3)
                .setIdempotencyKey(77)
                .setCreateSession(
                    CreateSession.newBuilder()
                        .setBuiltinScenarioId("test-crisis")
                        .setTurns(3)
                        .setDisplayName("Ms Lee"))
                .build());
    byte[] join =
        Frames.frame(
            ClientMessage.newBuilder()
                .setRequestId(4)
                .setJoinSession(
                    JoinSession.newBuilder()
                        .setJoinCode("ABC-DEF")
                        .setDisplayName("Ani")
                        .setCountry("ARM"))
                .build());
    byte[] history =
        Frames.frame(
            ClientMessage.newBuilder()
                .setRequestId(5)
                .setGetHistory(GetHistory.newBuilder().setLimit(10))
                .build());
    write(dir.resolve("hello"), 255, hello);
    write(dir.resolve("hello-byte-by-byte"), 0, hello);
    write(dir.resolve("hello-list-create"), 7, hello, list, create);
    write(dir.resolve("hello-create-history"), 2, hello, create, history);
    write(dir.resolve("join-before-hello"), 30, join, hello);
    write(
        dir.resolve("hello-then-oversize-prefix"),
        3,
        hello,
        new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x0f});
    write(
        dir.resolve("hello-then-half-frame"),
        4,
        hello,
        java.util.Arrays.copyOf(list, list.length - 1));
  }

  /** The frames, then one split-length byte per chunk ({@code chunk - 1}, chunks of {@code chunk} bytes). */
  private static void write(Path file, int splitByte, byte[]... frames) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int total = 0;
    for (byte[] f : frames) {
      out.writeBytes(f);
      total += f.length;
    }
    int chunk = splitByte + 1;
    for (int sent = 0; sent < total; sent += chunk) {
      out.write(splitByte);
    }
    Files.write(file, out.toByteArray());
  }
}
