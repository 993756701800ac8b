package org.entente.engine.model;

import java.util.List;

/** A foreign presence (base, border guards, monitoring mission) on a host's territory. */
public record Presence(
    String id,
    String name,
    String owner,
    String host,
    int strength,
    int turnsLeft,
    boolean active,
    List<Effect> upkeep,
    int defence,
    String description,
    List<String> sources) {
  public Presence {
    upkeep = List.copyOf(upkeep);
    sources = List.copyOf(sources);
  }
}
