package org.entente.engine.resolve;

import org.entente.engine.state.EscalationRecord;
import org.entente.engine.state.GameState;

/** Questions about escalations that happened. */
final class Escalations {
  private Escalations() {}

  /** Level number of an escalation word: INCIDENT 1, INCURSION 2, OFFENSIVE 3. */
  static int level(String word) {
    switch (word) {
      case "INCIDENT":
        return 1;
      case "INCURSION":
        return 2;
      case "OFFENSIVE":
        return 3;
      default:
        return 0;
    }
  }

  /**
   * Whether {@code aggressor} made an incursion or offensive against {@code victim} in turn
   * {@code turn} or the turn before, which opens the victim's collective-defence right.
   */
  static boolean victimRecently(GameState state, String victim, String aggressor, int turn) {
    return victimRecently(state.escalations(), victim, aggressor, turn);
  }

  static boolean victimRecently(
      java.util.List<EscalationRecord> records, String victim, String aggressor, int turn) {
    for (EscalationRecord r : records) {
      if (r.defender().equals(victim)
          && r.attacker().equals(aggressor)
          && r.level() >= 2
          && r.turn() >= turn - 1
          && r.turn() <= turn) {
        return true;
      }
    }
    return false;
  }
}
