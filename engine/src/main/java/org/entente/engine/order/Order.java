package org.entente.engine.order;

import java.util.Comparator;
import java.util.Objects;
import org.entente.engine.model.OrderKind;

/**
 * One order of one actor. Slots a kind does not use are empty strings; which slots each kind
 * uses is in docs/design.md ("Orders: the text syntax"). Immutable; equal orders compare
 * equal whatever order they arrived in.
 *
 * @param actor the actor giving the order
 * @param kind what it does
 * @param org the organisation it concerns
 * @param target the actor it is aimed at (aggressor, requester, counterpart, party...)
 * @param other a second actor (the other party of a mediation, the seller of an arms deal,
 *     the beneficiary of lobbying for funds)
 * @param option the variant word (level, answer, size, step, tone, action...)
 * @param presence the presence it concerns
 * @param text free text of a statement or announcement
 */
public record Order(
    String actor,
    OrderKind kind,
    String org,
    String target,
    String other,
    String option,
    String presence,
    String text) {

  /** Canonical order: by actor, kind, then the rest of the text form. */
  public static final Comparator<Order> CANONICAL =
      Comparator.comparing(Order::actor)
          .thenComparing(Order::kind)
          .thenComparing(Order::org)
          .thenComparing(Order::target)
          .thenComparing(Order::other)
          .thenComparing(Order::option)
          .thenComparing(Order::presence)
          .thenComparing(Order::text);

  public Order {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(kind, "kind");
    org = Objects.requireNonNullElse(org, "");
    target = Objects.requireNonNullElse(target, "");
    other = Objects.requireNonNullElse(other, "");
    option = Objects.requireNonNullElse(option, "");
    presence = Objects.requireNonNullElse(presence, "");
    text = Objects.requireNonNullElse(text, "");
  }

  /** A builder-style start: {@code Order.of("ARM", GIVE_NOTICE).withOrg("CSTO")}. */
  public static Order of(String actor, OrderKind kind) {
    return new Order(actor, kind, "", "", "", "", "", "");
  }

  public Order withOrg(String value) {
    return new Order(actor, kind, value, target, other, option, presence, text);
  }

  public Order withTarget(String value) {
    return new Order(actor, kind, org, value, other, option, presence, text);
  }

  public Order withOther(String value) {
    return new Order(actor, kind, org, target, value, option, presence, text);
  }

  public Order withOption(String value) {
    return new Order(actor, kind, org, target, other, value, presence, text);
  }

  public Order withPresence(String value) {
    return new Order(actor, kind, org, target, other, option, value, text);
  }

  public Order withText(String value) {
    return new Order(actor, kind, org, target, other, option, presence, value);
  }

  /** The order in the text syntax, without the actor prefix: {@code GIVE_NOTICE CSTO}. */
  public String toText() {
    return OrderSyntax.format(this);
  }

  /** The order with its actor prefix: {@code ARM: GIVE_NOTICE CSTO}. */
  @Override
  public String toString() {
    return actor + ": " + toText();
  }
}
