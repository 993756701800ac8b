package org.entente.engine.model;

import java.time.LocalDate;
import java.util.List;

/** Title, calendar and briefing of a scenario. */
public record Metadata(
    String id,
    String title,
    String summary,
    LocalDate startDate,
    TurnLength turnLength,
    int defaultTurns,
    String briefing,
    List<Source> sources,
    String author,
    Press defaultPress) {
  public Metadata {
    sources = List.copyOf(sources);
  }

  /** The date a turn ends on (turn 0: the start date); see {@link TurnLength#dateOf}. */
  public LocalDate dateOf(int turn) {
    return turnLength.dateOf(startDate, turn);
  }

  /** The first day turn {@code turn} (at least 1) covers. */
  public LocalDate firstDayOf(int turn) {
    return turnLength.firstDayOf(startDate, turn);
  }
}
