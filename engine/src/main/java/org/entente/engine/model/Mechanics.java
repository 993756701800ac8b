package org.entente.engine.model;

/**
 * Numbers the engine's fixed mechanics use (docs/rules.md: The quantities, Membership, Obligations
 * and silence).
 */
public record Mechanics(
    int trustDriftPercent,
    int answerWindowTurns,
    int trustMilitary,
    int trustMonitors,
    int trustDiplomatic,
    int trustDecline,
    int trustSilence,
    int stdSilence,
    int credMilitary,
    int credMonitorsOnly,
    int credNothing,
    int credNothingRepeat,
    int repeatWindowTurns,
    int cohPerRefusal,
    int grievanceTurns,
    int frozenCredPerTurn,
    int frozenCohPerTurn,
    int noticeMinDom,
    int assistanceTurns,
    String tensionTrack,
    String peaceTrack,
    int grievanceFromAttack) {

  /** Trust change of a requester toward a member that answered so. */
  public int trustFor(Answer answer) {
    switch (answer) {
      case MILITARY:
        return trustMilitary;
      case MONITORS:
        return trustMonitors;
      case DIPLOMATIC:
        return trustDiplomatic;
      case DECLINE:
        return trustDecline;
      case SILENCE:
        return trustSilence;
      default:
        throw new AssertionError(answer);
    }
  }
}
