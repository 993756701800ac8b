package org.entente.engine.model;

import java.util.List;

/** A dated note for the briefing, timeline and debrief. */
public record HistoricalNote(String date, NoteKind kind, String text, List<String> sources) {
  public HistoricalNote {
    sources = List.copyOf(sources);
  }
}
