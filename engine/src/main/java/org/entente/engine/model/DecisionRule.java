package org.entente.engine.model;

/** How an organisation's proposals pass. */
public enum DecisionRule {
  /** Passes unless a voting member objects. */
  CONSENSUS,
  /** Passes when more voting members support than object. */
  MAJORITY,
  /** Passes when the supporting share of voting members reaches a threshold. */
  QUALIFIED_MAJORITY
}
