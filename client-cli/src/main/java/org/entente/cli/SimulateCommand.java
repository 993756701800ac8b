package org.entente.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.entente.engine.bot.Simulation;
import org.entente.engine.bot.Simulation.KeyEvent;
import org.entente.engine.bot.Simulation.RoleStats;
import org.entente.engine.bot.Simulation.Summary;
import org.entente.engine.model.Actor;
import org.entente.engine.model.OrderKind;
import org.entente.engine.model.Scenario;
import org.entente.scenarios.LoadResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code entente scenario simulate}: the author's balance check, with bots in every seat. */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    description = {
      "Play K games with bots in every playable seat and report each role's objective score,",
      "how often the key events happen, and which orders the bots never use or overuse."
    },
    footer = {
      "",
      "--baseline also plays each role as a random legal player (the other seats still bots),",
      "K more games per role, and prints bot and random scores side by side.",
      "A progress bar is drawn on standard error when running in a terminal.",
      "",
      "Examples:",
      "  entente scenario simulate builtin:armenia-csto-2024",
      "  entente scenario simulate my-crisis.textproto --games 200 --turns 8 --baseline",
      "  entente scenario simulate my-crisis.textproto --json > balance.json"
    })
final class SimulateCommand implements Callable<Integer> {
  /** Share of a role's orders above which one order kind is flagged as dominant. */
  static final double DOMINANT_SHARE = 0.30;

  @Parameters(paramLabel = "FILE", description = "A scenario file, or builtin:ID.")
  String file;

  @Option(
      names = "--games",
      paramLabel = "K",
      defaultValue = "100",
      description = "Games to play (default ${DEFAULT-VALUE}).")
  int games;

  @Option(
      names = "--turns",
      paramLabel = "N",
      description = "Turns per game (default: the scenario's).")
  Integer turns;

  @Option(
      names = "--seed",
      paramLabel = "S",
      defaultValue = "1",
      description = "Seed of the first game (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--json", description = "Print one JSON object instead of tables.")
  boolean json;

  @Option(
      names = "--baseline",
      description = "Also play each role as a random legal player, for comparison.")
  boolean baseline;

  private final PrintStream out = System.out;

  @Override
  public Integer call() {
    if (games < 1 || games > 100_000 || (turns != null && (turns < 1 || turns > 120))) {
      System.err.println("entente: --games must be 1..100000 and --turns 1..120");
      return 2;
    }
    LoadResult r = ScenarioCommand.loadValid(file).orElse(null);
    if (r == null) {
      return 1;
    }
    Scenario scenario = r.scenario().get();
    int n = turns == null ? scenario.metadata().defaultTurns() : turns;
    Simulation sim = new Simulation(scenario);
    int roles = scenario.playableActors().size();
    Progress progress = Progress.onTerminal(games * (baseline ? 1 + roles : 1));
    Summary bots = sim.run(games, n, seed, Set.of(), progress);
    Map<String, RoleStats> random = new LinkedHashMap<>();
    if (baseline) {
      int done = games;
      for (Actor a : scenario.playableActors()) {
        Summary s = sim.run(games, n, seed, Set.of(a.id()), progress.startingAt(done));
        done += games;
        if (scenario.objectiveOf(a.id()).isPresent()) {
          random.put(a.id(), s.role(a.id()));
        }
      }
    }
    out.print(json ? json(scenario, bots, random) + "\n" : Safe.text(text(scenario, bots, random)));
    return 0;
  }

  static String text(Scenario scenario, Summary bots, Map<String, RoleStats> random) {
    StringBuilder b = new StringBuilder();
    b.append(
        String.format(
            Locale.ROOT,
            "%s: %d game(s) of %d turn(s), seed %d, bots in every playable seat.%n%n",
            scenario.metadata().title(),
            bots.games(),
            bots.turns(),
            bots.seed()));
    b.append("Objective scores (0-100, final turn)\n");
    if (random.isEmpty()) {
      b.append(String.format("%-8s %6s %6s %4s %4s%n", "role", "mean", "sd", "min", "max"));
      for (RoleStats s : bots.roles()) {
        b.append(
            String.format(
                Locale.ROOT,
                "%-8s %6.1f %6.1f %4d %4d%n",
                s.actor(),
                s.mean(),
                s.standardDeviation(),
                s.min(),
                s.max()));
      }
    } else {
      b.append(
          String.format(
              "%-8s %-22s %-22s %s%n",
              "role", "bot mean (sd) min-max", "random mean (sd) min-max", "bot - random"));
      for (RoleStats s : bots.roles()) {
        RoleStats rnd = random.get(s.actor());
        b.append(
            String.format(
                Locale.ROOT,
                "%-8s %-22s %-22s %+.1f%n",
                s.actor(),
                cell(s),
                cell(rnd),
                s.mean() - rnd.mean()));
      }
      b.append("(random: that role played by random legal orders, the other seats by bots)\n");
    }
    b.append("\nObjective criteria met by the bots (share of games)\n");
    for (RoleStats s : bots.roles()) {
      List<String> parts = new ArrayList<>();
      s.criteriaMet()
          .forEach(
              (id, k) ->
                  parts.add(String.format(Locale.ROOT, "%s %.0f%%", id, 100.0 * k / bots.games())));
      b.append(String.format("%-8s %s%n", s.actor(), String.join(", ", parts)));
    }
    b.append("\nKey events (games in which each happened)\n");
    for (KeyEvent e : KeyEvent.values()) {
      int k = bots.events().get(e);
      b.append(
          String.format(
              Locale.ROOT,
              "%-22s %5d/%d  %3.0f%%%n",
              e.label(),
              k,
              bots.games(),
              100.0 * k / bots.games()));
    }
    b.append("\nOrders the bots gave (share of each role's orders)\n");
    for (RoleStats s : bots.roles()) {
      Actor a = scenario.actor(s.actor()).orElseThrow();
      b.append(
          String.format(
              Locale.ROOT,
              "%s: %.1f orders a game; %s%n",
              s.actor(),
              (double) s.totalOrders() / bots.games(),
              shares(s)));
      List<String> dominant = dominant(s);
      if (!dominant.isEmpty()) {
        b.append("  dominant (over ")
            .append(Math.round(DOMINANT_SHARE * 100))
            .append("%): ")
            .append(String.join(", ", dominant))
            .append('\n');
      }
      if (s.totalOrders() == 0) {
        b.append("  gave no orders: ").append(whyNoOrders(a)).append('\n');
      }
      List<String> never = neverUsed(a, s);
      b.append("  never used: ")
          .append(never.isEmpty() ? "none" : String.join(", ", never))
          .append('\n');
    }
    return b.toString();
  }

