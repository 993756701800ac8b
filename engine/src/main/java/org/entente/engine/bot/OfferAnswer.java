package org.entente.engine.bot;

import java.util.Objects;
import java.util.Optional;
import org.entente.engine.order.Order;

/**
 * A bot's answer to a bilateral offer.
 *
 * @param accept whether the bot takes the offer
 * @param reason a short reason for the proposer: the doctrine rule's reason, or why the bot
 *     cannot (no rule for this kind, the matching order is not allowed now)
 * @param reply the order the bot gives to match the offer (present only when accepted)
 */
public record OfferAnswer(boolean accept, String reason, Optional<Order> reply) {
  public OfferAnswer {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(reply, "reply");
  }

  static OfferAnswer decline(String reason) {
    return new OfferAnswer(false, reason, Optional.empty());
  }
}
