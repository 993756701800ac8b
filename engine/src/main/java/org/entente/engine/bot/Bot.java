package org.entente.engine.bot;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.entente.engine.Engine;
import org.entente.engine.Seeds;
import org.entente.engine.expr.Bindings;
import org.entente.engine.expr.Expr;
import org.entente.engine.model.Actor;
import org.entente.engine.model.Answer;
import org.entente.engine.model.Doctrine;
import org.entente.engine.model.Doctrine.OfferRule;
import org.entente.engine.model.Doctrine.Priority;
import org.entente.engine.model.Doctrine.ResponseRule;
import org.entente.engine.model.OrderKind;
import org.entente.engine.model.Scenario;
import org.entente.engine.order.Order;
import org.entente.engine.order.OrderCheck;
import org.entente.engine.state.GameState;
import org.entente.engine.state.OpenRequest;

/**
 * A bot standing in for a player: it plays a role by the role's doctrine in the scenario
 * (priorities, response rules, offer rules), so its behaviour is data, not Java.
 *
 * <p>Guarantees: the same (scenario, state, actor, seed) always gives the same orders; every
 * order returned is one {@link Engine#check} accepts given the orders before it. Pure: the only
 * randomness (breaking ties between equal weights) comes from the seed: the game's seed, which
 * {@link Seeds#bot} turns into one stream per turn and actor.
 */
public final class Bot {
  private Bot() {}

  /** The bot's orders for the coming turn. */
  public static List<Order> orders(Scenario scenario, GameState state, String actor, long seed) {
    return orders(scenario, state, actor, seed, List.of());
  }

  /**
   * The bot's orders for the coming turn, given orders it already promised (the replies to
   * offers it accepted, see {@link #answerOffer}). Answers owed to open requests come first, then
   * the promises, then the doctrine's priorities, until the order points run out.
   */
  public static List<Order> orders(
      Scenario scenario, GameState state, String actor, long seed, List<Order> promised) {
    Actor a =
        scenario.actor(actor).orElseThrow(() -> new IllegalArgumentException("no actor " + actor));
    List<Order> draft = new ArrayList<>();
    for (Order o : answersOwed(state, a)) {
      offer(scenario, state, draft, o);
    }
    for (Order o : promised) {
      offer(scenario, state, draft, o);
    }
    for (Order o : candidates(scenario, state, a, seed)) {
      offer(scenario, state, draft, o);
    }
    return List.copyOf(draft);
  }

  /**
   * How the bot playing {@code actor} answers {@code offer}, a bilateral order another actor gave
   * that names it. The first of the doctrine's offer rules for the offer's kind whose condition
   * holds decides; with none the bot declines. An accepted offer carries the matching order,
   * which must be allowed now.
   */
  public static OfferAnswer answerOffer(
      Scenario scenario, GameState state, String actor, Order offer) {
    Optional<Order> reply = Reply.to(offer, actor);
    if (reply.isEmpty()) {
      return OfferAnswer.decline("not an offer " + scenario.nameOf(actor) + " can match");
    }
    Doctrine d = scenario.actor(actor).orElseThrow().doctrine();
    Bindings b =
        Bindings.of(
            "self",
            actor,
            "target",
            offer.actor(),
            "option",
            offer.option().isEmpty() ? "NONE" : offer.option());
    for (OfferRule rule : d.offers()) {
      if (rule.kind() != offer.kind() || !holds(rule.when(), state, b)) {
        continue;
      }
      String reason =
          rule.reason().isEmpty() ? (rule.accept() ? "agreed" : "declined") : rule.reason();
      if (!rule.accept()) {
        return OfferAnswer.decline(reason);
      }
      OrderCheck check = Engine.check(scenario, state, List.of(), reply.get());
      if (!check.isAccepted()) {
        return OfferAnswer.decline("cannot: " + check.reason());
      }
      if (offer.kind() == OrderKind.PROPOSE_PARTNERSHIP) {
        Optional<String> whyNot =
            org.entente.engine.resolve.Partnerships.whyNot(
                scenario,
                state,
                actor,
                offer.actor(),
                org.entente.engine.model.PartnershipLevel.valueOf(offer.option()));
        if (whyNot.isPresent()) {
          return OfferAnswer.decline("willing, but the step is not possible yet: " + whyNot.get());
        }
      }
      return new OfferAnswer(true, reason, reply);
    }
    return OfferAnswer.decline("no interest in " + offer.kind() + " now");
  }

  /** RESPOND orders for open requests the actor owes an answer to, by its response rules. */
  static List<Order> answersOwed(GameState state, Actor a) {
    List<Order> out = new ArrayList<>();
    for (OpenRequest r : state.openRequests()) {
      if (!r.owed().contains(a.id()) || r.answeredBy(a.id())) {
        continue;
      }
      Answer answer = answer(state, a, r);
      out.add(
          Order.of(a.id(), OrderKind.RESPOND)
              .withOrg(r.org())
              .withTarget(r.requester())
              .withOption(answer.name()));
    }
    return out;
  }

  /** The first response rule that holds; a followed actor's answer if it already gave one. */
  private static Answer answer(GameState state, Actor a, OpenRequest r) {
    Bindings b =
        Bindings.of(
            "self", a.id(), "requester", r.requester(), "aggressor", r.aggressor(), "org", r.org());
    for (ResponseRule rule : a.doctrine().responses()) {
      if (!holds(rule.when(), state, b)) {
        continue;
      }
      Answer followed = rule.follow().isEmpty() ? null : r.answers().get(rule.follow());
      return followed != null ? followed : rule.answer();
    }
    // No rule: words cost nothing and beat silence, the worst answer.
    return Answer.DIPLOMATIC;
  }

  /**
   * Priorities considered this turn (by their chance) whose condition holds, highest weight
   * first, ties in a seeded random order.
   */
  static List<Order> candidates(Scenario scenario, GameState state, Actor a, long seed) {
    SplittableRandom random = Seeds.bot(seed, state.turn(), scenario.actorIndex(a.id()));
    Bindings self = Bindings.of("self", a.id());
    record Candidate(Order order, int weight, double tieBreak) {}
    List<Candidate> list = new ArrayList<>();
    for (Priority p : a.doctrine().priorities()) {
      // Both draws happen for every priority, so one priority's outcome never shifts another's.
      double tieBreak = random.nextDouble();
      boolean considered = p.chance() == 0 || random.nextInt(100) < p.chance();
      if (considered && holds(p.when(), state, self)) {
        list.add(new Candidate(p.order(), p.weight(), tieBreak));
      }
    }
    list.sort(
        Comparator.comparingInt(Candidate::weight)
            .reversed()
            .thenComparingDouble(Candidate::tieBreak));
    return list.stream().map(Candidate::order).toList();
  }

  private static void offer(Scenario scenario, GameState state, List<Order> draft, Order o) {
    if (Engine.check(scenario, state, draft, o).isAccepted()) {
      draft.add(o);
    }
  }

  private static boolean holds(Expr when, GameState state, Bindings b) {
    return when == null || when.test(state, b);
  }
}
