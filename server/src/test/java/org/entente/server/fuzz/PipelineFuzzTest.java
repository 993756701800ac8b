package org.entente.server.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.entente.proto.protocol.v1.ClientMessage;
import org.entente.proto.protocol.v1.ServerMessage;
import org.entente.proto.protocol.v1.StartGame;
import org.entente.server.testing.EmbeddedHarness;
import org.entente.server.testing.Frames;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Fuzz targets over the server's real pipeline (gate, framing, protobuf, heartbeat, connection
 * states, lobby and sessions) on EmbeddedChannels. {@code mvn test} replays the inputs saved
 * under {@code PipelineFuzzTestInputs/}; {@code scripts/fuzz.sh} fuzzes (docs/design.md,
 * "Fuzzing"). Properties: no exception escapes the pipeline, the server writes only well-formed
 * frames, every request is answered or the connection closed, an idle connection is closed in
 * the end, and no ByteBuf leaks (PARANOID leak detection).
 */
class PipelineFuzzTest {
  /** Long enough for every timeout (hello 10 s, heartbeat 20 + 20 s, partial frame 15 s). */
  private static final long IDLE_SECONDS = 120;

  private static long inputs;

  @BeforeAll
  static void watchLeaks() {
    LeakWatch.install();
  }

  @AfterAll
  static void noLeaks() {
    LeakWatch.collectAndCheck();
  }

  /** Arbitrary bytes in arbitrary splits on a fresh connection. */
  @FuzzTest(maxDuration = "10m")
  void arbitraryBytesInArbitrarySplits(FuzzedDataProvider data) {
    try (EmbeddedHarness h = new EmbeddedHarness()) {
      EmbeddedHarness.Client c = h.client();
      while (data.remainingBytes() > 0 && c.channel.isActive()) {
        byte[] chunk = data.consumeBytes(data.consumeInt(1, 256));
        write(c.channel, chunk);
        c.poll(); // parses every frame the server wrote: a malformed one throws
      }
      idleUntilClosed(c);
    }
    afterInput();
  }

  /**
   * A game master and a player seated in a started session, then ClientMessages built from the
   * fuzz data, each sent by one of them: every one is answered (by its request id) or the
   * connection is closed.
   */
  @FuzzTest(maxDuration = "10m")
  void structuredRequestsInASession(FuzzedDataProvider data) {
    try (EmbeddedHarness h = new EmbeddedHarness()) {
      EmbeddedHarness.Client gm = h.gameMaster(3);
      EmbeddedHarness.Client ani = h.player(gm.joinCode, "Ani", "ARM");
      gm.request(ClientMessage.newBuilder().setStartGame(StartGame.getDefaultInstance()));
      MessageGenerator generator =
          new MessageGenerator(
              data,
              List.of(
                  gm.joinCode,
                  gm.token,
                  ani.token,
                  "ARM",
                  "RUS",
                  "AZE",
                  "USA",
                  "FRA",
                  "KAZ",
                  "ESCALATE ARM",
                  "STATEMENT RUS",
                  "test-crisis",
                  String.valueOf(ani.seatId)));
      long requestId = 1_000;
      for (int i = 0; i < 12 && data.remainingBytes() > 0; i++) {
        EmbeddedHarness.Client sender = data.consumeBoolean() ? gm : ani;
        ClientMessage message = generator.clientMessage().setRequestId(++requestId).build();
        if (!sender.channel.isActive()) {
          continue;
        }
        List<ServerMessage> got = sendTracked(sender, Frames.frame(message));
        long id = requestId;
        boolean answered = got.stream().anyMatch(m -> m.getRequestId() == id);
        if (message.getBodyCase() != ClientMessage.BodyCase.PONG) {
          assertThat(answered || !sender.channel.isActive())
              .as(
                  "request %s (%s) answered or its connection closed; got %s",
                  id, message.getBodyCase(), got)
              .isTrue();
        }
        gm.poll();
        ani.poll();
      }
      idleUntilClosed(gm);
      idleUntilClosed(ani);
    }
    afterInput();
  }

  private static List<ServerMessage> sendTracked(EmbeddedHarness.Client c, byte[] bytes) {
    write(c.channel, bytes);
    return c.poll();
  }

  /** Writes through a buffer of the channel's allocator, so leak detection tracks it too. */
  private static void write(EmbeddedChannel channel, byte[] bytes) {
    ByteBuf in = channel.alloc().buffer(bytes.length).writeBytes(bytes);
    channel.writeInbound(in);
  }

  /** A connection left silent is closed by one of its timeouts. */
  private static void idleUntilClosed(EmbeddedHarness.Client c) {
    for (long s = 0; s < IDLE_SECONDS && c.channel.isActive(); s += 5) {
      c.channel.advanceTimeBy(5, TimeUnit.SECONDS);
      c.poll();
    }
    assertThat(c.channel.isActive())
        .as("an idle connection is closed within %s s", IDLE_SECONDS)
        .isFalse();
  }

  private static void afterInput() {
    if (++inputs % 2_000 == 0) {
      LeakWatch.collectAndCheck();
    } else {
      LeakWatch.check();
    }
  }
}