  /** Why a bot gave no orders in any game: its doctrine has no priorities, or none ever applied. */
  static String whyNoOrders(Actor a) {
    if (a.doctrine().priorities().isEmpty()) {
      return "its doctrine has no priorities, so a bot in its seat has nothing to order (add doctrine { priorities { ... } })";
    }
    return "none of its "
        + a.doctrine().priorities().size()
        + " doctrine priorities applied in any turn (their 'when'"
        + " never held, or their orders were not allowed or cost more than its order points)";
  }

  private static String cell(RoleStats s) {
    return String.format(
        Locale.ROOT, "%.1f (%.1f) %d-%d", s.mean(), s.standardDeviation(), s.min(), s.max());
  }

  private static String shares(RoleStats s) {
    List<Map.Entry<OrderKind, Integer>> used = new ArrayList<>(s.orders().entrySet());
    used.sort(
        Map.Entry.<OrderKind, Integer>comparingByValue()
            .reversed()
            .thenComparing(Map.Entry.comparingByKey()));
    List<String> parts = new ArrayList<>();
    for (Map.Entry<OrderKind, Integer> e : used) {
      parts.add(
          String.format(
              Locale.ROOT, "%s %.0f%%", e.getKey(), 100.0 * e.getValue() / s.totalOrders()));
    }
    return parts.isEmpty() ? "no orders" : String.join(", ", parts);
  }

  static List<String> dominant(RoleStats s) {
    List<String> out = new ArrayList<>();
    for (OrderKind k : OrderKind.values()) {
      int c = s.orders().getOrDefault(k, 0);
      if (s.totalOrders() > 0 && (double) c / s.totalOrders() > DOMINANT_SHARE) {
        out.add(k.name());
      }
    }
    return out;
  }

  static List<String> neverUsed(Actor a, RoleStats s) {
    List<String> out = new ArrayList<>();
    for (OrderKind k : OrderKind.values()) {
      if (a.mayUse(k) && !s.orders().containsKey(k)) {
        out.add(k.name());
      }
    }
    return out;
  }

  static String json(Scenario scenario, Summary bots, Map<String, RoleStats> random) {
    Json j = new Json().beginObject();
    j.name("scenario").value(scenario.metadata().id());
    j.name("games")
        .value(bots.games())
        .name("turns")
        .value(bots.turns())
        .name("seed")
        .value(bots.seed());
    j.name("roles").beginArray();
    for (RoleStats s : bots.roles()) {
      Actor a = scenario.actor(s.actor()).orElseThrow();
      j.beginObject().name("actor").value(s.actor());
      j.name("bot");
      stats(j, s);
      if (random.containsKey(s.actor())) {
        j.name("random");
        stats(j, random.get(s.actor()));
      }
      j.name("criteria_met").beginObject();
      s.criteriaMet().forEach((id, k) -> j.name(id).value(k));
      j.endObject();
      j.name("orders").beginObject();
      for (OrderKind k : OrderKind.values()) {
        if (s.orders().containsKey(k)) {
          j.name(k.name()).value(s.orders().get(k));
        }
      }
      j.endObject();
      if (s.totalOrders() == 0) {
        j.name("no_orders_reason").value(whyNoOrders(a));
      }
      j.name("dominant").beginArray();
      dominant(s).forEach(j::value);
      j.endArray().name("never_used").beginArray();
      neverUsed(a, s).forEach(j::value);
      j.endArray().endObject();
    }
    j.endArray();
    j.name("events").beginObject();
    for (KeyEvent e : KeyEvent.values()) {
      j.name(e.name().toLowerCase(Locale.ROOT)).value(bots.events().get(e));
    }
    return j.endObject().endObject().toString();
  }

  private static void stats(Json j, RoleStats s) {
    j.beginObject()
        .name("mean")
        .value(s.mean())
        .name("sd")
        .value(s.standardDeviation())
        .name("min")
        .value(s.min())
        .name("max")
        .value(s.max())
        .endObject();
  }
}
