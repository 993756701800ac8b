package org.entente.server.rules;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Map;
import org.entente.engine.Seeds;
import org.entente.engine.order.Order;
import org.entente.engine.order.OrderCheck;
import org.entente.engine.report.Viewer;
import org.entente.proto.protocol.v1.Briefing;

/**
 * The seam between a game session and the rules engine: the only place the server calls
 * the game rules. One instance per session holds that game's scenario and current state;
 * it is confined to the session's thread (never an event loop), so implementations need
 * no locking and may take their time.
 *
 * <p>Orders, order checks and report lines are the engine's own values; wire and journal
 * messages are translated to and from them at the edge ({@code Wire}, {@code JournalCodec}).
 */
public interface SessionRules {

  ScenarioInfo scenario();

  /** Parses {@code text}, one order in the text syntax, and checks it for {@code actor}'s draft. */
  OrderCheck check(String actor, List<Order> draft, String text);

  /**
   * Checks a structured order for its actor's draft ({@code draft}: the actor's other orders),
   * exactly as its text form would be checked.
   */
  OrderCheck check(List<Order> draft, Order candidate);

  /**
   * Resolves the current turn with every country's sealed orders and advances the state; on the
   * {@code finalTurn} the report ends with the final scores, for every viewer.
   */
  ResolvedTurn resolve(Map<String, List<Order>> ordersByActor, long seed, boolean finalTurn);

  /** A turn that is not the game's last. */
  default ResolvedTurn resolve(Map<String, List<Order>> ordersByActor, long seed) {
    return resolve(ordersByActor, seed, false);
  }

  /** The seed {@link #resolve} gets for turn {@code turn} of a game seeded {@code gameSeed}. */
  default long turnSeed(long gameSeed, int turn) {
    return Seeds.turn(gameSeed, turn);
  }

  /** The current game state, whole; views decide what each viewer sees of it. */
  GameSnapshot snapshot();

  /**
   * Nobody is connected for now: what the rules keep only to answer faster (the last {@link
   * #snapshot}) may go, and is made again when asked.
   */
  default void quiet() {}

  /**
   * What the scenario says, for {@code viewer}, in a session of {@code turns} turns (see
   * Briefing in protocol.proto). The same whenever it is asked: a session may keep it.
   */
  default Briefing briefing(Viewer viewer, int turns) {
    return Briefings.of(scenario());
  }

  /** Every problem with an inject, as scenario events are validated; empty when valid. */
  ImmutableList<String> validate(InjectedEvent event);

  /** Applies a valid inject's effects to the current state. */
  void apply(InjectedEvent event);

  /**
   * The orders a bot gives for {@code actor} this turn (the session seals them like a team's
   * draft). Deterministic for the same state and game seed.
   */
  default ImmutableList<Order> botOrders(String actor, long seed) {
    return botTurn(actor, seed, List.of()).orders();
  }

  /**
   * A bot's turn for {@code actor}, given the bilateral orders players drafted that name it
   * ({@code offers}): each is answered by the role's doctrine, and the orders of the offers it
   * accepts come first among its own. Deterministic for the same state, game seed and offers.
   */
  default BotTurn botTurn(String actor, long seed, List<Order> offers) {
    return new BotTurn(ImmutableList.of(), ImmutableList.of());
  }

  /** A bot's orders for a turn and its answers to players' offers. */
  record BotTurn(ImmutableList<Order> orders, ImmutableList<OfferReply> replies) {}

  /** A bot's answer to one offer: who offered what, accepted or not, and why. */
  record OfferReply(String offerer, String offer, boolean accepted, String reason) {}

  /**
   * A game's inputs: every call that changed its rules' state ({@link #resolve}, {@link #apply}),
   * made again in the same order on {@code fresh} rules of the same scenario.
   */
  @FunctionalInterface
  interface GameInputs {
    void replayOn(SessionRules fresh);
  }

  /**
   * The debrief of the game so far, for a session of {@code plannedTurns} turns: {@code game}
   * its inputs (the rules keep no record of past turns, so they rebuild it from them),
   * {@code messages} the negotiation (only the included ones are shown), {@code seats} the
   * roster (who held which seat, and what each seat authored). May take a while: the time the
   * game's turns took to resolve.
   */
  default Debrief debrief(
      GameInputs game, List<RecordedMessage> messages, int plannedTurns, List<RecordedSeat> seats) {
    return new Debrief(0, "", "");
  }
}
