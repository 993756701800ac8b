package org.entente.cli.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.HdrHistogram.Recorder;
import org.entente.proto.protocol.v1.ClientMessage;
import org.entente.proto.protocol.v1.ServerMessage;

/**
 * Fills one session's history: its seats post public messages nonstop, {@link #PER_SEAT} in
 * flight on each seat's connection (pipelined) and at most {@link #WINDOW} in all, until the
 * session's event count (the seq of its answers and events) reaches the level asked, or
 * {@link #LIMIT_SECONDS} pass.
 */
final class HistoryFill {
  /** Messages in flight on one seat's connection, under the server's 16 in flight per connection. */
  static final int PER_SEAT = 8;

  /** Messages in flight in the session at most: 8 on each of the seven seats. */
  static final int WINDOW = 56;

  /** The longest one fill may take; the level reached by then is what is reported. */
  static final long LIMIT_SECONDS = 1800;

  private final Meter meter;
  private final Consumer<String> progress;

  HistoryFill(Meter meter, Consumer<String> progress) {
    this.meter = meter;
    this.progress = progress;
  }

  /** Posts messages in {@code s} until it holds {@code events} events; latency: send to answer. */
  Result fill(Classroom.Session s, long events) throws Exception {
    String name = String.format(Locale.ROOT, "history fill to %,d events", events);
    return meter.measure(
        name,
        recorder -> {
          long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(LIMIT_SECONDS);
          AtomicLong ok = new AtomicLong();
          AtomicLong errors = new AtomicLong();
          AtomicLong limited = new AtomicLong();
          // Each message is one event; a lost or refused one leaves the level short, so a
          // second round sends what is still missing (at most a few rounds: errors stop it).
          for (int round = 0; round < 3 && s.lastSeq.get() < events; round++) {
            AtomicLong budget = new AtomicLong(events - s.lastSeq.get());
            long errorsBefore = errors.get();
            List<CompletableFuture<Void>> lanes = new ArrayList<>();
            int window = Math.min(WINDOW, PER_SEAT * s.seats.size());
            for (int lane = 0; lane < window; lane++) {
              Classroom.Seat seat = s.seats.get(lane % s.seats.size());
              CompletableFuture<Void> done = new CompletableFuture<>();
              lanes.add(done);
              send(seat, budget, end, recorder, ok, errors, limited, done);
            }
            CompletableFuture<Void> all =
                CompletableFuture.allOf(lanes.toArray(CompletableFuture[]::new));
            while (!all.isDone()) {
              progress.accept(String.format(Locale.ROOT, "%s: %,d so far", name, s.lastSeq.get()));
              try {
                all.get(1, TimeUnit.SECONDS);
              } catch (java.util.concurrent.TimeoutException e) {
                // show the progress again
              }
              if (System.nanoTime() > end + TimeUnit.SECONDS.toNanos(Meter.ANSWER_WAIT_SECONDS)) {
                break;
              }
            }
            if (errors.get() > errorsBefore || System.nanoTime() > end) {
              break;
            }
          }
          if (s.lastSeq.get() < events) {
            meter.noteError(
                String.format(
                    Locale.ROOT,
                    "the session reached %,d events of %,d (in at most %d s)",
                    s.lastSeq.get(),
                    events,
                    LIMIT_SECONDS));
          }
          return new long[] {ok.get(), errors.get(), limited.get()};
        });
  }

  private void send(
      Classroom.Seat seat,
      AtomicLong budget,
      long end,
      Recorder recorder,
      AtomicLong ok,
      AtomicLong errors,
      AtomicLong limited,
      CompletableFuture<Void> done) {
    if (System.nanoTime() >= end || budget.getAndDecrement() <= 0) {
      done.complete(null);
      return;
    }
    ClientMessage.Builder message = Phases.chat(seat);
    long start = System.nanoTime();
    seat.client
        .request(message)
        .whenComplete(
            (r, e) -> {
              Meter.record(recorder, System.nanoTime() - start);
              if (e != null) {
                errors.incrementAndGet();
                meter.noteError(String.valueOf(e.getMessage()));
                done.complete(null);
                return;
              }
              meter.tally(r, ok, errors, limited);
              sawSeq(seat.session, r);
              if (r.hasError()) {
                done.complete(null);
                return;
              }
              send(seat, budget, end, recorder, ok, errors, limited, done);
            });
  }

  /** A posted message's answer carries its seq (a one-message history page). */
  private static void sawSeq(Classroom.Session s, ServerMessage r) {
    if (r.hasHistoryPage() && r.getHistoryPage().getMessagesCount() > 0) {
      s.sawSeq(r.getHistoryPage().getMessages(0).getSeq());
    }
  }
}
