package org.entente.engine.model;

import com.google.common.collect.ImmutableSet;
import java.util.List;
import java.util.Set;

/** A country or institution, playable or run by the engine. */
public record Actor(
    String id,
    String name,
    boolean playable,
    Quantities start,
    int orderPoints,
    Set<OrderKind> allowedOrders,
    int maxMilitaryOrders,
    Doctrine doctrine,
    String description,
    List<String> sources) {
  public Actor {
    allowedOrders = ImmutableSet.copyOf(allowedOrders);
    sources = List.copyOf(sources);
  }

  /** Whether this actor may use the order kind (an empty allowed set means every kind). */
  public boolean mayUse(OrderKind kind) {
    return allowedOrders.isEmpty() || allowedOrders.contains(kind);
  }
}
