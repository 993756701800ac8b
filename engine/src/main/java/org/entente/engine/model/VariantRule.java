package org.entente.engine.model;

import java.util.List;

/**
 * Parameters of one variant of an order kind (an escalation level, an answer, a size...).
 * {@code turns} and {@code amount} mean what the kind says (see the scenario schema);
 * {@code citation}, when not empty, replaces the kind's citation in reports.
 */
public record VariantRule(
    String name,
    int extraCost,
    List<Effect> effects,
    List<Effect> onFailure,
    List<Precondition> preconditions,
    int turns,
    int amount,
    String citation) {
  /** A variant that cites its kind's rule. */
  public VariantRule(
      String name,
      int extraCost,
      List<Effect> effects,
      List<Effect> onFailure,
      List<Precondition> preconditions,
      int turns,
      int amount) {
    this(name, extraCost, effects, onFailure, preconditions, turns, amount, "");
  }

  public VariantRule {
    citation = citation == null ? "" : citation;
    effects = List.copyOf(effects);
    onFailure = List.copyOf(onFailure);
    preconditions = List.copyOf(preconditions);
  }
}
