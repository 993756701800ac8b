package org.entente.cli.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import org.HdrHistogram.Recorder;
import org.entente.proto.protocol.v1.Channel;
import org.entente.proto.protocol.v1.ClientMessage;
import org.entente.proto.protocol.v1.SendMessage;
import org.entente.proto.protocol.v1.ServerMessage;
import org.entente.proto.protocol.v1.SetReady;

/**
 * The phases of the classroom workload, each bounded in requests and time. Latency is
 * measured from when a request was due (open loop: its slot in the schedule, so a slow
 * server is not excused by sending later) or sent (closed loop) to its answer.
 */
final class Phases {
  /**
   * The open loop stops offering once more than this many seconds of its offered rate wait
   * for their answers: the server has fallen behind, and what it has not answered by then
   * would not be answered within the phase's wait.
   */
  static final int BEHIND_SECONDS = 2;

  /** The open loop sleeps until an edit is due only when it is this far ahead (a sleep costs about as much). */
  private static final long AHEAD_NANOS = 200_000;

  private final Classroom room;
  private final Meter meter;
  private final java.util.function.Consumer<String> progress;

  Phases(Classroom room, Meter meter, java.util.function.Consumer<String> progress) {
    this.room = room;
    this.meter = meter;
    this.progress = progress;
  }

  /** Order edits one after another, nothing else in flight: the unloaded round trip. */
  Result roundTrips(int count) throws Exception {
    return meter.measure(
        "order edit, unloaded",
        recorder -> {
          long[] counts = new long[3];
          for (int i = 0; i < count; i++) {
            Classroom.Seat seat = room.seats.get(i % room.seats.size());
            long start = System.nanoTime();
            ServerMessage r =
                seat.client.request(seat.edit()).get(Meter.ANSWER_WAIT_SECONDS, TimeUnit.SECONDS);
            Meter.record(recorder, System.nanoTime() - start);
            meter.count(r, counts);
            if (i % 50 == 0) {
              progress.accept("order edit, unloaded " + i + "/" + count);
            }
          }
          return counts;
        });
  }

  /** Every seat keeps one request in flight for {@code seconds}: the closed loop. */
  Result closedLoop(
      String name, int seconds, Function<Classroom.Seat, ClientMessage.Builder> request)
      throws Exception {
    return meter.measure(
        name,
        recorder -> {
          long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
          AtomicLong ok = new AtomicLong();
          AtomicLong errors = new AtomicLong();
          AtomicLong limited = new AtomicLong();
          List<CompletableFuture<Void>> loops = new ArrayList<>();
          for (Classroom.Seat seat : room.seats) {
            CompletableFuture<Void> done = new CompletableFuture<>();
            loops.add(done);
            loop(seat, request, end, recorder, ok, errors, limited, done);
          }
          ticker(name, end, seconds);
          CompletableFuture.allOf(loops.toArray(CompletableFuture[]::new))
              .get(seconds + Meter.ANSWER_WAIT_SECONDS, TimeUnit.SECONDS);
          return new long[] {ok.get(), errors.get(), limited.get()};
        });
  }

  private void loop(
      Classroom.Seat seat,
      Function<Classroom.Seat, ClientMessage.Builder> request,
      long end,
      Recorder recorder,
      AtomicLong ok,
      AtomicLong errors,
      AtomicLong limited,
      CompletableFuture<Void> done) {
    if (System.nanoTime() >= end) {
      done.complete(null);
      return;
    }
    long start = System.nanoTime();
    seat.client
        .request(request.apply(seat))
        .whenComplete(
            (r, e) -> {
              Meter.record(recorder, System.nanoTime() - start);
              if (e != null) {
                errors.incrementAndGet();
                done.complete(null);
                return;
              }
              meter.tally(r, ok, errors, limited);
              loop(seat, request, end, recorder, ok, errors, limited, done);
            });
  }

