package org.entente.engine.model;

import java.util.List;

/** An actor's hidden objective: criteria whose points add up to 100. */
public record Objective(String actor, String summary, List<Criterion> criteria) {
  public Objective {
    criteria = List.copyOf(criteria);
  }
}
