package org.entente.server.rules;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Optional;

/**
 * The rules' verdict on a candidate order: accepted (with the order as the rules read
 * it and its canonical text), or refused with a typed outcome and a reason for people.
 */
public record OrderCheck(Outcome outcome, Optional<Order> order, String canonicalText, String reason) {

  public enum Outcome {
    ACCEPTED,
    /** The order could not be read (unknown kind, missing slot, bad syntax). */
    NOT_UNDERSTOOD,
    /** The order was read but the rules do not allow it now. */
    NOT_ALLOWED
  }

  public OrderCheck {
    checkNotNull(outcome);
    checkNotNull(order);
    checkNotNull(canonicalText);
    checkNotNull(reason);
    checkArgument(outcome != Outcome.ACCEPTED || order.isPresent(), "an accepted check carries the order");
  }

  public static OrderCheck accepted(Order order, String canonicalText) {
    return new OrderCheck(Outcome.ACCEPTED, Optional.of(order), canonicalText, "");
  }

  public static OrderCheck notUnderstood(String reason) {
    return new OrderCheck(Outcome.NOT_UNDERSTOOD, Optional.empty(), "", reason);
  }

  public static OrderCheck notAllowed(Order order, String reason) {
    return new OrderCheck(Outcome.NOT_ALLOWED, Optional.of(order), "", reason);
  }

  public boolean isAccepted() {
    return outcome == Outcome.ACCEPTED;
  }
}
