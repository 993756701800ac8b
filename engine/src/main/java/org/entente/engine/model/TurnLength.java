package org.entente.engine.model;

import java.time.LocalDate;

/** Calendar length of one turn. */
public enum TurnLength {
  DAY,
  WEEK,
  MONTH,
  QUARTER,
  YEAR;

  /** The calendar date of turn {@code turn} for a game starting on {@code start}. */
  public LocalDate dateOf(LocalDate start, int turn) {
    switch (this) {
      case DAY:
        return start.plusDays(turn);
      case WEEK:
        return start.plusWeeks(turn);
      case MONTH:
        return start.plusMonths(turn);
      case QUARTER:
        return start.plusMonths(3L * turn);
      case YEAR:
        return start.plusYears(turn);
      default:
        throw new AssertionError(this);
    }
  }
}
