package org.entente.engine.order;

import java.util.EnumMap;
import java.util.Map;
import org.entente.engine.model.OrderKind;

/**
 * One plain sentence per order kind: what the order does, whatever the scenario (a scenario's
 * own {@code OrderRule.description} adds its numbers and history). Worded as in docs/rules.md.
 */
public final class OrderDescriptions {
  private static final Map<OrderKind, String> SENTENCES = new EnumMap<>(OrderKind.class);

  static {
    put(
        OrderKind.REQUEST_CONSULTATION,
        "Asks an organisation's members to consult on your security; it creates no obligation.");
    put(
        OrderKind.REQUEST_ASSISTANCE,
        "Asks the other members of an organisation for assistance against an aggressor that"
            + " escalated against you this turn or last; each must answer by the end of next turn.");
    put(
        OrderKind.RESPOND,
        "Answers an open request for assistance: MILITARY, MONITORS, DIPLOMATIC or DECLINE.");
    put(
        OrderKind.ORG_PROPOSAL,
        "Puts a proposal (an assistance package, a condemnation, a budget, a suspension or an"
            + " admission) to an organisation's vote this turn.");
    put(
        OrderKind.OBJECT,
        "Objects to a proposal made this turn; under consensus one objection blocks it.");
    put(OrderKind.STAND_ASIDE, "Lets a proposal made this turn pass without your support.");
    put(
        OrderKind.FREEZE,
        "Freezes your participation in an organisation: you no longer vote or block, and the"
            + " organisation loses credibility and cohesion every turn.");
    put(
        OrderKind.RESUME,
        "Resumes your full participation in an organisation you froze, paying your dues again.");
    put(OrderKind.WITHHOLD_DUES, "Stops paying your dues to an organisation.");
    put(
        OrderKind.ANNOUNCE_INTENT,
        "Announces publicly what you mean to do in an organisation, with no legal effect.");
    put(
        OrderKind.GIVE_NOTICE,
        "Gives formal notice of withdrawal from an organisation: you leave when the notice period"
            + " ends, unless you rescind it.");
    put(
        OrderKind.RESCIND_NOTICE,
        "Withdraws your notice before it takes effect, returning you to your previous status.");
    put(OrderKind.APPLY_MEMBERSHIP, "Applies to join an organisation; you become an applicant.");
    put(
        OrderKind.PROPOSE_PARTNERSHIP,
        "Offers a country one step up the partnership ladder; both sides must give it in"
            + " the same turn.");
    put(
        OrderKind.JOINT_EXERCISE,
        "Holds a military exercise with a country that gives the same order this turn.");
    put(
        OrderKind.ARMS_DEAL,
        "Sells or buys arms of a given size; seller and buyer must give matching orders in the same"
            + " turn.");
    put(
        OrderKind.MEDIATE,
        "Offers to mediate between two parties; it is in force this turn if both accept you.");
    put(
        OrderKind.ACCEPT_MEDIATION,
        "Accepts a mediator between you and a counterpart for this turn.");
    put(
        OrderKind.PEACE_STEP,
        "Agrees one step of the peace process with a counterpart who gives the same step this"
            + " turn.");
    put(
        OrderKind.ECONOMIC_PRESSURE,
        "Puts economic pressure on a country: its domestic support and its trust in you"
            + " fall.");
    put(
        OrderKind.ESCALATE,
        "Uses force against a country (an incident, an incursion or an offensive), judged by"
            + " comparing forces, without dice.");
    put(
        OrderKind.PRESENCE,
        "Acts on a foreign presence: its owner deploys, withdraws or delays it, its host asks it to"
            + " leave.");
    put(
        OrderKind.LOBBY,
        "Lobbies an institution to renew or expand a presence, or to fund a beneficiary.");
    put(
        OrderKind.STATEMENT,
        "Makes a public statement about a country: criticise, reassure or condemn.");
    for (OrderKind kind : OrderKind.values()) {
      if (!SENTENCES.containsKey(kind)) {
        throw new AssertionError("no description for " + kind);
      }
    }
  }

  private OrderDescriptions() {}

  private static void put(OrderKind kind, String sentence) {
    SENTENCES.put(kind, sentence);
  }

  /** The kind's sentence. */
  public static String of(OrderKind kind) {
    return SENTENCES.get(kind);
  }
}
