package org.entente.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import com.google.protobuf.util.JsonFormat;
import java.util.ArrayList;
import java.util.List;
import org.entente.cli.Main;
import org.entente.cli.StdCapture;
import org.entente.server.EntenteServer;
import org.entente.server.ServerConfig;
import org.entente.server.limits.Descriptors;
import org.entente.server.limits.Limits;
import org.entente.server.limits.NetworkGuards;
import org.entente.server.limits.RateLimiter;
import org.entente.server.limits.RatePolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import picocli.CommandLine;

/** The load tool against a server on a loopback port: every phase runs, and counts what it sent. */
class BenchCommandTest {
  @RegisterExtension final StdCapture std = new StdCapture();

  /** A server in this process on a loopback port, rate limits out of the way. */
  static EntenteServer server() throws Exception {
    NetworkGuards generous =
        new NetworkGuards(
            Limits.defaults(),
            RatePolicy.all(new RatePolicy.Rate(1_000_000, 1_000_000)),
            Descriptors.ofThisProcess(),
            new RateLimiter(System::nanoTime));
    return EntenteServer.builder()
        .guards(generous)
        .config(ServerConfig.defaults().withPort(0).withBindAddress("127.0.0.1"))
        .start();
  }

  private Struct json() throws Exception {
    Struct.Builder parsed = Struct.newBuilder();
    JsonFormat.parser().merge(std.out().strip(), parsed);
    return parsed.build();
  }

  private static double number(Value v, String field) {
    return v.getStructValue().getFieldsOrThrow(field).getNumberValue();
  }

  private static List<String> names(List<Value> phases) {
    return phases.stream()
        .map(v -> v.getStructValue().getFieldsOrThrow("phase").getStringValue())
        .toList();
  }

  @Test
  void everyPhaseRunsAgainstAServerAndTheJsonListsThem() throws Exception {
    try (EntenteServer server = server()) {
      int exit =
          Main.run(
              "bench",
              "127.0.0.1:" + server.port(),
              "--sessions",
              "2",
              "--seconds",
              "1",
              "--round-trips",
              "10",
              "--warmup",
              "1",
              "--turns",
              "2",
              "--json");
      assertThat(exit).isZero();
      var phases = json().getFieldsOrThrow("phases").getListValue().getValuesList();
      assertThat(number(phases.get(2), "requests")).as("the warm-up's edits").isPositive();
      phases = new ArrayList<>(phases);
      phases.remove(2);
      assertThat(names(phases))
          .containsExactly(
              "create session",
              "join (connect, hello, join)",
              "order edit, unloaded",
              "order edit, closed loop",
              "order edit, open loop 5/s per session",
              "chat, closed loop",
              "turn of one session (1/2)",
              "turn of one session (2/2)",
              "turn of all 2 sessions at once");
      assertThat(number(phases.get(0), "requests")).as("one create_session each").isEqualTo(2);
      assertThat(number(phases.get(1), "requests")).as("seven seats each").isEqualTo(14);
      assertThat(number(phases.get(1), "errors")).isZero();
      var unloaded = phases.get(2).getStructValue();
      assertThat(unloaded.getFieldsOrThrow("requests").getNumberValue()).isEqualTo(10);
      assertThat(unloaded.getFieldsOrThrow("errors").getNumberValue()).isZero();
      assertThat(unloaded.getFieldsOrThrow("serverCpuSeconds").hasNullValue())
          .as("a remote server: no /proc figures")
          .isTrue();
      for (var phase : phases.subList(3, 6)) {
        assertThat(number(phase, "requests")).as(phase.toString()).isPositive();
        assertThat(number(phase, "errors")).as(phase.toString()).isZero();
      }
      assertThat(number(phases.get(6), "p50Ms")).as("every seat got the report").isPositive();
    }
  }

