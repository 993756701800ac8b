package org.entente.engine.expr;

/**
 * Read access to the game state, one method per expression function (docs/design.md,
 * "Expressions"). Ids are passed exactly as written in the scenario; where the design allows it,
 * an actor argument may be {@link #ANY}. Expressions never call these with ids that failed their
 * compile-time check, except through variables, whose values the caller binds.
 */
public interface Facts {
  /** The actor wildcard accepted by {@link #deliveries} and {@link #escalations}. */
  String ANY = "ANY";

  int turn();

  int sec(String actor);

  int dom(String actor);

  int std(String actor);

  int rf(String actor);

  /** Trust of {@code from} toward {@code to}. */
  int trust(String from, String to);

  int cred(String org);

  int coh(String org);

  int track(String track);

  /** The status name: ACTIVE, FROZEN, NOTICE, WITHDRAWN, SUSPENDED, EXPELLED, APPLICANT or NONE. */
  String status(String actor, String org);

  int noticeLeft(String actor, String org);

  boolean duesWithheld(String actor, String org);

  int grievance(String actor);

  /** 0 (PARTNERSHIP_NONE) to 4 (MUTUAL_DEFENCE). */
  int partnership(String a, String b);

  /** {@code presence(P)}: whether the presence is active. */
  boolean presenceActive(String presence);

  int presenceStrength(String presence);

  /** Turns left, 0 meaning no end date. */
  int presenceTurns(String presence);

  int presenceRenewals(String presence);

  int presenceExpansions(String presence);

  /** Completed arms deliveries; either side may be {@link #ANY}. */
  int deliveries(String from, String to);

  int exercises(String a, String b);

  boolean peaceStep(String a, String b, String step);

  boolean peaceSigned(String a, String b);

  int mediated(String mediator);

  boolean signedWith(String a, String b, String mediator);

  /**
   * Escalations by {@code from} against {@code to} of at least {@code minLevel} (INCIDENT=1,
   * INCURSION=2, OFFENSIVE=3) in turns {@code >= sinceTurn}; either side may be {@link #ANY}.
   */
  int escalations(String from, String to, int minLevel, int sinceTurn);

  int territoryLost(String actor);

  int pressure(String from, String to);

  boolean applied(String actor, String org);

  int requests(String actor, String org);
}
