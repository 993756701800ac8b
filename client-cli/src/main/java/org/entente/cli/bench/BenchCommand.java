package org.entente.cli.bench;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.entente.client.ServerAddress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code entente bench}: the classroom workload over real sockets against a server started
 * here (its own process, journalled to a temporary directory) or at HOST:PORT.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "Load-test a server with the classroom workload over real sockets: G sessions of the built-in",
      "scenario, 7 seats each (two students on Armenia and on Russia), one connection per seat.",
      "Phases: unloaded order edits, a closed loop (every seat editing nonstop), an open loop at a",
      "fixed rate per session, chat nonstop, K turns of one session (last ready to every seat",
      "holding the report), then one turn of every session at once. Percentiles by HdrHistogram.",
      "Without HOST:PORT it starts a server of its own (loopback, a temporary data directory, so",
      "every acknowledgement waits for its fsync; connection caps and rate limits raised) and",
      "reports its CPU time and resident memory per phase. See docs/performance.md."
    },
    footer = {
      "",
      "Examples:",
      "  entente bench                              10 sessions, 5 s per loop",
      "  entente bench --sessions 100 --seconds 10 --json > bench.json",
      "  entente bench localhost:7777 --sessions 2  a running server (its rate limits apply)",
      "  entente bench --sessions 1 --seats 50 --web  50 browsers' WebSockets on one session"
    })
public final class BenchCommand implements Callable<Integer> {
  @Parameters(
      arity = "0..1",
      paramLabel = "HOST:PORT",
      description = "A running server (default: start one here).")
  String target;

  @Option(
      names = "--sessions",
      paramLabel = "G",
      defaultValue = "10",
      description = "Sessions of 7 seats (default ${DEFAULT-VALUE}, at most 2000).")
  int sessions;

  @Option(
      names = "--seconds",
      paramLabel = "N",
      defaultValue = "5",
      description = "Length of each loop phase (default ${DEFAULT-VALUE}, at most 600).")
  int seconds;

  @Option(
      names = "--rate",
      paramLabel = "R",
      defaultValue = "5",
      description = "Open loop: order edits a second per session (default ${DEFAULT-VALUE}).")
  int rate;

  @Option(
      names = "--round-trips",
      paramLabel = "N",
      defaultValue = "500",
      description = "Unloaded order edits (default ${DEFAULT-VALUE}).")
  int roundTrips;

  @Option(
      names = "--turns",
      paramLabel = "K",
      defaultValue = "5",
      description =
          "Turns of one session, one after another (default ${DEFAULT-VALUE}, at most 10).")
  int turns;

  @Option(
      names = "--seats",
      paramLabel = "N",
      defaultValue = "7",
      description =
          "Students per session (default ${DEFAULT-VALUE}, at most 99; more than 7 cycle"
              + " through the same seven countries).")
  int seatsPerSession;

  @Option(
      names = "--web",
      description =
          "Students connect as browsers do: a WebSocket at /ws, JSON envelopes (game masters"
              + " stay native).")
  boolean web;

  @Option(
      names = "--heap",
      paramLabel = "SIZE",
      defaultValue = "1g",
      description = "Heap of the server started here (default ${DEFAULT-VALUE}).")
  String heap;

  @Option(
      names = "--json",
      description = "One JSON object on standard output instead of the table.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    if (sessions < 1
        || sessions > 2000
        || seconds < 1
        || seconds > 600
        || rate < 1
        || rate > 1000
        || roundTrips < 1
        || roundTrips > 100_000
        || turns < 1
        || turns > 10
        || seatsPerSession < 1
        || seatsPerSession > 99) {
      System.err.println(
          "entente bench: --sessions 1..2000, --seconds 1..600, --rate 1..1000, --round-trips 1..100000, --turns 1..10, --seats 1..99.");
      return 2;
    }
    PrintStream err = System.err;
    boolean bar = System.console() != null;
    LocalServer local = null;
    String host;
    int port;
    if (target == null) {
      err.println("starting a server (loopback, temporary data directory)...");
      local = LocalServer.start(heap);
      host = "127.0.0.1";
      port = local.port();
    } else {
      ServerAddress address = ServerAddress.parse(target);
      host = address.host();
      port = address.port();
    }
    LocalServer server = local;
    Phases.Probe probe =
        new Phases.Probe() {
          @Override
          public OptionalLong cpuMillis() {
            return server == null ? OptionalLong.empty() : server.cpuMillis();
          }

          @Override
          public OptionalLong rssBytes() {
            return server == null ? OptionalLong.empty() : server.rssBytes();
          }
        };
    EventLoopGroup group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
    List<Phases.Result> results = new ArrayList<>();
    try (Classroom room =
        Classroom.open(
            host,
            port,
            sessions,
            new Classroom.Seating(seatsPerSession, web),
            group,
            n -> status(err, bar, "seating sessions " + n + "/" + sessions))) {
      Phases phases = new Phases(room, probe, line -> status(err, bar, line));
      results.add(phases.roundTrips(roundTrips));
      results.add(phases.closedLoop("order edit, closed loop", seconds, Classroom.Seat::edit));
      results.add(phases.openLoop(rate, seconds));
      results.add(phases.closedLoop("chat, closed loop", seconds, Phases::chat));
      for (int t = 0; t < turns; t++) {
        results.add(
            phases.turn(
                "turn of one session (" + (t + 1) + "/" + turns + ")",
                List.of(room.sessions.get(0))));
      }
      results.add(phases.turn("turn of all " + sessions + " sessions at once", room.sessions));
    } finally {
      group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
      if (local != null) {
        local.close();
      }
      if (bar) {
        err.print("\r\033[K");
      }
    }
    System.out.print(json ? json(results) : table(results));
    return 0;
  }

  private static void status(PrintStream err, boolean bar, String line) {
    if (bar) {
      err.print("\r\033[K" + line);
      err.flush();
    }
  }

  static String table(List<Phases.Result> results) {
    StringBuilder b = new StringBuilder();
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
    for (Phases.Result r : results) {
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
    for (Phases.Result r : results) {
      if (!r.firstError().isEmpty()) {
        b.append("first error in '")
            .append(r.name())
            .append("': ")
            .append(r.firstError())
            .append('\n');
      }
    }
    return b.toString();
  }

  static String json(List<Phases.Result> results) {
    StringBuilder b = new StringBuilder("{\"phases\":[");
    for (int i = 0; i < results.size(); i++) {
      Phases.Result r = results.get(i);
      Histogram h = r.latency();
      if (i > 0) {
        b.append(',');
      }
      b.append(
          String.format(
              Locale.ROOT,
              "{\"phase\":\"%s\",\"requests\":%d,\"seconds\":%.3f,\"perSecond\":%.1f,\"p50Ms\":%.3f,\"p99Ms\":%.3f,\"p999Ms\":%.3f,"
                  + "\"maxMs\":%.3f,\"errors\":%d,\"rateLimited\":%d,\"serverCpuSeconds\":%s,\"serverRssBytes\":%s,\"firstError\":%s}",
              r.name(),
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
              r.serverRssBytes().isPresent()
                  ? String.valueOf(r.serverRssBytes().getAsLong())
                  : "null",
              r.firstError().isEmpty() ? "null" : quote(r.firstError())));
    }
    return b.append("]}\n").toString();
  }

  private static String quote(String s) {
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
