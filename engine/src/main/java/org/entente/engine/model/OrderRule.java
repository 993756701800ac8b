package org.entente.engine.model;

import com.google.common.collect.ImmutableMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The scenario's parameters for one order kind. */
public record OrderRule(
    OrderKind kind,
    int cost,
    int maxPerTurn,
    List<Precondition> preconditions,
    List<Effect> effects,
    Map<String, VariantRule> variants,
    List<Effect> onFailure,
    String description,
    String citation) {
  public OrderRule {
    preconditions = List.copyOf(preconditions);
    effects = List.copyOf(effects);
    variants = ImmutableMap.copyOf(variants);
    onFailure = List.copyOf(onFailure);
  }

  /** A rule for a kind the scenario does not describe: free, no effects. */
  public static OrderRule defaultFor(OrderKind kind) {
    return new OrderRule(kind, 1, 0, List.of(), List.of(), ImmutableMap.of(), List.of(), "", "");
  }

  public Optional<VariantRule> variant(String name) {
    return Optional.ofNullable(variants.get(name));
  }

  /** Cost of an order with the given option (variant), in order points. */
  public int costOf(String option) {
    VariantRule v = option == null ? null : variants.get(option);
    return Math.max(0, cost + (v == null ? 0 : v.extraCost()));
  }
}
