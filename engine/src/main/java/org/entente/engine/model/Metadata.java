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

  /** The calendar date of a turn. */
  public LocalDate dateOf(int turn) {
    return turnLength.dateOf(startDate, turn);
  }
}
