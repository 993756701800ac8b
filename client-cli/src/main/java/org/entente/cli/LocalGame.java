package org.entente.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.entente.debrief.GameRecord;
import org.entente.engine.Engine;
import org.entente.engine.Seeds;
import org.entente.engine.TurnResult;
import org.entente.engine.bot.Bot;
import org.entente.engine.bot.OfferAnswer;
import org.entente.engine.model.OrderKind;
import org.entente.engine.model.Scenario;
import org.entente.engine.order.Order;
import org.entente.engine.order.OrderCheck;
import org.entente.engine.report.Report;
import org.entente.engine.state.GameState;

/**
 * A game held in this process, for {@code entente play} (hot seat): the scenario, the state,
 * each country's draft and the reports so far. One thread; no network.
 *
 * <p>Seats the user has taken this game are human; every other playable country is played by
 * a {@link Bot} when the turn resolves. A bilateral offer from a human to a bot is answered at
 * once, and an accepted offer's matching order joins the bot's orders this turn.
 */
final class LocalGame {
  private final Scenario scenario;
  private final int turns;
  private final long seed;
  private GameState state;
  private final Map<String, List<Order>> drafts = new LinkedHashMap<>();
  private final List<Report> reports = new ArrayList<>();
  private final Set<String> humans = new LinkedHashSet<>();
  /** This turn's accepted offers from humans to bots: the offer and the bot's matching order. */
  private final List<Promise> promises = new ArrayList<>();

  private record Promise(Order offer, Order reply) {}
  private TurnResult last;
  /** Every resolved turn's orders, report and state, for the debrief. */
  private final GameRecord.Builder record;

  LocalGame(Scenario scenario, int turns, long seed) {
    this.scenario = scenario;
    this.turns = turns;
    this.seed = seed;
    this.state = GameState.initial(scenario);
    this.record = GameRecord.builder(scenario, state).plannedTurns(turns);
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

  /** Seats {@code actor} as human from now on (its orders come from the user). */
  void takeSeat(String actor) {
    humans.add(actor);
  }

  /** Hands {@code actor}'s seat back to a bot; its draft is dropped. False if it was not human. */
  boolean handToBot(String actor) {
    if (!humans.remove(actor)) {
      return false;
    }
    drafts.get(actor).clear();
    promises.removeIf(p -> p.offer().actor().equals(actor));
    return true;
  }

  boolean isBot(String actor) {
    return drafts.containsKey(actor) && !humans.contains(actor);
  }

  /**
   * The answers of the bots that {@code offer} (an order in a human's draft) names, if it is a
   * bilateral offer; each accepted offer's matching order is promised for this turn.
   */
  Map<String, OfferAnswer> offerToBots(Order offer) {
    Map<String, OfferAnswer> answers = new LinkedHashMap<>();
    if (offer.kind().group() != OrderKind.Group.BILATERAL) {
      return answers;
    }
    for (String bot : botsNamedBy(offer)) {
      OfferAnswer answer = Bot.answerOffer(scenario, state, bot, offer);
      answer.reply().ifPresent(reply -> promises.add(new Promise(offer, reply)));
      answers.put(bot, answer);
    }
    return answers;
  }

  private List<String> botsNamedBy(Order offer) {
    List<String> out = new ArrayList<>();
    for (String id : List.of(offer.target(), offer.other())) {
      if (!id.isEmpty() && !id.equals(offer.actor()) && isBot(id)) {
        out.add(id);
      }
    }
    return out;
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
    Order removed = d.remove(n - 1);
    promises.removeIf(p -> p.offer().equals(removed));
    return true;
  }

  int pointsUsed(String actor) {
    int used = 0;
    for (Order o : drafts.get(actor)) {
      used += scenario.rule(o.kind()).costOf(o.option());
    }
    return used;
  }

  /** Resolves the turn with every human draft and the bots' orders, and clears the drafts. */
  TurnResult resolve() {
    Map<String, List<Order>> orders = new LinkedHashMap<>();
    drafts.forEach((k, v) -> orders.put(k, isBot(k) ? botOrders(k) : List.copyOf(v)));
    last = Engine.resolve(scenario, state, orders, Seeds.turn(seed, state.turn()));
    state = last.state();
    reports.add(last.report());
    record.turn(orders, last);
    drafts.values().forEach(List::clear);
    promises.clear();
    return last;
  }

  private List<Order> botOrders(String bot) {
    List<Order> promised = new ArrayList<>();
    promises.stream().map(Promise::reply).filter(o -> o.actor().equals(bot))
        .forEach(promised::add);
    return Bot.orders(scenario, state, bot, seed, promised);
  }

  List<Report> reports() {
    return reports;
  }

  /** The game so far, for the debrief. */
  GameRecord record() {
    return record.build();
  }

  TurnResult last() {
    return last;
  }
}
