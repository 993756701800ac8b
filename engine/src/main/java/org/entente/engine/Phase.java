package org.entente.engine;

/**
 * The fixed phases of one turn's resolution, in order (docs/design.md, "Phases"). Every report
 * line names the phase that wrote it; players see it as {@link #label()}, "P0" to "P10".
 */
public enum Phase {
  /** Scheduled events, drift, presence upkeep, frozen members' cost, grievances; engine-run orders. */
  UPKEEP(0),
  /** Orders sorted canonically and checked again against the state after upkeep. */
  SEAL(1),
  /** Statements and announcements revealed. */
  STATEMENTS(2),
  /** Legal orders in priority (rescind, notice, freeze/resume, dues, apply); proposals registered. */
  LEGAL(3),
  /** Military and presence orders, simultaneously; economic pressure. */
  MILITARY(4),
  /** Requests for assistance open obligations; consultations. */
  OBLIGATIONS(5),
  /** The organisation session: answers, requests closing, proposals decided. */
  SESSION(6),
  /** Bilateral offers matched; lobbying decided. */
  BILATERAL(7),
  /** The turn's collected effects applied, then clamped. */
  EFFECTS(8),
  /** Notices, deliveries, presences, partnerships and waiting periods tick; end-of-turn events. */
  TIMERS(9),
  /** Objectives scored; reports written. */
  SCORES(10);

  private final int number;

  Phase(int number) {
    this.number = number;
  }

  /** The phase's number, 0 to 10. */
  public int number() {
    return number;
  }

  /** The phase as reports and docs print it: "P" and its number. */
  public String label() {
    return "P" + number;
  }
}
