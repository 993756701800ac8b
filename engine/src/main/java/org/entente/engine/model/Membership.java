package org.entente.engine.model;

import java.util.List;

/** A member of an organisation at the start of the game. */
public record Membership(
    String actor,
    MemberStatus status,
    int noticeTurnsLeft,
    boolean duesWithheld,
    int grievanceTurns,
    List<String> sources) {
  public Membership {
    sources = List.copyOf(sources);
  }
}
