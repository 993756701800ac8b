package org.entente.cli.bench;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import org.HdrHistogram.Histogram;

/**
 * What a bench run measured, as a table for the terminal or one JSON object for scripts: the
 * phases, and whichever of the history curve, the idle sessions and the seats held the run's
 * mode measured.
 */
record Report(
    List<Result> phases,
    List<HistoryCurve.Point> curve,
    Optional<IdleSessions.Report> idle,
    Optional<SeatsHeld> seats) {

  /** Seats connected and held ({@code --seats-only}), and the server's memory and descriptors then. */
  record SeatsHeld(
      int sessions,
      int seats,
      int connected,
      int heldSeconds,
      OptionalLong rssBytes,
      OptionalLong heapAfterGcBytes,
      Optional<OpenFiles> files) {}

  static Report of(List<Result> phases) {
    return new Report(phases, List.of(), Optional.empty(), Optional.empty());
  }

  String table() {
    StringBuilder b = new StringBuilder();
    phaseTable(b);
    if (!curve.isEmpty()) {
      curveTable(b);
    }
    idle.ifPresent(r -> idleTable(b, r));
    seats.ifPresent(s -> seatsLine(b, s));
    return b.toString();
  }

  private void phaseTable(StringBuilder b) {
    b.append(
        String.format(
            Locale.ROOT,
            "%-44s %9s %9s %8s %8s %8s %8s %7s %7s %8s %8s%n",
            "phase",
            "requests",
            "per s",
            "p50 ms",
            "p99 ms",
            "p99.9",
            "max ms",
            "errors",
            "limited",
            "cpu s",
            "rss MB"));
    for (Result r : phases) {
      Histogram h = r.latency();
      b.append(
          String.format(
              Locale.ROOT,
              "%-44s %9d %9.0f %8.2f %8.2f %8.2f %8.2f %7d %7d %8s %8s%n",
              r.name(),
              r.requests(),
              r.throughput(),
              ms(h.getValueAtPercentile(50)),
              ms(h.getValueAtPercentile(99)),
              ms(h.getValueAtPercentile(99.9)),
              ms(h.getMaxValue()),
              r.errors(),
              r.rateLimited(),
              r.serverCpuMillis().isPresent()
                  ? String.format(Locale.ROOT, "%.2f", r.serverCpuMillis().getAsLong() / 1000.0)
                  : "-",
              r.serverRssBytes().isPresent()
                  ? String.valueOf(r.serverRssBytes().getAsLong() / (1024 * 1024))
                  : "-"));
    }
    for (Result r : phases) {
      if (!r.firstError().isEmpty()) {
        b.append("first error in '")
            .append(r.name())
            .append("': ")
            .append(r.firstError())
            .append('\n');
      }
    }
  }

  private void curveTable(StringBuilder b) {
    b.append("\nturn time and server heap against the events in one session's history\n");
    b.append(
        String.format(
            Locale.ROOT,
            "%12s %6s %12s %12s %12s %17s %9s %11s%n",
            "events",
            "turns",
            "turn p50 ms",
            "turn p99 ms",
            "turn max ms",
            "heap MB after GC",
            "fill s",
            "fill msg/s"));
    for (HistoryCurve.Point p : curve) {
      Histogram h = p.turns().latency();
      b.append(
          String.format(
              Locale.ROOT,
              "%,12d %6d %12.2f %12.2f %12.2f %17s %9.1f %11.0f%n",
              p.events(),
              h.getTotalCount(),
              ms(h.getValueAtPercentile(50)),
              ms(h.getValueAtPercentile(99)),
              ms(h.getMaxValue()),
              mib(p.heapAfterGcBytes()),
              p.fill().seconds(),
              p.fill().throughput()));
    }
  }

  private static void idleTable(StringBuilder b, IdleSessions.Report r) {
    b.append(
        String.format(
            Locale.ROOT,
            "%nidle sessions: %,d, each created, joined by 2 students, started, %d messages posted,"
                + "%s then left by everyone%n",
            r.sessions(),
            IdleSessions.MESSAGES,
            r.turns() == 0
                ? ""
                : String.format(
                    Locale.ROOT,
                    " %d %s played (a statement from each student each turn),",
                    r.turns(),
                    r.turns() == 1 ? "turn" : "turns")));
    b.append(
        String.format(
            Locale.ROOT,
            "%-36s %17s %10s %9s %11s%n",
            "",
            "heap MB after GC",
            "open fds",
            "sockets",
            "data files"));
    idleRow(b, "before (after one warm-up session)", r.heapBeforeBytes(), r.filesBefore());
    idleRow(
        b,
        String.format(Locale.ROOT, "with %,d idle sessions", r.sessions()),
        r.heapAfterBytes(),
        r.filesAfter());
    b.append(
        String.format(
            Locale.ROOT,
            "per idle session: %s of heap; open descriptors %s%n",
            bytes(r.bytesPerSession()),
            r.filesBefore().isPresent() && r.filesAfter().isPresent()
                ? String.format(
                    Locale.ROOT,
                    "%+d in all, %+d data files",
                    r.filesAfter().get().total() - r.filesBefore().get().total(),
                    r.filesAfter().get().dataFiles() - r.filesBefore().get().dataFiles())
                : "-"));
    r.longHistory()
        .ifPresent(
            l -> {
              idleRow(
                  b,
                  String.format(Locale.ROOT, "and two idle with %,d events", l.events()),
                  l.heapAfterGcBytes(),
                  l.filesAfter());
              b.append(
                  String.format(
                      Locale.ROOT,
                      "the second session with %,d events, nobody connected: %s of heap"
                          + " (the first: %s, the server's pools warming up included)%n",
                      l.events(),
                      bytes(l.costBytes()),
                      bytes(l.firstCostBytes())));
            });
  }

  private static void idleRow(
      StringBuilder b, String what, OptionalLong heap, Optional<OpenFiles> files) {
    b.append(
        String.format(
            Locale.ROOT,
            "%-36s %17s %10s %9s %11s%n",
            what,
            mib(heap),
            files.map(f -> String.valueOf(f.total())).orElse("-"),
            files.map(f -> String.valueOf(f.sockets())).orElse("-"),
            files.map(f -> String.valueOf(f.dataFiles())).orElse("-")));
  }

  private static void seatsLine(StringBuilder b, SeatsHeld s) {
    b.append(
        String.format(
            Locale.ROOT,
            "%n%,d of %,d seats connected (%,d sessions, their game masters gone), held %d s:"
                + " server RSS %s MB, heap after GC %s MB, open descriptors %s%n",
            s.connected(),
            s.seats(),
            s.sessions(),
            s.heldSeconds(),
            s.rssBytes().isPresent()
                ? String.valueOf(s.rssBytes().getAsLong() / (1024 * 1024))
                : "-",
            mib(s.heapAfterGcBytes()),
            s.files()
                .map(
                    f ->
                        String.format(
                            Locale.ROOT,
                            "%,d (%,d sockets, %,d data files)",
                            f.total(),
                            f.sockets(),
                            f.dataFiles()))
                .orElse("-")));
  }

  String json() {
    StringBuilder b = new StringBuilder("{\"phases\":[");
    for (int i = 0; i < phases.size(); i++) {
      if (i > 0) {
        b.append(',');
      }
      phaseJson(b, phases.get(i));
    }
    b.append(']');
    if (!curve.isEmpty()) {
      b.append(",\"historyCurve\":[");
      for (int i = 0; i < curve.size(); i++) {
        HistoryCurve.Point p = curve.get(i);
        Histogram h = p.turns().latency();
        if (i > 0) {
          b.append(',');
        }
        b.append(
            String.format(
                Locale.ROOT,
                "{\"events\":%d,\"turns\":%d,\"turnP50Ms\":%.3f,\"turnP99Ms\":%.3f,\"turnMaxMs\":%.3f,"
                    + "\"heapAfterGcBytes\":%s,\"fill\":",
                p.events(),
                h.getTotalCount(),
                ms(h.getValueAtPercentile(50)),
                ms(h.getValueAtPercentile(99)),
                ms(h.getMaxValue()),
                number(p.heapAfterGcBytes())));
        phaseJson(b, p.fill());
        b.append(",\"turnPhase\":");
        phaseJson(b, p.turns());
        b.append('}');
      }
      b.append(']');
    }
    idle.ifPresent(
        r -> {
          b.append(
              String.format(
                  Locale.ROOT,
                  ",\"idleSessions\":{\"sessions\":%d,\"turns\":%d,\"heapBeforeBytes\":%s,"
                      + "\"heapAfterBytes\":%s,\"bytesPerSession\":%s,\"filesBefore\":%s,"
                      + "\"filesAfter\":%s,\"made\":",
                  r.sessions(),
                  r.turns(),
                  number(r.heapBeforeBytes()),
                  number(r.heapAfterBytes()),
                  number(r.bytesPerSession()),
                  files(r.filesBefore()),
                  files(r.filesAfter())));
          phaseJson(b, r.made());
          b.append(",\"longHistory\":");
          if (r.longHistory().isEmpty()) {
            b.append("null");
          } else {
            IdleSessions.LongHistory l = r.longHistory().get();
            b.append(
                String.format(
                    Locale.ROOT,
                    "{\"events\":%d,\"heapAfterBytes\":%s,\"firstCostBytes\":%s,\"costBytes\":%s,"
                        + "\"filesAfter\":%s,\"fill\":",
                    l.events(),
                    number(l.heapAfterGcBytes()),
                    number(l.firstCostBytes()),
                    number(l.costBytes()),
                    files(l.filesAfter())));
            phaseJson(b, l.fill());
            b.append('}');
          }
          b.append('}');
        });
    seats.ifPresent(
        s ->
            b.append(
                String.format(
                    Locale.ROOT,
                    ",\"seatsHeld\":{\"sessions\":%d,\"seats\":%d,\"connected\":%d,\"heldSeconds\":%d,"
                        + "\"serverRssBytes\":%s,\"heapAfterGcBytes\":%s,\"files\":%s}",
                    s.sessions(),
                    s.seats(),
                    s.connected(),
                    s.heldSeconds(),
                    number(s.rssBytes()),
                    number(s.heapAfterGcBytes()),
                    files(s.files()))));
    return b.append("}\n").toString();
  }

  private static void phaseJson(StringBuilder b, Result r) {
    Histogram h = r.latency();
    b.append(
        String.format(
            Locale.ROOT,
            "{\"phase\":%s,\"requests\":%d,\"seconds\":%.3f,\"perSecond\":%.1f,\"p50Ms\":%.3f,\"p99Ms\":%.3f,\"p999Ms\":%.3f,"
                + "\"maxMs\":%.3f,\"errors\":%d,\"rateLimited\":%d,\"serverCpuSeconds\":%s,\"serverRssBytes\":%s,\"firstError\":%s}",
            quote(r.name()),
            r.requests(),
            r.seconds(),
            r.throughput(),
            ms(h.getValueAtPercentile(50)),
            ms(h.getValueAtPercentile(99)),
            ms(h.getValueAtPercentile(99.9)),
            ms(h.getMaxValue()),
            r.errors(),
            r.rateLimited(),
            r.serverCpuMillis().isPresent()
                ? String.format(Locale.ROOT, "%.3f", r.serverCpuMillis().getAsLong() / 1000.0)
                : "null",
            number(r.serverRssBytes()),
            r.firstError().isEmpty() ? "null" : quote(r.firstError())));
  }

  private static String files(Optional<OpenFiles> files) {
    return files
        .map(
            f ->
                String.format(
                    Locale.ROOT,
                    "{\"total\":%d,\"sockets\":%d,\"dataFiles\":%d}",
                    f.total(),
                    f.sockets(),
                    f.dataFiles()))
        .orElse("null");
  }

  private static String number(OptionalLong n) {
    return n.isPresent() ? String.valueOf(n.getAsLong()) : "null";
  }

  private static String mib(OptionalLong bytes) {
    return bytes.isPresent()
        ? String.format(Locale.ROOT, "%.1f", bytes.getAsLong() / (1024.0 * 1024))
        : "-";
  }

  /** Bytes in the unit that reads best: "812 B", "37.5 KB", "23.1 MB" (of 1,024). */
  static String bytes(OptionalLong bytes) {
    if (bytes.isEmpty()) {
      return "-";
    }
    long n = bytes.getAsLong();
    if (Math.abs(n) < 1024) {
      return n + " B";
    }
    if (Math.abs(n) < 1024 * 1024) {
      return String.format(Locale.ROOT, "%.1f KB", n / 1024.0);
    }
    return String.format(Locale.ROOT, "%.1f MB", n / (1024.0 * 1024));
  }

  static String quote(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') {
        b.append('\\').append(c);
      } else if (c < 0x20) {
        b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.append('"').toString();
  }

  private static double ms(long nanos) {
    return nanos / 1e6;
  }
}
