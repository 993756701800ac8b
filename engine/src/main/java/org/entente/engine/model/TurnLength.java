package org.entente.engine.model;

import java.time.LocalDate;

/** Calendar length of one turn. */
public enum TurnLength {
  DAY,
  WEEK,
  MONTH,
  QUARTER,
  YEAR;

  /**
   * The date turn {@code turn} ends on, for a game starting on {@code start}: turn 0 is the start
   * date; a later turn ends on the last day of the period it covers (a monthly turn 5 from 13 June
   * 2024 covers November 2024 and ends on 30 November), so anything dated within that period
   * belongs to that turn, and anything dated after it to a later one.
   */
  public LocalDate dateOf(LocalDate start, int turn) {
    if (turn <= 0) {
      return start;
    }
    switch (this) {
      case DAY:
        return start.plusDays(turn);
      case WEEK:
        return start.plusWeeks(turn);
      case MONTH:
        return endOfMonth(start.plusMonths(turn));
      case QUARTER:
        return endOfMonth(start.plusMonths(3L * turn));
      case YEAR:
        return start.plusYears(turn);
      default:
        throw new AssertionError(this);
    }
  }

  /** The first day turn {@code turn} (at least 1) covers: the day after the previous turn ends. */
  public LocalDate firstDayOf(LocalDate start, int turn) {
    return dateOf(start, turn - 1).plusDays(1);
  }

  private static LocalDate endOfMonth(LocalDate d) {
    return d.withDayOfMonth(d.lengthOfMonth());
  }
}
