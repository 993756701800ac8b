package org.entente.server.rules;

import com.google.common.collect.ImmutableList;

/** A game-master inject: news text plus optional effects on the game state. */
public record InjectedEvent(
    String title, String text, String actor, ImmutableList<Effect> effects) {

  /** One change to one quantity, as in a scenario event: {@code trust(RUS, self)} += delta. */
  public record Effect(String target, int delta) {}
}
