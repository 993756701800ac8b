package org.entente.cli.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.entente.client.ProtocolClient;
import org.entente.proto.protocol.v1.Channel;
import org.entente.proto.protocol.v1.ClientMessage;
import org.entente.proto.protocol.v1.EditDraft;
import org.entente.proto.protocol.v1.Event;
import org.entente.proto.protocol.v1.Order;
import org.entente.proto.protocol.v1.SendMessage;
import org.entente.proto.protocol.v1.ServerMessage;
import org.entente.proto.protocol.v1.SetReady;
import org.entente.proto.protocol.v1.StartGame;

/**
 * What a session nobody is connected to costs the server: N sessions are made the way a class
 * leaves one (a game master creates it, two students join, the game starts, {@link #MESSAGES}
 * messages are posted, K turns are played, each student adding a statement each turn,
 * everyone disconnects), then the heap after a full collection and the
 * open descriptors are compared with before. Then one more session gets a long history (its
 * seven seats post until it holds that many events) and is left the same way, then a second
 * one: its heap cost should not grow with its history. The first one's cost is not a
 * session's only: its burst of messages also grows what the server keeps for every session
 * (Netty's per-thread pools of write tasks and its buffer chunks' free lists, classes first
 * used, pool threads started), once.
 */
final class IdleSessions {
  /** Messages each idle session's students post before leaving. */
  static final int MESSAGES = 3;

  /** Sessions made at once. */
  static final int WINDOW = 16;

  /**
   * Turns an idle session may play: a game lasts at most 120 (the server's limit), and the
   * idle sessions stay in play, so they last one turn more than they play.
   */
  static final int MAX_TURNS = 119;

  /** How long the server is given to notice that the idle sessions' connections closed. */
  static final long SETTLE_SECONDS = 10;

  /**
   * The second long-history session, measured alone: {@code costBytes} is its heap, {@code
   * firstCostBytes} the first one's (the server's own pools warming up included).
   */
  record LongHistory(
      long events,
      Result fill,
      OptionalLong heapAfterGcBytes,
      Optional<OpenFiles> filesAfter,
      OptionalLong firstCostBytes,
      OptionalLong costBytes) {}

  /** The measurement. {@code made} times each idle session's whole making; {@code turns}: the turns each played. */
  record Report(
      int sessions,
      int turns,
      Result made,
      OptionalLong heapBeforeBytes,
      OptionalLong heapAfterBytes,
      Optional<OpenFiles> filesBefore,
      Optional<OpenFiles> filesAfter,
      Optional<LongHistory> longHistory) {
    /** Heap after minus heap before, per idle session. */
    OptionalLong bytesPerSession() {
      return heapBeforeBytes.isPresent() && heapAfterBytes.isPresent()
          ? OptionalLong.of((heapAfterBytes.getAsLong() - heapBeforeBytes.getAsLong()) / sessions)
          : OptionalLong.empty();
    }
  }

  private final Classroom room;
  private final Meter meter;
  private final HistoryFill filler;
  private final Consumer<String> progress;

  /** {@code room} is empty: it only says where the server is; each long-history session has a room of its own there. */
  IdleSessions(Classroom room, Meter meter, HistoryFill filler, Consumer<String> progress) {
    this.room = room;
    this.meter = meter;
    this.filler = filler;
    this.progress = progress;
  }

  /**
   * Makes {@code count} idle sessions that played {@code turns} turns, then (if {@code
   * longEvents} > 0) two with that many events.
   */
  Report run(int count, int turns, long longEvents, int joinWindow) throws Exception {
    if (turns < 0 || turns > MAX_TURNS) {
      throw new IllegalArgumentException("turns 0.." + MAX_TURNS);
    }
    Probe probe = meter.probe();
    // One session first, outside the count: the first one loads the scenario and the classes
    // every later session shares, which would otherwise be charged to the idle sessions.
    // The heap is read before the descriptors each time: the first jcmd opens the JVM's attach
    // listener, a socket that stays open from then on.
    probe.heapAfterFullGc();
    Optional<OpenFiles> fresh = probe.openFiles();
    makeIdle(-1, turns);
    settle(fresh);
    progress.accept("heap after a full GC before the idle sessions");
    OptionalLong heapBefore = probe.heapAfterFullGc();
    Optional<OpenFiles> filesBefore = probe.openFiles();
    Result made =
        meter.measure(
            "idle sessions made",
            recorder -> {
              Workers.Outcome outcome =
                  Workers.run(
                      WINDOW,
                      count,
                      System.nanoTime() + TimeUnit.SECONDS.toNanos(Entry.LIMIT_SECONDS),
                      i -> {
                        long start = System.nanoTime();
                        makeIdle(i, turns);
                        Meter.record(recorder, System.nanoTime() - start);
                        if (i % 20 == 0) {
                          progress.accept("idle sessions " + i + "/" + count);
                        }
                      });
              outcome.failures().forEach(e -> meter.noteError(String.valueOf(e.getMessage())));
              return new long[] {outcome.done(), outcome.failures().size() + outcome.skipped(), 0};
            });
    settle(filesBefore);
    progress.accept("heap after a full GC with " + count + " idle sessions");
    OptionalLong heapAfter = probe.heapAfterFullGc();
    Optional<OpenFiles> filesAfter = probe.openFiles();
    Optional<LongHistory> longHistory = Optional.empty();
    if (longEvents > 0) {
      LongHistory first =
          longHistory(longEvents, joinWindow, heapAfter, filesAfter, OptionalLong.empty());
      longHistory =
          Optional.of(
              longHistory(
                  longEvents,
                  joinWindow,
                  first.heapAfterGcBytes(),
                  first.filesAfter(),
                  first.costBytes()));
    }
    return new Report(
        count, turns, made, heapBefore, heapAfter, filesBefore, filesAfter, longHistory);
  }

