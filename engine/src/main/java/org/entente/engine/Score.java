package org.entente.engine;

import com.google.common.collect.ImmutableList;
import java.util.List;

/**
 * A role's hidden objective scored against a state: the points earned out of 100 and every
 * criterion behind them, in the objective's order.
 */
public record Score(String actor, int points, List<CriterionResult> criteria) {
  public Score {
    criteria = ImmutableList.copyOf(criteria);
  }
}
