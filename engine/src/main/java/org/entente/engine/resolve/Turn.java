package org.entente.engine.resolve;

import com.google.common.collect.ImmutableMap;
import java.util.ArrayList;
import java.util.List;
import org.entente.engine.Phase;
import org.entente.engine.expr.Bindings;
import org.entente.engine.expr.Expr;
import org.entente.engine.model.Effect;
import org.entente.engine.model.Mechanics;
import org.entente.engine.model.OrderKind;
import org.entente.engine.model.Scenario;
import org.entente.engine.order.Order;
import org.entente.engine.report.ReportLine;
import org.entente.engine.report.Visibility;
import org.entente.engine.state.GameState;
import org.entente.engine.state.StateBuilder;

/** The working context of one turn's resolution: the state being built, the ledger, the report. */
final class Turn {
  final Scenario scenario;
  final Mechanics mechanics;
  final StateBuilder b;
  final int number;
  final long seed;

  /** False when engine-run actors stay silent this turn: no standing orders, answers or votes by doctrine. */
  boolean engineActorsAct = true;

  /** Applicants admitted this turn: their waiting period starts next turn. */
  final java.util.Set<String> admittedThisTurn = new java.util.HashSet<>();

  /** Actors whose grievance was gained or renewed this turn: it does not count down at this turn's end. */
  final java.util.Set<String> grievanceRenewed = new java.util.TreeSet<>();

  final Ledger ledger = new Ledger();
  final List<ReportLine> lines = new ArrayList<>();

  /** The state after upkeep: what every condition and every force comparison of the turn reads. */
  GameState start;

  /** The sealed, valid orders in canonical order. */
  List<Order> orders = List.of();

  /** The sealed orders of each actor, for matching without scanning every order. */
  java.util.Map<String, List<Order>> byActor = ImmutableMap.of();

  void seal(List<Order> sealed) {
    orders = List.copyOf(sealed);
    java.util.Map<String, List<Order>> m = new java.util.LinkedHashMap<>();
    for (Order o : orders) {
      m.computeIfAbsent(o.actor(), k -> new ArrayList<>()).add(o);
    }
    byActor = m;
  }

  /** The sealed orders of one actor. */
  List<Order> of(String actor) {
    return byActor.getOrDefault(actor, List.of());
  }

  Turn(Scenario scenario, GameState previous, long seed) {
    this.scenario = scenario;
    this.mechanics = scenario.mechanics();
    this.b = previous.toBuilder();
    this.number = previous.turn() + 1;
    this.b.turn(number);
    this.seed = seed;
  }

  List<Order> ofKind(OrderKind kind) {
    List<Order> out = new ArrayList<>();
    for (Order o : orders) {
      if (o.kind() == kind) {
        out.add(o);
      }
    }
    return out;
  }

  /** Adds a report line; the sentence starts with a capital ("The United States ..."). */
  void say(Phase phase, Visibility visibility, String text, String citation, Order... basis) {
    say(phase, visibility, ReportLine.Proposal.NONE, text, citation, basis);
  }

  /** Adds a line about a bilateral proposal, saying what became of it. */
  void say(
      Phase phase,
      Visibility visibility,
      ReportLine.Proposal proposal,
      String text,
      String citation,
      Order... basis) {
    String sentence =
        text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    lines.add(new ReportLine(phase, visibility, sentence, citation, List.of(basis), proposal));
  }

  /**
   * Gives {@code actor} a grievance of {@code turns} full turns after this one (docs/rules.md,
   * "Obligations and silence"), and tells it so.
   */
  void grieve(Phase phase, String actor, int turns, String why, String citation) {
    int g = b.get(org.entente.engine.expr.Quantity.GRIEVANCE, actor, "");
    if (turns <= 0 || g > turns) {
      return;
    }
    b.set(org.entente.engine.expr.Quantity.GRIEVANCE, actor, "", turns);
    grievanceRenewed.add(actor);
    say(
        phase,
        Visibility.actors(actor),
        name(actor)
            + " has a grievance ("
            + why
            + ") for "
            + count(turns, "turn")
            + ", "
            + turnLabel(number + 1)
            + " to "
            + turnLabel(number + turns)
            + ": until then giving notice meets the senate rule and costs half at home and abroad.",
        citation);
  }

  /** "1 member", "5 members". */
  static String count(int n, String noun) {
    return n + " " + (n == 1 ? noun : noun + "s");
  }

  void sayPublic(Phase phase, String text, String citation, Order... basis) {
    say(phase, Visibility.PUBLIC, text, citation, basis);
  }

  /** An actor's name as a sentence uses it: "Armenia", "the United States". */
  String name(String id) {
    return OrderValidator.withArticle(scenario.nameOf(id));
  }

  /** The possessive of an actor's name: "Armenia's", "the United States'". */
  String possessive(String id) {
    return OrderValidator.possessive(name(id));
  }

  /**
   * The months' English names, looked up once: {@code Month.getDisplayName} builds a formatter
   * on every call, and a turn's report names several turns.
   */
  private static final String[] MONTHS =
      java.util.Arrays.stream(java.time.Month.values())
          .map(m -> m.getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH))
          .toArray(String[]::new);

  /** "T9 (March 2025)". */
  String turnLabel(int turn) {
    java.time.LocalDate d = scenario.metadata().dateOf(turn);
    return "T" + turn + " (" + MONTHS[d.getMonthValue() - 1] + " " + d.getYear() + ")";
  }

  static Bindings bindings(Order o) {
    return Bindings.of(
        "self", o.actor(),
        "target", o.target().isEmpty() ? null : o.target(),
        "other", o.other().isEmpty() ? null : o.other(),
        "org", o.org().isEmpty() ? null : o.org(),
        "option", o.option().isEmpty() ? null : o.option());
  }

  boolean holds(Expr when, Bindings bindings) {
    return when == null || when.test(start, bindings);
  }

  /** Queues effects for P8, each resolved against the bindings. */
  void effects(List<Effect> effects, Bindings bindings, Object cause) {
    for (Effect e : effects) {
      Refs.queue(ledger, e, bindings, cause);
    }
  }

  /**
   * Applies effects at once (upkeep and timers, which happen outside the P8 ledger), with a
   * line for each change to those who may see it.
   */
  void applyNow(Phase phase, List<Effect> effects, Bindings bindings, Object cause) {
    Ledger now = new Ledger();
    for (Effect e : effects) {
      Refs.queue(now, e, bindings, cause);
    }
    report(phase, now.apply(b));
  }

  /** A line for each change that moved a number (docs/rules.md, "What your report shows"). */
  void report(Phase phase, List<Ledger.Change> changes) {
    for (Ledger.Change c : changes) {
      if (c.before() != c.after()) {
        say(
            phase,
            ChangeLines.visibility(c.quantity(), c.x()),
            ChangeLines.describe(this, c),
            ChangeLines.citation(c));
      }
    }
  }
}
