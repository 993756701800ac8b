package org.entente.cli.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * Turn time and server memory against the size of one session's history: for each level in
 * turn, fill the session's history to that many events ({@link HistoryFill}), then run
 * {@code turns} turns of it one after another (the turn phase: last ready to every seat
 * holding the report) and read the server's heap after a full collection.
 */
final class HistoryCurve {
  /** One level of the curve: the events the session held, how it got there, its turns, the heap. */
  record Point(long events, Result fill, Result turns, OptionalLong heapAfterGcBytes) {}

  private final Phases phases;
  private final HistoryFill filler;
  private final Meter meter;
  private final Consumer<String> progress;

  HistoryCurve(Phases phases, HistoryFill filler, Meter meter, Consumer<String> progress) {
    this.phases = phases;
    this.filler = filler;
    this.meter = meter;
    this.progress = progress;
  }

  List<Point> run(Classroom.Session s, List<Long> levels, int turns) throws Exception {
    List<Point> points = new ArrayList<>();
    for (long level : levels) {
      Result fill = filler.fill(s, level);
      long events = s.lastSeq.get();
      List<Result> each = new ArrayList<>();
      for (int t = 0; t < turns; t++) {
        each.add(phases.turn("turn at " + level + " events", List.of(s)));
      }
      Result merged =
          Result.merged(
              String.format(
                  Locale.ROOT,
                  "turn at %,d events (%d %s)",
                  events,
                  turns,
                  turns == 1 ? "turn" : "turns"),
              each);
      progress.accept(String.format(Locale.ROOT, "heap after a full GC at %,d events", events));
      points.add(new Point(events, fill, merged, meter.probe().heapAfterFullGc()));
    }
    return points;
  }
}
