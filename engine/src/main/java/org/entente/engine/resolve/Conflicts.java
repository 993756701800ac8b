package org.entente.engine.resolve;

import org.entente.engine.model.OrderKind;

/**
 * A country's own contradictory legal orders on one organisation: the more binding act wins
 * (RESCIND_NOTICE > GIVE_NOTICE > FREEZE > WITHHOLD_DUES > RESUME). Withholding dues contradicts
 * only RESUME (which pays the dues again); it sits beside a freeze or a notice.
 */
final class Conflicts {
  private Conflicts() {}

  /** Binding rank of a legal act; 0 for orders that do not conflict this way. */
  static int rank(OrderKind kind) {
    switch (kind) {
      case RESCIND_NOTICE:
        return 5;
      case GIVE_NOTICE:
        return 4;
      case FREEZE:
        return 3;
      case WITHHOLD_DUES:
        return 2;
      case RESUME:
        return 1;
      default:
        return 0;
    }
  }

  /** Whether two ranked acts of one actor on one organisation contradict each other. */
  static boolean contradict(OrderKind a, OrderKind b) {
    if (a == OrderKind.WITHHOLD_DUES || b == OrderKind.WITHHOLD_DUES) {
      return a == OrderKind.RESUME || b == OrderKind.RESUME;
    }
    return rank(a) > 0 && rank(b) > 0;
  }
}
