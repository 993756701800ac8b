package org.entente.engine.model;

import java.util.List;

/** A global number such as border tension, with bounds and an optional drift. */
public record Track(
    String id,
    String name,
    int start,
    int min,
    int max,
    int driftPercent,
    int rest,
    String description,
    List<String> sources) {
  public Track {
    sources = List.copyOf(sources);
  }
}
