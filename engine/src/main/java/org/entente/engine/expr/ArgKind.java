package org.entente.engine.expr;

/** What a function argument must be. */
enum ArgKind {
  ACTOR("actor"),
  ACTOR_OR_ANY("actor or ANY"),
  ORGANISATION("organisation"),
  TRACK("track"),
  PRESENCE("presence"),
  INT("integer"),
  LEVEL("escalation level"),
  PEACE_STEP("peace step");

  final String description;

  ArgKind(String description) {
    this.description = description;
  }
}
