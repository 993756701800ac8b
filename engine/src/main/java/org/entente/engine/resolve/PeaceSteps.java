package org.entente.engine.resolve;

import org.entente.engine.order.OrderSyntax;

/** Peace steps as bits of a per-pair set. */
public final class PeaceSteps {
  private PeaceSteps() {}

  /** The bit of a step name, or 0 if it is not a step. */
  public static int bit(String step) {
    int i = OrderSyntax.STEPS.asList().indexOf(step);
    return i < 0 ? 0 : 1 << i;
  }
}
