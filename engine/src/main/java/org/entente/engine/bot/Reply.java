package org.entente.engine.bot;

import java.util.Optional;
import org.entente.engine.model.OrderKind;
import org.entente.engine.order.Order;

/** The order that matches another actor's bilateral offer, as the engine's matching wants it. */
public final class Reply {
  private Reply() {}

  /**
   * The order {@code actor} gives to match {@code offer}; empty if the offer is not a bilateral
   * offer that {@code actor} can match.
   */
  public static Optional<Order> to(Order offer, String actor) {
    String proposer = offer.actor();
    if (proposer.equals(actor)) {
      return Optional.empty();
    }
    Order base = Order.of(actor, offer.kind());
    switch (offer.kind()) {
      case PROPOSE_PARTNERSHIP:
      case PEACE_STEP:
        return offer.target().equals(actor)
            ? Optional.of(base.withTarget(proposer).withOption(offer.option()))
            : Optional.empty();
      case JOINT_EXERCISE:
        return offer.target().equals(actor)
            ? Optional.of(base.withTarget(proposer))
            : Optional.empty();
      case ARMS_DEAL:
        // Same seller (`other`) and size; the counterpart is the proposer.
        return offer.target().equals(actor)
            ? Optional.of(
                base.withTarget(proposer).withOther(offer.other()).withOption(offer.option()))
            : Optional.empty();
      case MEDIATE:
        // MEDIATE A B by M: party A answers ACCEPT_MEDIATION M B.
        if (offer.target().equals(actor) || offer.other().equals(actor)) {
          String counterpart = offer.target().equals(actor) ? offer.other() : offer.target();
          return Optional.of(
              Order.of(actor, OrderKind.ACCEPT_MEDIATION)
                  .withTarget(proposer)
                  .withOther(counterpart));
        }
        return Optional.empty();
      case ACCEPT_MEDIATION:
        // ACCEPT_MEDIATION M C by P: the mediator M answers MEDIATE P C; the counterpart C
        // answers ACCEPT_MEDIATION M P.
        if (offer.target().equals(actor)) {
          return Optional.of(
              Order.of(actor, OrderKind.MEDIATE).withTarget(proposer).withOther(offer.other()));
        }
        if (offer.other().equals(actor)) {
          return Optional.of(base.withTarget(offer.target()).withOther(proposer));
        }
        return Optional.empty();
      default:
        return Optional.empty();
    }
  }
}
