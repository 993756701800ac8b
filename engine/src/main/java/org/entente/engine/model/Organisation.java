package org.entente.engine.model;

import java.util.List;

/** An alliance or institution. */
public record Organisation(
    String id,
    String name,
    String headquarters,
    String founded,
    int credibility,
    int cohesion,
    List<Membership> members,
    Clauses clauses,
    List<String> sources,
    String description) {
  public Organisation {
    members = List.copyOf(members);
    sources = List.copyOf(sources);
  }
}
