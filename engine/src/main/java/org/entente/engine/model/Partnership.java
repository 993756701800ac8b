package org.entente.engine.model;

import java.util.List;

/** A starting partnership between two actors. */
public record Partnership(
    String a, String b, PartnershipLevel level, int turnsAtLevel, List<String> sources) {
  public Partnership {
    sources = List.copyOf(sources);
  }
}
