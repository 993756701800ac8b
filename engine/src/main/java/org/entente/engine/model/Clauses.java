package org.entente.engine.model;

/** The clauses of an organisation's treaty or charter that the engine applies. */
public record Clauses(
    String collectiveDefence,
    String consultation,
    String withdrawal,
    int noticeTurns,
    DecisionRule decisionRule,
    int qualifiedMajorityPercent,
    String decision,
    boolean suspension,
    String suspensionClause,
    int reentryWaitTurns,
    String noOtherAlliance,
    boolean external) {

  public boolean hasCollectiveDefence() {
    return !collectiveDefence.isEmpty();
  }

  public boolean hasConsultation() {
    return !consultation.isEmpty();
  }
}
