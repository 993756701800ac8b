package org.entente.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.entente.server.EntenteServer;
import org.junit.jupiter.api.Test;

/**
 * Idle sessions made and left against a real server, the server's process read through a
 * probe that answers with given figures (this test's JVM is the server's, so its own heap
 * would say nothing about sessions): the arithmetic and the report are checked exactly.
 */
class IdleSessionsRunTest {
  /** Answers the heap readings in the order given, and the same descriptors every time. */
  private static final class ScriptedProbe implements Probe {
    private final Deque<Long> heaps;
    private final OpenFiles files;

    ScriptedProbe(List<Long> heaps, OpenFiles files) {
      this.heaps = new ArrayDeque<>(heaps);
      this.files = files;
    }

    @Override
    public OptionalLong cpuMillis() {
      return OptionalLong.empty();
    }

    @Override
    public OptionalLong rssBytes() {
      return OptionalLong.empty();
    }

    @Override
    public OptionalLong heapAfterFullGc() {
      return OptionalLong.of(heaps.removeFirst());
    }

    @Override
    public Optional<OpenFiles> openFiles() {
      return Optional.of(files);
    }
  }

  @Test
  void idleSessionsAreMadeAndLeftAndTheirHeapIsSharedOut() throws Exception {
    // Readings in order: the warm-up's (opens jcmd's attach listener), before, after the idle
    // sessions, after the first long-history one, after the second.
    ScriptedProbe probe =
        new ScriptedProbe(
            List.of(90_000_000L, 100_000_000L, 100_400_000L, 105_400_000L, 105_430_000L),
            new OpenFiles(30, 3, 2));
    EventLoopGroup group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
    try (EntenteServer server = BenchCommandTest.server()) {
      Classroom room = new Classroom("127.0.0.1", server.port(), group, Classroom.Seating.DEFAULT);
      Meter meter = new Meter(probe);
      IdleSessions.Report r;
      try (room) {
        r =
            new IdleSessions(room, meter, new HistoryFill(meter, line -> {}), line -> {})
                .run(5, 2, 60, 8);
      }
      assertThat(r.sessions()).isEqualTo(5);
      assertThat(r.made().requests()).as("each idle session counted once").isEqualTo(5);
      assertThat(r.made().errors()).as(r.made().firstError()).isZero();
      assertThat(r.bytesPerSession()).hasValue(80_000);
      IdleSessions.LongHistory l = r.longHistory().orElseThrow();
      assertThat(l.fill().errors()).as(l.fill().firstError()).isZero();
      assertThat(l.events()).isBetween(60L, 60L + HistoryFill.WINDOW);
      assertThat(l.firstCostBytes()).hasValue(5_000_000);
      assertThat(l.costBytes()).hasValue(30_000);
      assertThat(room.openConnections()).as("everyone left").isZero();

      String table =
          new Report(List.of(r.made()), List.of(), Optional.of(r), Optional.empty()).table();
      assertThat(table)
          .contains(
              "idle sessions: 5, each created, joined by 2 students, started, 3 messages posted,"
                  + " 2 turns played (a statement from each student each turn), then left by"
                  + " everyone")
          .contains("per idle session: 78.1 KB of heap; open descriptors +0 in all, +0 data files")
          .containsPattern("with 5 idle sessions +95\\.7 +30 +3 +2")
          .contains(
              "the second session with "
                  + l.events()
                  + " events, nobody connected: 29.3 KB of heap (the first: 4.8 MB,");
      String json =
          new Report(List.of(r.made()), List.of(), Optional.of(r), Optional.empty()).json();
      assertThat(json)
          .contains(
              "\"idleSessions\":{\"sessions\":5,\"turns\":2,\"heapBeforeBytes\":100000000,"
                  + "\"heapAfterBytes\":100400000,\"bytesPerSession\":80000,"
                  + "\"filesBefore\":{\"total\":30,\"sockets\":3,\"dataFiles\":2},")
          .contains("\"firstCostBytes\":5000000,\"costBytes\":30000");
    } finally {
      group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }
  }
}
