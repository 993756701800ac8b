package org.entente.engine.model;

/** The partnership ladder; each step needs the previous one (docs/rules.md, Bilateral orders). */
public enum PartnershipLevel {
  PARTNERSHIP_NONE,
  DIALOGUE,
  STRATEGIC_PARTNERSHIP,
  DEFENCE_COOPERATION,
  MUTUAL_DEFENCE;

  /** The level a proposal may raise this one to, or empty at the top. */
  public java.util.Optional<PartnershipLevel> next() {
    int i = ordinal() + 1;
    return i < values().length ? java.util.Optional.of(values()[i]) : java.util.Optional.empty();
  }
}
