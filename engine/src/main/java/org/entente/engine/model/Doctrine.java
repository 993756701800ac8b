package org.entente.engine.model;

import java.util.List;
import org.entente.engine.expr.Expr;
import org.entente.engine.order.Order;

/**
 * How an engine-run actor decides (and how bots play a role). Rules are tried in order; the
 * first whose condition holds decides. A null condition always holds. {@code priorities} and
 * {@code offers} are used by bots only (see {@code org.entente.engine.bot.Bot}).
 */
public record Doctrine(
    List<ResponseRule> responses,
    List<VoteRule> votes,
    List<LobbyRule> lobbying,
    List<StandingOrder> standingOrders,
    String summary,
    List<Priority> priorities,
    List<OfferRule> offers) {
  public static final Doctrine NONE =
      new Doctrine(List.of(), List.of(), List.of(), List.of(), "", List.of(), List.of());

  public Doctrine {
    responses = List.copyOf(responses);
    votes = List.copyOf(votes);
    lobbying = List.copyOf(lobbying);
    standingOrders = List.copyOf(standingOrders);
    priorities = List.copyOf(priorities);
    offers = List.copyOf(offers);
  }

  /** A doctrine without bot rules. */
  public Doctrine(
      List<ResponseRule> responses,
      List<VoteRule> votes,
      List<LobbyRule> lobbying,
      List<StandingOrder> standingOrders,
      String summary) {
    this(responses, votes, lobbying, standingOrders, summary, List.of(), List.of());
  }

  /** How to answer a request for assistance; {@code follow} names an actor to copy, or is empty. */
  public record ResponseRule(Expr when, Answer answer, String follow) {}

  /** How to vote on a proposal. */
  public record VoteRule(Expr when, Vote vote) {}

  /** Whether to grant a LOBBY order aimed at this actor. */
  public record LobbyRule(Expr when, boolean grant) {}

  /** An order given every turn the condition holds. */
  public record StandingOrder(Expr when, Order order) {}

  /**
   * A bot's candidate order: tried when {@code when} holds, higher {@code weight} first (1..100);
   * considered in a turn with {@code chance} percent probability (0: always).
   */
  public record Priority(Expr when, Order order, int weight, int chance) {}

  /**
   * How a bot answers a bilateral offer of {@code kind}; {@code when} may use {@code self},
   * {@code target} (the proposer) and {@code option}.
   */
  public record OfferRule(OrderKind kind, Expr when, boolean accept, String reason) {}
}
