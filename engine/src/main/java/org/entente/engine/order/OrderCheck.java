package org.entente.engine.order;

import java.util.Objects;
import java.util.Optional;

/**
 * The typed answer to a submitted order: accepted (perhaps with a note about something only
 * resolution can tell), not understood (bad syntax or unknown names), or understood but not
 * allowed, with the reason as a plain sentence. Never an exception.
 *
 * @param verdict the kind of answer
 * @param order the order as understood (empty when not understood)
 * @param reason why it was refused, or a note when accepted (empty if none)
 * @param column 1-based column of the problem in the order text, or 0 if not about a position
 */
public record OrderCheck(Verdict verdict, Optional<Order> order, String reason, int column) {
  /** The three kinds of answer. */
  public enum Verdict {
    ACCEPTED,
    NOT_UNDERSTOOD,
    NOT_ALLOWED
  }

  public OrderCheck {
    Objects.requireNonNull(verdict);
    Objects.requireNonNull(order);
    Objects.requireNonNull(reason);
  }

  public static OrderCheck accepted(Order order, String note) {
    return new OrderCheck(Verdict.ACCEPTED, Optional.of(order), note, 0);
  }

  public static OrderCheck notUnderstood(String reason, int column) {
    return new OrderCheck(Verdict.NOT_UNDERSTOOD, Optional.empty(), reason, column);
  }

  public static OrderCheck notAllowed(Order order, String reason) {
    return new OrderCheck(Verdict.NOT_ALLOWED, Optional.of(order), reason, 0);
  }

  public boolean isAccepted() {
    return verdict == Verdict.ACCEPTED;
  }
}