  /**
   * Each session sends {@code perSecond} order edits a second, spread over its seats, for
   * {@code seconds}: one schedule for all sessions, the edits evenly spaced at the offered rate
   * (sessions in turn, each one's edits {@code 1/perSecond} s apart), as students' edits
   * arrive; not every session at the same instant, which would measure a burst's queue.
   */
  Result openLoop(int perSecond, int seconds) throws Exception {
    String name = "order edit, open loop " + perSecond + "/s per session";
    return meter.measure(
        name,
        recorder -> {
          AtomicLong ok = new AtomicLong();
          AtomicLong errors = new AtomicLong();
          AtomicLong limited = new AtomicLong();
          int sessions = room.sessions.size();
          long offeredPerSecond = (long) perSecond * sessions;
          double spacing = 1e9 / offeredPerSecond;
          long total = offeredPerSecond * seconds;
          List<CompletableFuture<ServerMessage>> inFlight = new ArrayList<>();
          AtomicLong unanswered = new AtomicLong();
          long start = System.nanoTime();
          for (long n = 0; n < total; n++) {
            long due = start + (long) (n * spacing);
            long wait = due - System.nanoTime();
            if (wait > AHEAD_NANOS) {
              LockSupport.parkNanos(wait); // late edits go at once: their latency counts from due
            }
            if (unanswered.get() > BEHIND_SECONDS * offeredPerSecond) {
              meter.noteError(
                  "the server fell behind the offered "
                      + offeredPerSecond
                      + " edits/s: "
                      + unanswered.get()
                      + " waited for their answers (over "
                      + BEHIND_SECONDS
                      + " s of the offered rate) after "
                      + String.format(Locale.ROOT, "%.1f", (System.nanoTime() - start) / 1e9)
                      + " s of "
                      + seconds
                      + ", so the phase stopped offering more");
              break;
            }
            Classroom.Session s = room.sessions.get((int) (n % sessions));
            Classroom.Seat seat = s.seats.get((int) ((n / sessions) % s.seats.size()));
            unanswered.incrementAndGet();
            CompletableFuture<ServerMessage> f = seat.client.request(seat.edit());
            f.whenComplete(
                (r, e) -> {
                  unanswered.decrementAndGet();
                  Meter.record(recorder, System.nanoTime() - due);
                  if (e != null) {
                    errors.incrementAndGet();
                  } else {
                    meter.tally(r, ok, errors, limited);
                  }
                });
            inFlight.add(f);
            if (n % offeredPerSecond == 0) {
              progress.accept(name + " " + (n / offeredPerSecond) + "/" + seconds + " s");
            }
          }
          try {
            CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new))
                .handle((v, e) -> null)
                .get(Meter.ANSWER_WAIT_SECONDS, TimeUnit.SECONDS);
          } catch (TimeoutException e) {
            meter.noteError(
                unanswered.get()
                    + " edits still had no answer "
                    + Meter.ANSWER_WAIT_SECONDS
                    + " s after the last was offered (counted as neither accepted nor errors)");
          }
          return new long[] {ok.get(), errors.get(), limited.get()};
        });
  }

  /** Every seat of {@code sessions} says ready; latency: from the last ready sent until every seat holds the report. */
  Result turn(String name, List<Classroom.Session> sessions) throws Exception {
    return meter.measure(
        name,
        recorder -> {
          long[] counts = new long[3];
          List<int[]> turns = new ArrayList<>();
          List<CompletableFuture<ServerMessage>> readies = new ArrayList<>();
          for (Classroom.Session s : sessions) {
            int turn = s.turn;
            turns.add(new int[] {turn});
            for (Classroom.Seat seat : s.seats) {
              readies.add(
                  seat.client.request(
                      ClientMessage.newBuilder()
                          .setSetReady(SetReady.newBuilder().setTurn(turn).setReady(true))));
            }
          }
          long lastReady = System.nanoTime();
          for (CompletableFuture<ServerMessage> f : readies) {
            meter.count(f.get(Meter.ANSWER_WAIT_SECONDS, TimeUnit.SECONDS), counts);
          }
          long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Meter.ANSWER_WAIT_SECONDS);
          long latest = lastReady;
          for (int i = 0; i < sessions.size(); i++) {
            Classroom.Session s = sessions.get(i);
            int turn = turns.get(i)[0];
            while (held(s, turn) < s.seats.size() && System.nanoTime() < deadline) {
              TimeUnit.MILLISECONDS.sleep(1);
            }
            if (held(s, turn) < s.seats.size()) {
              counts[1]++;
              meter.noteError(
                  "session "
                      + s.joinCode
                      + ": "
                      + held(s, turn)
                      + " of "
                      + s.seats.size()
                      + " seats got the turn "
                      + turn
                      + " report within "
                      + Meter.ANSWER_WAIT_SECONDS
                      + " s");
            } else {
              latest = Math.max(latest, s.lastReportNanos.get(turn));
              Meter.record(recorder, s.lastReportNanos.get(turn) - lastReady);
            }
          }
          return new long[] {counts[0], counts[1], counts[2], latest - lastReady};
        });
  }

  private static int held(Classroom.Session s, int turn) {
    var n = s.reportsHeld.get(turn);
    return n == null ? 0 : n.get();
  }

  static ClientMessage.Builder chat(Classroom.Seat seat) {
    return ClientMessage.newBuilder()
        .setSendMessage(
            SendMessage.newBuilder()
                .setChannel(Channel.PUBLIC)
                .setText(seat.country + " says: shall we talk about the border?"));
  }

  private void ticker(String name, long end, int seconds) throws InterruptedException {
    while (System.nanoTime() < end) {
      long left = TimeUnit.NANOSECONDS.toSeconds(end - System.nanoTime());
      progress.accept(name + " " + (seconds - left) + "/" + seconds + " s");
      TimeUnit.MILLISECONDS.sleep(
          Math.min(1000, Math.max(1, TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime()))));
    }
  }
}
