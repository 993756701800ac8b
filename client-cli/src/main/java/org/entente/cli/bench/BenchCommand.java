package org.entente.cli.bench;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.entente.client.ServerAddress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code entente bench}: the classroom workload over real sockets against a server started
 * here (its own process, journalled to a temporary directory) or at HOST:PORT, or one of three
 * memory runs (a session's history, idle sessions, connected seats). Students connect natively
 * or, with {@code --web}, over the browser's WebSocket (all but the idle sessions' run).
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "Load-test a server with the classroom workload over real sockets: G sessions",
      "of the built-in scenario, 7 seats each (two students on Armenia and on",
      "Russia; --seats N cycles through them), one connection per seat: native, or",
      "with --web a browser's WebSocket. Phases: sessions created one after another",
      "(the create_session round trip); seats joining, --join-window at once across",
      "sessions (connect, hello, join); --warmup seconds of edits (the JIT's, not a",
      "target); unloaded order edits; a closed loop (every",
      "seat editing nonstop); an open loop at a fixed rate per session; chat",
      "nonstop; K turns of one session (last ready to every seat holding the",
      "report); one turn of every session at once. Percentiles by HdrHistogram.",
      "Without HOST:PORT it starts a server of its own (loopback, a temporary data",
      "directory, so every acknowledgement waits for its fsync; connection caps and",
      "rate limits raised) and reports its CPU time and resident memory per phase.",
      "",
      "Instead of the load phases, one of:",
      "  --history LEVELS   session 0's seats chat (8 messages in flight each, 56 at",
      "                     most) until it holds each level of events; at each, K",
      "                     turns of it and the server's heap after a full GC (jcmd",
      "                     GC.run).",
      "  --idle-sessions N  N sessions made and left (a game master and 2 students",
      "                     join, 3 messages, --idle-turns turns played, everyone",
      "                     leaves): heap after GC per idle session, the server's",
      "                     descriptors before and after; then two sessions",
      "                     filled to --idle-history events and left, one after",
      "                     the other: the second's heap (the first also warms",
      "                     the server's own pools). Server started here only.",
      "  --seats-only       seat the sessions and hold the seats --seconds, then",
      "                     the server's RSS, heap after GC and descriptors (game",
      "                     masters leave after creating, and come back by token",
      "                     to start the game: a descriptor less per session).",
      "--web and --seats work with the load phases, --history and --seats-only; not",
      "with --idle-sessions (its students are native, two per session).",
      "Every fill stops at its level or after 30 minutes, every entry phase after",
      "10 minutes. Each connection is a descriptor on both sides: the bench checks",
      "its open-file limit (ulimit -n) first and says what it needs.",
      "See docs/performance.md."
    },
    footer = {
      "",
      "Examples:",
      "  entente bench                              10 sessions, 5 s per loop",
      "  entente bench --sessions 100 --seconds 10 --json > bench.json",
      "  entente bench localhost:7777 --sessions 2  a running server (its limits apply)",
      "  entente bench --sessions 1 --seats 50 --web  50 WebSockets on one session",
      "  entente bench --sessions 1 --history 1000,10000,100000,1000000 --turns 5",
      "  entente bench --idle-sessions 1000 --idle-history 100000",
      "  entente bench --seats-only --sessions 2715 --seconds 60 --heap 256m"
    })
public final class BenchCommand implements Callable<Integer> {
  static final int MAX_SESSIONS = 4000;
  static final int MAX_HISTORY_LEVELS = 8;
  static final long MAX_EVENTS = 10_000_000;
  static final int MAX_IDLE_SESSIONS = 50_000;
  static final int MAX_SEATS = 99;

  /** The warm-up's row: the JIT compiles the server's request path during it. */
  static final String WARMUP = "warm-up (order edits, not a target)";

  /** Descriptors a process needs besides its connections (the JVM's jars, pipes, epoll...). */
  static final int SPARE_DESCRIPTORS = 64;