  @Test
  void historyLevelsAreFilledInTurnAndTheCurveHasAPointForEach() throws Exception {
    try (EntenteServer server = server()) {
      int exit =
          Main.run(
              "bench",
              "127.0.0.1:" + server.port(),
              "--sessions",
              "1",
              "--history",
              "100,300",
              "--turns",
              "2",
              "--json");
      assertThat(exit).as(std.err()).isZero();
      Struct out = json();
      var phases = out.getFieldsOrThrow("phases").getListValue().getValuesList();
      assertThat(names(phases)).hasSize(6);
      assertThat(names(phases).subList(0, 3))
          .containsExactly(
              "create session", "join (connect, hello, join)", "history fill to 100 events");
      assertThat(names(phases).get(4)).isEqualTo("history fill to 300 events");
      var curve = out.getFieldsOrThrow("historyCurve").getListValue().getValuesList();
      assertThat(curve).hasSize(2);
      // The fill stops sending when the messages in flight will reach the level: each message
      // is one event, so the session ends at the level (other events only push it past).
      assertThat(number(curve.get(0), "events")).isBetween(100.0, 100.0 + HistoryFill.WINDOW);
      assertThat(number(curve.get(1), "events")).isBetween(300.0, 300.0 + HistoryFill.WINDOW);
      for (var point : curve) {
        assertThat(number(point, "turns")).as("two turns, one report time each").isEqualTo(2);
        assertThat(number(point, "turnP50Ms")).isPositive();
        assertThat(point.getStructValue().getFieldsOrThrow("heapAfterGcBytes").hasNullValue())
            .as("a remote server's heap is not read")
            .isTrue();
        Value fill = point.getStructValue().getFieldsOrThrow("fill");
        assertThat(number(fill, "errors")).isZero();
      }
      assertThat(number(curve.get(1).getStructValue().getFieldsOrThrow("fill"), "requests"))
          .as("the second level is filled from where the first (and its turns) left it")
          .isLessThan(300);
      assertThat(names(phases).get(3)).startsWith("turn at ").endsWith(" events (2 turns)");
    }
  }

  @Test
  void seatsOnlyHoldsEverySeatWhileTheGameMastersHaveLeft() throws Exception {
    try (EntenteServer server = server()) {
      int exit =
          Main.run(
              "bench",
              "127.0.0.1:" + server.port(),
              "--seats-only",
              "--sessions",
              "2",
              "--seconds",
              "1",
              "--json");
      assertThat(exit).as(std.err()).isZero();
      Struct out = json();
      assertThat(names(out.getFieldsOrThrow("phases").getListValue().getValuesList()))
          .containsExactly("create session", "join (connect, hello, join)");
      Struct seats = out.getFieldsOrThrow("seatsHeld").getStructValue();
      assertThat(seats.getFieldsOrThrow("sessions").getNumberValue()).isEqualTo(2);
      assertThat(seats.getFieldsOrThrow("seats").getNumberValue()).isEqualTo(14);
      assertThat(seats.getFieldsOrThrow("connected").getNumberValue())
          .as("the seats, and no game master")
          .isEqualTo(14);
      assertThat(seats.getFieldsOrThrow("serverRssBytes").hasNullValue()).isTrue();
    }
  }

  @Test
  void seatsOverTheBrowsersWebSocketRunEveryPhaseOnOneLargeSession() throws Exception {
    try (EntenteServer server = server()) {
      int exit =
          Main.run(
              "bench",
              "127.0.0.1:" + server.port(),
              "--web",
              "--sessions",
              "1",
              "--seats",
              "12",
              "--seconds",
              "1",
              "--warmup",
              "0",
              "--round-trips",
              "10",
              "--turns",
              "1",
              "--json");
      assertThat(exit).as(std.err()).isZero();
      var phases = json().getFieldsOrThrow("phases").getListValue().getValuesList();
      assertThat(names(phases))
          .containsExactly(
              "create session",
              "join (connect, hello, join)",
              "order edit, unloaded",
              "order edit, closed loop",
              "order edit, open loop 5/s per session",
              "chat, closed loop",
              "turn of one session (1/1)",
              "turn of all 1 sessions at once");
      assertThat(number(phases.get(1), "requests")).as("twelve WebSocket seats").isEqualTo(12);
      for (var phase : phases.subList(1, 6)) {
        assertThat(number(phase, "requests")).as(phase.toString()).isPositive();
        assertThat(number(phase, "errors")).as(phase.toString()).isZero();
      }
      assertThat(number(phases.get(6), "p50Ms"))
          .as("all 12 WebSocket seats got the report")
          .isPositive();
    }
  }

