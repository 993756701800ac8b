package org.entente.engine.model;

import java.util.List;

/**
 * Parameters of one variant of an order kind (an escalation level, an answer, a size...).
 * {@code turns} and {@code amount} mean what the kind says (see the scenario schema).
 */
public record VariantRule(
    String name,
    int extraCost,
    List<Effect> effects,
    List<Effect> onFailure,
    List<Precondition> preconditions,
    int turns,
    int amount) {
  public VariantRule {
    effects = List.copyOf(effects);
    onFailure = List.copyOf(onFailure);
    preconditions = List.copyOf(preconditions);
  }
}
