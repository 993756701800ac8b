package org.entente.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.entente.engine.Engine;
import org.entente.engine.TurnResult;
import org.entente.engine.model.Scenario;
import org.entente.engine.order.Order;
import org.entente.engine.order.OrderCheck;
import org.entente.engine.report.Report;
import org.entente.engine.state.GameState;

/**
 * A game held in this process, for {@code entente play} (hot seat): the scenario, the state,
 * each country's draft and the reports so far. One thread; no network.
 */
final class LocalGame {
  private final Scenario scenario;
  private final int turns;
  private final long seed;
  private GameState state;
  private final Map<String, List<Order>> drafts = new LinkedHashMap<>();
  private final List<Report> reports = new ArrayList<>();
  private TurnResult last;

  LocalGame(Scenario scenario, int turns, long seed) {
    this.scenario = scenario;
    this.turns = turns;
    this.seed = seed;
    this.state = GameState.initial(scenario);
    scenario.playableActors().forEach(a -> drafts.put(a.id(), new ArrayList<>()));
  }

  Scenario scenario() {
    return scenario;
  }

  GameState state() {
    return state;
  }

  int turns() {
    return turns;
  }

  boolean over() {
    return state.turn() >= turns;
  }

  List<Order> draft(String actor) {
    return List.copyOf(drafts.get(actor));
  }

  /** Checks an order in the text syntax and adds it to the actor's draft when accepted. */
  OrderCheck add(String actor, String text) {
    OrderCheck check = Engine.check(scenario, state, actor, drafts.get(actor), text);
    if (check.isAccepted()) {
      drafts.get(actor).add(check.order().orElseThrow());
    }
    return check;
  }

  /** Removes the n-th (1-based) order of the draft; false if there is none. */
  boolean remove(String actor, int n) {
    List<Order> d = drafts.get(actor);
    if (n < 1 || n > d.size()) {
      return false;
    }
    d.remove(n - 1);
    return true;
  }

  int pointsUsed(String actor) {
    int used = 0;
    for (Order o : drafts.get(actor)) {
      used += scenario.rule(o.kind()).costOf(o.option());
    }
    return used;
  }

  /** Resolves the turn with every draft and clears them. */
  TurnResult resolve() {
    Map<String, List<Order>> orders = new LinkedHashMap<>();
    drafts.forEach((k, v) -> orders.put(k, List.copyOf(v)));
    last = Engine.resolve(scenario, state, orders, seed + state.turn());
    state = last.state();
    reports.add(last.report());
    drafts.values().forEach(List::clear);
    return last;
  }

  List<Report> reports() {
    return reports;
  }

  TurnResult last() {
    return last;
  }
}
