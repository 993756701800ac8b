package org.entente.engine.model;

import java.util.List;
import org.entente.engine.expr.Expr;
import org.entente.engine.order.Order;

/**
 * How an engine-run actor decides (and how bots play a role). Rules are tried in order; the
 * first whose condition holds decides. A null condition always holds.
 */
public record Doctrine(
    List<ResponseRule> responses,
    List<VoteRule> votes,
    List<LobbyRule> lobbying,
    List<StandingOrder> standingOrders,
    String summary) {
  public static final Doctrine NONE = new Doctrine(List.of(), List.of(), List.of(), List.of(), "");

  public Doctrine {
    responses = List.copyOf(responses);
    votes = List.copyOf(votes);
    lobbying = List.copyOf(lobbying);
    standingOrders = List.copyOf(standingOrders);
  }

  /** How to answer a request for assistance; {@code follow} names an actor to copy, or is empty. */
  public record ResponseRule(Expr when, Answer answer, String follow) {}

  /** How to vote on a proposal. */
  public record VoteRule(Expr when, Vote vote) {}

  /** Whether to grant a LOBBY order aimed at this actor. */
  public record LobbyRule(Expr when, boolean grant) {}

  /** An order given every turn the condition holds. */
  public record StandingOrder(Expr when, Order order) {}
}