  /** What a run measures. */
  enum Mode {
    CLASSROOM,
    HISTORY,
    IDLE,
    SEATS
  }

  @Parameters(
      arity = "0..1",
      paramLabel = "HOST:PORT",
      description = "A running server (default: start one here).")
  String target;

  @Option(
      names = "--sessions",
      paramLabel = "G",
      defaultValue = "10",
      description = "Sessions (default ${DEFAULT-VALUE}, at most 4000).")
  int sessions;

  @Option(
      names = "--seconds",
      paramLabel = "N",
      defaultValue = "5",
      description =
          "Length of each loop phase, or how long --seats-only holds the seats (default ${DEFAULT-VALUE}, at most 600).")
  int seconds;

  @Option(
      names = "--rate",
      paramLabel = "R",
      defaultValue = "5",
      description = "Open loop: order edits a second per session (default ${DEFAULT-VALUE}).")
  int rate;

  @Option(
      names = "--warmup",
      paramLabel = "S",
      defaultValue = "3",
      description =
          "Seconds of order edits from every seat before the unloaded phase, so that the"
              + " figures are the compiled server's (a row of its own, not a target; 0: none,"
              + " default ${DEFAULT-VALUE}).")
  int warmup;

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
          "Turns of one session, one after another; with --history, at each level (default ${DEFAULT-VALUE}, at most 10).")
  int turns;

  @Option(
      names = "--seats",
      paramLabel = "N",
      description =
          "Students per session (default 7, at most 99; past 7 they cycle through the same seven"
              + " countries). Not with --idle-sessions.")
  Integer seats;

  @Option(
      names = "--web",
      description =
          "Students connect as browsers do: a WebSocket at /ws, JSON envelopes (game masters"
              + " stay native). With the load phases, --history and --seats-only; not with"
              + " --idle-sessions.")
  boolean web;

  @Option(
      names = "--join-window",
      paramLabel = "W",
      defaultValue = "32",
      description =
          "Seats joining at once, across sessions (default ${DEFAULT-VALUE}, at most 1000).")
  int joinWindow;

  @Option(
      names = "--history",
      paramLabel = "LEVELS",
      split = ",",
      description =
          "Events in session 0's history at which to measure turns and heap, rising, e.g. 1000,10000,100000,1000000 (at most 8 levels of at most 10000000).")
  List<Long> history;

  @Option(
      names = "--idle-sessions",
      paramLabel = "N",
      description =
          "Measure N sessions nobody is connected to (at most 50000; server started here only).")
  Integer idleSessions;

  @Option(
      names = "--idle-turns",
      paramLabel = "K",
      defaultValue = "0",
      description =
          "With --idle-sessions: turns each idle session plays before it is left, each student adding a statement each turn (default ${DEFAULT-VALUE}; at most 119: the game lasts one turn more).")
  int idleTurns;

  @Option(
      names = "--idle-history",
      paramLabel = "E",
      defaultValue = "100000",
      description =
          "With --idle-sessions: events in each of the two long-history idle sessions (default ${DEFAULT-VALUE}; 0: none).")
  long idleHistory;

  @Option(
      names = "--seats-only",
      description =
          "Only connect and hold the seats, then read the server's memory and descriptors.")
  boolean seatsOnly;

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
    Optional<String> problem =
        problem().or(() -> FileLimit.problem(descriptorsNeeded(), FileLimit.ofThisProcess()));
    if (problem.isPresent()) {
      System.err.println("entente bench: " + problem.get());
      return 2;
    }
    PrintStream err = System.err;
    boolean bar = System.console() != null;
    Consumer<String> progress = line -> status(err, bar, line);
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
    Meter meter = new Meter(local == null ? Probe.REMOTE : local);
    EventLoopGroup group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
    Classroom room = new Classroom(host, port, group, seating());
    Report report;
    try {
      report =
          switch (mode()) {
            case CLASSROOM -> classroom(room, meter, progress);
            case HISTORY -> historyCurve(room, meter, progress);
            case IDLE -> idle(room, meter, progress);
            case SEATS -> seatsHeld(room, meter, progress);
          };
    } finally {
      room.close();
      group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
      if (local != null) {
        local.close();
      }
      if (bar) {
        err.print("\r\033[K");
      }
    }
    System.out.print(json ? report.json() : report.table());
    return 0;
  }

  private Report classroom(Classroom room, Meter meter, Consumer<String> progress)
      throws Exception {
    List<Result> results = new ArrayList<>(seat(room, meter, progress, 0, true));
    Phases phases = new Phases(room, meter, progress);
    if (warmup > 0) {
      results.add(phases.closedLoop(WARMUP, warmup, Classroom.Seat::edit));
    }
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
    return Report.of(results);
  }

  private Report historyCurve(Classroom room, Meter meter, Consumer<String> progress)
      throws Exception {
    // Enough turns for every level's K turns (8 x 10 at most, of the 120 a game may last), and
    // one more so that none is the game's last.
    List<Result> results =
        new ArrayList<>(seat(room, meter, progress, history.size() * turns + 1, true));
    HistoryCurve curve =
        new HistoryCurve(
            new Phases(room, meter, progress), new HistoryFill(meter, progress), meter, progress);
    List<HistoryCurve.Point> points = curve.run(room.sessions.get(0), history, turns);
    for (HistoryCurve.Point p : points) {
      results.add(p.fill());
      results.add(p.turns());
    }
    return new Report(results, points, Optional.empty(), Optional.empty());
  }

  private Report idle(Classroom room, Meter meter, Consumer<String> progress) throws Exception {
    IdleSessions.Report r =
        new IdleSessions(room, meter, new HistoryFill(meter, progress), progress)
            .run(idleSessions, idleTurns, idleHistory, joinWindow);
    List<Result> results = new ArrayList<>(List.of(r.made()));
    r.longHistory().ifPresent(l -> results.add(l.fill()));
    return new Report(results, List.of(), Optional.of(r), Optional.empty());
  }

  private Report seatsHeld(Classroom room, Meter meter, Consumer<String> progress)
      throws Exception {
    List<Result> results = seat(room, meter, progress, 0, false);
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    for (long left = seconds;
        left > 0;
        left = TimeUnit.NANOSECONDS.toSeconds(end - System.nanoTime())) {
      progress.accept("holding " + room.seats.size() + " seats, " + left + " s left");
      TimeUnit.MILLISECONDS.sleep(
          Math.min(1000, Math.max(1, TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime()))));
    }
    Probe probe = meter.probe();
    OptionalLong rss = probe.rssBytes();
    Optional<OpenFiles> files = probe.openFiles();
    int connected = room.openConnections();
    progress.accept("heap after a full GC with " + connected + " seats connected");
    OptionalLong heapAfterGc = probe.heapAfterFullGc();
    return new Report(
        results,
        List.of(),
        Optional.empty(),
        Optional.of(
            new Report.SeatsHeld(
                room.sessions.size(),
                room.seats.size(),
                connected,
                seconds,
                rss,
                heapAfterGc,
                files)));
  }

  /** The entry phases: create the sessions (lasting {@code gameTurns}, 0: the scenario's), seat them, start them. */
  private List<Result> seat(
      Classroom room,
      Meter meter,
      Consumer<String> progress,
      int gameTurns,
      boolean keepGameMasters)
      throws Exception {
    Entry entry = new Entry(room, meter, progress);
    Result created = entry.createSessions(sessions, gameTurns, keepGameMasters);
    Result joined = entry.joinSeats(joinWindow);
    progress.accept("starting the games");
    entry.startGames(mode() != Mode.SEATS, joinWindow);
    return List.of(created, joined);
  }

  /** Students per session: --seats, or the seven of {@link Classroom#SEATS}. */
  int seatsPerSession() {
    return seats == null ? Classroom.SEATS.length : seats;
  }

  /** How the students connect: how many per session, native or over the browser's WebSocket. */
  Classroom.Seating seating() {
    return new Classroom.Seating(seatsPerSession(), web);
  }

  Mode mode() {
    if (history != null) {
      return Mode.HISTORY;
    }
    if (idleSessions != null) {
      return Mode.IDLE;
    }
    return seatsOnly ? Mode.SEATS : Mode.CLASSROOM;
  }

  /** What is wrong with the options, in one sentence, if anything. */
  Optional<String> problem() {
    if (sessions < 1
        || sessions > MAX_SESSIONS
        || seconds < 1
        || seconds > 600
        || rate < 1
        || rate > 1000
        || roundTrips < 1
        || roundTrips > 100_000
        || warmup < 0
        || warmup > 600
        || turns < 1
        || turns > 10
        || joinWindow < 1
        || joinWindow > 1000
        || seatsPerSession() < 1
        || seatsPerSession() > MAX_SEATS) {
      return Optional.of(
          "--sessions 1..4000, --seconds 1..600, --rate 1..1000, --round-trips 1..100000,"
              + " --warmup 0..600, --turns 1..10, --join-window 1..1000, --seats 1..99.");
    }
    int modes = (history != null ? 1 : 0) + (idleSessions != null ? 1 : 0) + (seatsOnly ? 1 : 0);
    if (modes > 1) {
      return Optional.of(
          "--history, --idle-sessions and --seats-only are separate runs: give one of them.");
    }
    if (history != null) {
      if (history.isEmpty() || history.size() > MAX_HISTORY_LEVELS) {
        return Optional.of("--history takes 1 to 8 levels, e.g. 1000,10000,100000.");
      }
      for (int i = 0; i < history.size(); i++) {
        long level = history.get(i);
        if (level < 1 || level > MAX_EVENTS || (i > 0 && level <= history.get(i - 1))) {
          return Optional.of(
              "--history levels rise, each 1..10000000 events: "
                  + history.stream().map(String::valueOf).reduce((a, b) -> a + "," + b).orElse("")
                  + ".");
        }
      }
    }
    if (idleSessions != null) {
      if (idleSessions < 1 || idleSessions > MAX_IDLE_SESSIONS) {
        return Optional.of("--idle-sessions 1..50000.");
      }
      if (target != null) {
        return Optional.of(
            "--idle-sessions reads the server's heap and descriptors: it runs against the server"
                + " the bench starts (give no HOST:PORT).");
      }
      if (web || seats != null) {
        return Optional.of(
            "--idle-sessions seats two native students in each idle session: --web and --seats"
                + " work with the load phases, --history and --seats-only.");
      }
    }
    if (idleTurns < 0 || idleTurns > IdleSessions.MAX_TURNS) {
      return Optional.of("--idle-turns 0..119.");
    }
    if (idleHistory < 0 || idleHistory > MAX_EVENTS) {
      return Optional.of("--idle-history 0..10000000.");
    }
    return Optional.empty();
  }

  /** The descriptors this run holds open in this process at most: its connections and a spare. */
  long descriptorsNeeded() {
    long connections =
        switch (mode()) {
          case CLASSROOM, HISTORY -> (long) sessions * (seatsPerSession() + 1);
          // the game masters leave after creating; the window of them back to start the games
          case SEATS -> (long) sessions * seatsPerSession() + joinWindow;
          // the idle sessions made at once (3 connections each), then each long-history one
          case IDLE -> 3L * IdleSessions.WINDOW + Classroom.SEATS.length + 1;
        };
    return connections + SPARE_DESCRIPTORS;
  }

  private static void status(PrintStream err, boolean bar, String line) {
    if (bar) {
      err.print("\r\033[K" + line);
      err.flush();
    }
  }
}
