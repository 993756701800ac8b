package org.entente.engine.resolve;

import org.entente.engine.model.OrderKind;

/**
 * A country's own contradictory legal orders on one organisation: the more binding act wins
 * (RESCIND_NOTICE > GIVE_NOTICE > FREEZE > RESUME). Withholding dues contradicts none of them.
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
      case RESUME:
        return 1;
      default:
        return 0;
    }
  }
}
