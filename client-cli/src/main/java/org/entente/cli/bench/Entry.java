package org.entente.cli.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.entente.client.ProtocolClient;
import org.entente.proto.protocol.v1.ServerMessage;

/**
 * A class arriving, as two phases: game masters creating sessions one after another (the
 * create_session round trip), then every student joining (connect, hello, join_session), a
 * bounded number at once across sessions. Game masters connect natively; students as the
 * classroom's {@link Classroom.Seating} says. The seated sessions go into the {@link Classroom}.
 */
final class Entry {
  /** The longest any entry phase may take; what is not begun by then is skipped and counted. */
  static final long LIMIT_SECONDS = 600;

  private final Classroom room;
  private final Meter meter;
  private final Consumer<String> progress;

  Entry(Classroom room, Meter meter, Consumer<String> progress) {
    this.room = room;
    this.meter = meter;
    this.progress = progress;
  }

  /**
   * Creates {@code count} sessions lasting {@code turns} turns, one after another; latency is
   * the create_session round trip (the game master's connect and hello come before it). With
   * {@code keepGameMasters} false each game master leaves right after (keeping its token),
   * which saves a descriptor per session on both sides.
   */
  Result createSessions(int count, int turns, boolean keepGameMasters) throws Exception {
    Result r =
        meter.measure(
            "create session",
            recorder -> {
              long[] counts = new long[3];
              long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(LIMIT_SECONDS);
              for (int i = 0; i < count && System.nanoTime() < deadline; i++) {
                int index = room.sessions.size();
                ProtocolClient gm = room.connect();
                long start = System.nanoTime();
                ServerMessage created =
                    gm.request(Classroom.creation(index, turns))
                        .get(Meter.ANSWER_WAIT_SECONDS, TimeUnit.SECONDS);
                Meter.record(recorder, System.nanoTime() - start);
                meter.count(created, counts);
                if (created.hasError()) {
                  gm.close();
                  break;
                }
                var answer = created.getSessionCreated();
                Classroom.Session s =
                    new Classroom.Session(
                        index,
                        keepGameMasters ? gm : null,
                        answer.getJoinCode(),
                        answer.getGameMasterToken());
                s.sawSeq(answer.getView().getLastSeq());
                if (!keepGameMasters) {
                  gm.close();
                }
                room.sessions.add(s);
                if (i % 10 == 0) {
                  progress.accept("creating sessions " + i + "/" + count);
                }
              }
              return counts;
            });
    if (room.sessions.size() < count) {
      throw new IllegalStateException(
          room.sessions.size() + " of " + count + " sessions were created: " + r.firstError());
    }
    return r;
  }

  /**
   * Every session's seats join ({@link Classroom#seating}: how many, and native or over the
   * browser's WebSocket), {@code window} at once across sessions; latency is from the seat's
   * connect to its Joined answer, so seats/s is the join throughput.
   */
  Result joinSeats(int window) throws Exception {
    List<Classroom.Session> sessions = room.sessions;
    int perSession = room.seating.seatsPerSession();
    int total = sessions.size() * perSession;
    List<Classroom.Seat[]> joined = new ArrayList<>();
    for (int i = 0; i < sessions.size(); i++) {
      joined.add(new Classroom.Seat[perSession]);
    }
    AtomicInteger seated = new AtomicInteger();
    Result r =
        meter.measure(
            "join (connect, hello, join)",
            recorder -> {
              long[] counts = new long[3];
              Workers.Outcome outcome =
                  Workers.run(
                      window,
                      total,
                      System.nanoTime() + TimeUnit.SECONDS.toNanos(LIMIT_SECONDS),
                      n -> {
                        Classroom.Session s = sessions.get(n / perSession);
                        int k = n % perSession;
                        String[] seat = Classroom.Seating.place(k);
                        long start = System.nanoTime();
                        SeatConnection client = room.connectSeat();
                        client.onEvent(s::onEvent);
                        ServerMessage answer =
                            client
                                .request(
                                    Classroom.joining(
                                        s.joinCode, "Student " + s.index + "-" + k, seat[0]))
                                .get(Meter.ANSWER_WAIT_SECONDS, TimeUnit.SECONDS);
                        Meter.record(recorder, System.nanoTime() - start);
                        synchronized (counts) {
                          meter.count(answer, counts);
                        }
                        if (answer.hasError()) {
                          client.close();
                          return;
                        }
                        joined.get(n / perSession)[k] =
                            new Classroom.Seat(client, seat[0], seat[1], s);
                        int done = seated.incrementAndGet();
                        if (done % 50 == 0) {
                          progress.accept("joining seats " + done + "/" + total);
                        }
                      });
              for (Exception e : outcome.failures()) {
                counts[1]++;
                meter.noteError(String.valueOf(e.getMessage()));
              }
              counts[1] += outcome.skipped();
              if (outcome.skipped() > 0) {
                meter.noteError(
                    outcome.skipped() + " joins not begun within " + LIMIT_SECONDS + " s");
              }
              return counts;
            });
    if (seated.get() < total) {
      throw new IllegalStateException(
          seated.get() + " of " + total + " seats joined: " + r.firstError());
    }
    for (int i = 0; i < sessions.size(); i++) {
      room.seat(sessions.get(i), joined.get(i));
    }
    return r;
  }

  /** Starts every game and, with {@code orders}, places each country's statement to edit; not measured. */
  void startGames(boolean orders, int window) throws Exception {
    List<Classroom.Session> sessions = room.sessions;
    AtomicInteger started = new AtomicInteger();
    Workers.Outcome outcome =
        Workers.run(
            window,
            sessions.size(),
            System.nanoTime() + TimeUnit.SECONDS.toNanos(LIMIT_SECONDS),
            i -> {
              Classroom.Session s = sessions.get(i);
              room.startGame(s);
              if (orders) {
                room.placeOrders(s);
              }
              int done = started.incrementAndGet();
              if (done % 10 == 0) {
                progress.accept("starting games " + done + "/" + sessions.size());
              }
            });
    if (outcome.done() < sessions.size()) {
      throw new IllegalStateException(
          outcome.done()
              + " of "
              + sessions.size()
              + " games started"
              + (outcome.failures().isEmpty()
                  ? ""
                  : ": " + outcome.failures().get(0).getMessage()));
    }
  }
}
