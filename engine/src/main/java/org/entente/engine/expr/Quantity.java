package org.entente.engine.expr;

import static org.entente.engine.expr.ArgKind.ACTOR;
import static org.entente.engine.expr.ArgKind.ORGANISATION;
import static org.entente.engine.expr.ArgKind.PRESENCE;

import java.util.List;

/** A number of the game state that an effect can change (docs/design.md, "Quantity references"). */
public enum Quantity {
  SEC("sec", ACTOR),
  DOM("dom", ACTOR),
  STD("std", ACTOR),
  RF("rf", ACTOR),
  /** Trust of the first actor toward the second. */
  TRUST("trust", ACTOR, ACTOR),
  /** Trust in both directions between two actors. */
  MUTUAL_TRUST("mutual_trust", ACTOR, ACTOR),
  CRED("cred", ORGANISATION),
  COH("coh", ORGANISATION),
  TRACK("track", ArgKind.TRACK),
  GRIEVANCE("grievance", ACTOR),
  PRESENCE_TURNS("presence_turns", PRESENCE),
  PRESENCE_STRENGTH("presence_strength", PRESENCE);

  private final String text;
  final List<ArgKind> args;

  Quantity(String text, ArgKind... args) {
    this.text = text;
    this.args = List.of(args);
  }

  /** The name as written: {@code sec}, {@code mutual_trust}. */
  public String text() {
    return text;
  }

  /** How many ids the reference takes (1 or 2). */
  public int arity() {
    return args.size();
  }

  static Quantity byText(String text) {
    for (Quantity q : values()) {
      if (q.text.equals(text)) {
        return q;
      }
    }
    return null;
  }
}