  @Test
  void webSeatsAreHeldAndCountedAsConnectedBySeatsOnly() throws Exception {
    try (EntenteServer server = server()) {
      int exit =
          Main.run(
              "bench",
              "127.0.0.1:" + server.port(),
              "--seats-only",
              "--web",
              "--sessions",
              "2",
              "--seats",
              "3",
              "--seconds",
              "1",
              "--json");
      assertThat(exit).as(std.err()).isZero();
      Struct seats = json().getFieldsOrThrow("seatsHeld").getStructValue();
      assertThat(seats.getFieldsOrThrow("seats").getNumberValue()).isEqualTo(6);
      assertThat(seats.getFieldsOrThrow("connected").getNumberValue())
          .as("every WebSocket still open, and no game master")
          .isEqualTo(6);
    }
  }

  @Test
  void aHistoryIsFilledThroughWebSocketSeats() throws Exception {
    try (EntenteServer server = server()) {
      int exit =
          Main.run(
              "bench",
              "127.0.0.1:" + server.port(),
              "--history",
              "100",
              "--web",
              "--seats",
              "2",
              "--sessions",
              "1",
              "--turns",
              "1",
              "--json");
      assertThat(exit).as(std.err()).isZero();
      var curve = json().getFieldsOrThrow("historyCurve").getListValue().getValuesList();
      assertThat(number(curve.get(0), "events"))
          .as("two seats keep 8 messages in flight each")
          .isBetween(100.0, 100.0 + 2 * HistoryFill.PER_SEAT);
      assertThat(number(curve.get(0).getStructValue().getFieldsOrThrow("fill"), "errors")).isZero();
      assertThat(number(curve.get(0), "turnP50Ms")).isPositive();
    }
  }

  @Test
  void boundsOutsideTheirRangesAreRefused() {
    assertThat(Main.run("bench", "--sessions", "0")).isEqualTo(2);
    assertThat(std.err())
        .contains(
            "entente bench: --sessions 1..4000, --seconds 1..600, --rate 1..1000,"
                + " --round-trips 1..100000, --warmup 0..600, --turns 1..10, --join-window 1..1000,"
                + " --seats 1..99.");
  }

  @Test
  void theNewOptionsAreCheckedBeforeAnythingStarts() {
    assertThat(problem("--sessions", "4001")).startsWith("--sessions 1..4000,");
    assertThat(problem("--join-window", "0")).startsWith("--sessions 1..4000,");
    assertThat(problem("--history", "1000,100"))
        .isEqualTo("--history levels rise, each 1..10000000 events: 1000,100.");
    assertThat(problem("--history", "0"))
        .isEqualTo("--history levels rise, each 1..10000000 events: 0.");
    assertThat(problem("--history", "20000000"))
        .isEqualTo("--history levels rise, each 1..10000000 events: 20000000.");
    assertThat(problem("--history", "1,2,3,4,5,6,7,8,9"))
        .isEqualTo("--history takes 1 to 8 levels, e.g. 1000,10000,100000.");
    assertThat(problem("--history", "10", "--seats-only"))
        .isEqualTo(
            "--history, --idle-sessions and --seats-only are separate runs: give one of them.");
    assertThat(problem("--idle-sessions", "5", "--seats-only"))
        .isEqualTo(
            "--history, --idle-sessions and --seats-only are separate runs: give one of them.");
    assertThat(problem("--idle-sessions", "0")).isEqualTo("--idle-sessions 1..50000.");
    assertThat(problem("--idle-sessions", "5", "localhost:7777"))
        .isEqualTo(
            "--idle-sessions reads the server's heap and descriptors: it runs against the server"
                + " the bench starts (give no HOST:PORT).");
    assertThat(problem("--idle-sessions", "5", "--idle-history", "-1"))
        .isEqualTo("--idle-history 0..10000000.");
    assertThat(problem("--idle-sessions", "5", "--idle-turns", "120"))
        .isEqualTo("--idle-turns 0..119.");
    assertThat(problem("--idle-sessions", "40", "--idle-turns", "119")).isEmpty();
    assertThat(problem("--history", "1000,10000,100000,1000000", "--turns", "10")).isEmpty();
    assertThat(problem("--seats-only", "--sessions", "2715")).isEmpty();
  }

