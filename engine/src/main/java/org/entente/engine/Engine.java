package org.entente.engine;

import java.util.List;
import java.util.Map;
import org.entente.engine.model.Scenario;
import org.entente.engine.order.Order;
import org.entente.engine.order.OrderCheck;
import org.entente.engine.order.OrderParser;
import org.entente.engine.resolve.OrderValidator;
import org.entente.engine.resolve.Resolver;
import org.entente.engine.resolve.Scoring;
import org.entente.engine.state.GameState;

/**
 * The rules engine's entry points. Pure and deterministic: the next state and the reports
 * follow from (scenario, state, orders, seed) alone, whatever order the orders arrived in. No
 * clock, I/O, threads or unseeded randomness; safe to call from any thread.
 */
public final class Engine {
  private Engine() {}

  /**
   * Options of one resolution. {@code finalTurn}: this is the game's last turn, so the report
   * ends with lines everyone reads: the final scores, each country's objectives met and missed,
   * and the scenario's notes on what really happened next.
   */
  public record Options(boolean engineActorsAct, boolean finalTurn) {
    public static final Options DEFAULT = new Options(true, false);

    public Options(boolean engineActorsAct) {
      this(engineActorsAct, false);
    }

    /** These options, on the game's last turn. */
    public Options asFinalTurn() {
      return new Options(engineActorsAct, true);
    }
  }

  /**
   * Parses and checks one order in the text syntax for {@code actor}, as if added to {@code
   * draft} (the actor's other orders this turn).
   */
  public static OrderCheck check(
      Scenario scenario, GameState state, String actor, List<Order> draft, String text) {
    OrderCheck parsed = new OrderParser(scenario).parse(actor, text);
    if (!parsed.isAccepted()) {
      return parsed;
    }
    return check(scenario, state, draft, parsed.order().orElseThrow());
  }

  /** Checks an understood order, as if added to {@code draft}. */
  public static OrderCheck check(
      Scenario scenario, GameState state, List<Order> draft, Order order) {
    return new OrderValidator(scenario).check(state, draft, order);
  }

  /** Resolves one turn. {@code orders} maps actor ids to their orders (any order, any actor subset). */
  public static TurnResult resolve(
      Scenario scenario, GameState state, Map<String, List<Order>> orders, long seed) {
    return resolve(scenario, state, orders, seed, Options.DEFAULT);
  }

  public static TurnResult resolve(
      Scenario scenario,
      GameState state,
      Map<String, List<Order>> orders,
      long seed,
      Options options) {
    return Resolver.resolve(
        scenario, state, orders, seed, options.engineActorsAct(), options.finalTurn());
  }

  /** Every role's objective score against a state (final scores: call on the last state). */
  public static List<Score> score(Scenario scenario, GameState state) {
    return Scoring.score(scenario, state);
  }
}
