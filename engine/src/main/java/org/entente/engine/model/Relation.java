package org.entente.engine.model;

import java.util.List;

/** Starting trust of one actor toward another. */
public record Relation(String from, String to, int trust, List<String> sources) {
  public Relation {
    sources = List.copyOf(sources);
  }
}