  @Test
  void webAndSeatsGoWithEveryModeButTheIdleSessions() {
    assertThat(problem("--seats", "0"))
        .startsWith("--sessions 1..4000,")
        .endsWith("--seats 1..99.");
    assertThat(problem("--seats", "100")).endsWith("--seats 1..99.");
    assertThat(problem("--web", "--seats", "99", "--sessions", "4000")).isEmpty();
    assertThat(problem("--web", "--seats", "10", "--history", "1000")).isEmpty();
    assertThat(problem("--web", "--seats", "10", "--seats-only")).isEmpty();
    String idle =
        "--idle-sessions seats two native students in each idle session: --web and --seats"
            + " work with the load phases, --history and --seats-only.";
    assertThat(problem("--idle-sessions", "5", "--web")).isEqualTo(idle);
    assertThat(problem("--idle-sessions", "5", "--seats", "7")).isEqualTo(idle);
    assertThat(Main.run("bench", "--idle-sessions", "5", "--web")).isEqualTo(2);
    assertThat(std.err()).isEqualTo("entente bench: " + idle + "\n");
  }

  @Test
  void helpFitsEightyColumnsAndSaysWhichRunsTakeWeb() {
    assertThat(Main.run("bench", "--help")).isZero();
    assertThat(std.out().lines())
        .allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(80));
    assertThat(std.out().replaceAll("\\s+", " "))
        .contains(
            "--web and --seats work with the load phases, --history and --seats-only; not with"
                + " --idle-sessions");
  }

  @Test
  void aRefusedOptionStartsNothing() {
    assertThat(Main.run("bench", "--history", "5,5")).isEqualTo(2);
    assertThat(std.err())
        .isEqualTo("entente bench: --history levels rise, each 1..10000000 events: 5,5.\n");
  }

  @Test
  void descriptorsAreCountedPerConnectionAndTheLimitSaysWhatToRaise() {
    assertThat(parse("--sessions", "2715").descriptorsNeeded())
        .as("a game master and 7 seats per session, and the spare")
        .isEqualTo(2715 * 8 + 64);
    assertThat(parse("--seats-only", "--sessions", "2715").descriptorsNeeded())
        .as("7 seats per session, the game masters back 32 at a time, the spare")
        .isEqualTo(2715 * 7 + 32 + 64);
    assertThat(parse("--sessions", "10", "--seats", "50", "--web").descriptorsNeeded())
        .as("a game master and 50 WebSocket seats per session, and the spare")
        .isEqualTo(10 * 51 + 64);
    assertThat(parse("--seats-only", "--sessions", "10", "--seats", "3").descriptorsNeeded())
        .isEqualTo(10 * 3 + 32 + 64);
    assertThat(parse("--idle-sessions", "20000").descriptorsNeeded())
        .as("16 idle sessions of 3 connections at once, then one of 8")
        .isEqualTo(16 * 3 + 8 + 64);
    assertThat(FileLimit.problem(21_784, java.util.OptionalLong.of(20_000)))
        .contains(
            "this run needs about 21784 open files (one per connection), in this process and in a"
                + " server started here, and the limit is 20000: raise it (ulimit -n 21784, up to"
                + " the hard limit, ulimit -Hn) or use fewer sessions.");
    assertThat(FileLimit.problem(19_101, java.util.OptionalLong.of(20_000))).isEmpty();
    assertThat(FileLimit.problem(1 << 30, java.util.OptionalLong.empty())).isEmpty();
  }

  @Test
  void theOpenFileLimitIsTheSoftOneOfProcLimits() {
    List<String> limits =
        List.of(
            "Limit                     Soft Limit           Hard Limit           Units     ",
            "Max processes             95000                95000                processes ",
            "Max open files            1024                 524288               files     ",
            "Max locked memory         8388608              8388608              bytes     ");
    assertThat(FileLimit.parse(limits)).hasValue(1024);
    assertThat(
            FileLimit.parse(
                List.of(
                    "Max open files            unlimited            unlimited            files")))
        .isEmpty();
    assertThat(FileLimit.parse(List.of("Max processes  1  1  processes"))).isEmpty();
  }

  private static BenchCommand parse(String... args) {
    BenchCommand command = new BenchCommand();
    new CommandLine(command).parseArgs(args);
    return command;
  }

  private static String problem(String... args) {
    return parse(args).problem().orElse("");
  }
}
