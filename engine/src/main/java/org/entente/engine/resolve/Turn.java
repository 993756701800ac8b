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

  void say(Phase phase, Visibility visibility, String text, String citation, Order... basis) {
    lines.add(new ReportLine(phase, visibility, text, citation, List.of(basis)));
  }

  void sayPublic(Phase phase, String text, String citation, Order... basis) {
    say(phase, Visibility.PUBLIC, text, citation, basis);
  }

  String name(String id) {
    return scenario.nameOf(id);
  }

  /** The possessive of an actor's name: "Armenia's", "United States'". */
  String possessive(String id) {
    return OrderValidator.possessive(scenario.nameOf(id));
  }

  /** "T9 (March 2025)". */
  String turnLabel(int turn) {
    java.time.LocalDate d = scenario.metadata().dateOf(turn);
    String month = d.getMonth().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH);
    return "T" + turn + " (" + month + " " + d.getYear() + ")";
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

  /** Applies effects at once (upkeep and timers, which happen outside the P8 ledger). */
  void applyNow(List<Effect> effects, Bindings bindings, Object cause) {
    Ledger now = new Ledger();
    for (Effect e : effects) {
      Refs.queue(now, e, bindings, cause);
    }
    now.apply(b);
  }
}
