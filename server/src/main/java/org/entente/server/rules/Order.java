package org.entente.server.rules;

import static com.google.common.base.Preconditions.checkNotNull;

/**
 * One order as the server stores it in a draft: the same slots as the engine's order
 * record. {@code kind} is an {@code OrderKind} name such as {@code GIVE_NOTICE}; empty
 * strings mean "not given".
 */
public record Order(
    String actor,
    String kind,
    String org,
    String target,
    String other,
    String option,
    String presence,
    String text) {

  public Order {
    checkNotNull(actor);
    checkNotNull(kind);
    checkNotNull(org);
    checkNotNull(target);
    checkNotNull(other);
    checkNotNull(option);
    checkNotNull(presence);
    checkNotNull(text);
  }

  public Order withActor(String newActor) {
    return new Order(newActor, kind, org, target, other, option, presence, text);
  }
}
