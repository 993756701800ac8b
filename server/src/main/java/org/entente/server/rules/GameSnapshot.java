package org.entente.server.rules;

import com.google.common.collect.ImmutableList;

/**
 * Everything about the current game state that some viewer may see, taken from the rules.
 * Who sees which part is decided by {@code Views}, not here.
 */
public record GameSnapshot(
    int turn,
    String date,
    ImmutableList<CountryQuantities> countries,
    ImmutableList<Trust> trust,
    ImmutableList<OrganisationState> organisations,
    ImmutableList<TrackValue> tracks,
    ImmutableList<Obligation> obligations,
    ImmutableList<ObjectiveScore> objectives) {

  /** A country's hidden objective, scored on the current state. */
  public record ObjectiveScore(
      String country, String summary, int points, ImmutableList<Criterion> criteria) {}

  public record Criterion(String description, int points, boolean met) {}

  public record CountryQuantities(
      String country, int sec, int dom, int std, int rf, int grievance) {}

  public record Trust(String from, String to, int value) {}

  public record OrganisationState(
      String id, String name, int credibility, int cohesion, ImmutableList<Member> members) {}

  public record Member(String actor, String status, int noticeTurnsLeft) {}

  public record TrackValue(String id, String name, int value) {}

  /** An answer {@code debtor} owes, as a sentence. */
  public record Obligation(String debtor, String text) {}

  public static GameSnapshot empty(int turn) {
    return new GameSnapshot(
        turn,
        "",
        ImmutableList.of(),
        ImmutableList.of(),
        ImmutableList.of(),
        ImmutableList.of(),
        ImmutableList.of(),
        ImmutableList.of());
  }
}