  /** One long-history session, in a room of its own, filled and left; {@code first}: the first one's cost, if this is the second. */
  private LongHistory longHistory(
      long events,
      int joinWindow,
      OptionalLong heapBefore,
      Optional<OpenFiles> filesBefore,
      OptionalLong first)
      throws Exception {
    String which = first.isPresent() ? "second" : "first";
    try (Classroom own = new Classroom(room.host, room.port, room.group, room.seating)) {
      Entry entry = new Entry(own, meter, progress);
      entry.createSessions(1, 0, true);
      entry.joinSeats(joinWindow);
      entry.startGames(false, 1);
      Classroom.Session s = own.sessions.get(0);
      Result fill = filler.fill(s, events);
      long reached = s.lastSeq.get();
      Classroom.leave(s);
      settle(filesBefore);
      progress.accept("heap after a full GC with the " + which + " long-history session idle");
      OptionalLong heap = meter.probe().heapAfterFullGc();
      OptionalLong cost =
          heap.isPresent() && heapBefore.isPresent()
              ? OptionalLong.of(heap.getAsLong() - heapBefore.getAsLong())
              : OptionalLong.empty();
      return new LongHistory(reached, fill, heap, meter.probe().openFiles(), first, cost);
    }
  }

  /** One idle session that played {@code turns} turns, made and left; {@code index} -1 is the warm-up. */
  private void makeIdle(int index, int turns) throws Exception {
    ProtocolClient gm = room.connect();
    ProtocolClient arm = null;
    ProtocolClient rus = null;
    Semaphore reports = new Semaphore(0);
    try {
      // The default length, or one turn more than it plays: the game is still on when left.
      ServerMessage created = ask(gm, Classroom.creation(index, turns == 0 ? 0 : turns + 1));
      String code = created.getSessionCreated().getJoinCode();
      arm = room.connect();
      arm.onEvent(e -> reported(e, reports));
      ask(arm, Classroom.joining(code, "Idle " + index + "-a", "ARM"));
      rus = room.connect();
      rus.onEvent(e -> reported(e, reports));
      ask(rus, Classroom.joining(code, "Idle " + index + "-r", "RUS"));
      ask(gm, ClientMessage.newBuilder().setStartGame(StartGame.getDefaultInstance()));
      for (int m = 0; m < MESSAGES; m++) {
        ask(
            m % 2 == 0 ? arm : rus,
            ClientMessage.newBuilder()
                .setSendMessage(
                    SendMessage.newBuilder()
                        .setChannel(Channel.PUBLIC)
                        .setText("Message " + m + " before the bell.")));
      }
      for (int turn = 1; turn <= turns; turn++) {
        play(turn, arm, "AZE");
        play(turn, rus, "ARM");
        List<CompletableFuture<ServerMessage>> readies = new ArrayList<>();
        for (ProtocolClient student : List.of(arm, rus)) {
          readies.add(
              student.request(
                  ClientMessage.newBuilder()
                      .setSetReady(SetReady.newBuilder().setTurn(turn).setReady(true))));
        }
        for (CompletableFuture<ServerMessage> ready : readies) {
          Classroom.ok(ready.get(Meter.ANSWER_WAIT_SECONDS, TimeUnit.SECONDS));
        }
        if (!reports.tryAcquire(2, Meter.ANSWER_WAIT_SECONDS, TimeUnit.SECONDS)) {
          throw new IllegalStateException(
              "turn " + turn + " of idle session " + index + " was not reported to both students");
        }
      }
    } finally {
      for (ProtocolClient c : java.util.Arrays.asList(arm, rus, gm)) {
        if (c != null) {
          c.close();
        }
      }
    }
  }

  private static void reported(Event e, Semaphore reports) {
    if (e.hasTurnReport()) {
      reports.release();
    }
  }

  /** The student's statement of {@code turn} (its tone changes every turn). */
  private static void play(int turn, ProtocolClient student, String target) throws Exception {
    ask(
        student,
        ClientMessage.newBuilder()
            .setEditDraft(
                EditDraft.newBuilder()
                    .setTurn(turn)
                    .setAdd(
                        Order.newBuilder()
                            .setText(
                                "STATEMENT "
                                    + target
                                    + (turn % 2 == 0 ? " REASSURE" : " CRITICISE")))));
  }

  private static ServerMessage ask(ProtocolClient client, ClientMessage.Builder request)
      throws Exception {
    return Classroom.ok(request(client, request));
  }

  private static ServerMessage request(ProtocolClient client, ClientMessage.Builder request)
      throws Exception {
    return client.request(request).get(Meter.ANSWER_WAIT_SECONDS, TimeUnit.SECONDS);
  }

  /**
   * Waits until the server holds no more sockets than {@code before} (its connections from
   * the sessions just left are closed), at most {@link #SETTLE_SECONDS}; a remote server
   * cannot be read, and is given a second.
   */
  private void settle(Optional<OpenFiles> before) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SETTLE_SECONDS);
    if (before.isEmpty()) {
      TimeUnit.SECONDS.sleep(1);
      return;
    }
    while (System.nanoTime() < deadline) {
      Optional<OpenFiles> now = meter.probe().openFiles();
      if (now.isEmpty() || now.get().sockets() <= before.get().sockets()) {
        break;
      }
      TimeUnit.MILLISECONDS.sleep(50);
    }
  }
}
