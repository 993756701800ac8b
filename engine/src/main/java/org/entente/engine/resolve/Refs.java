package org.entente.engine.resolve;

import org.entente.engine.expr.Bindings;
import org.entente.engine.expr.ResolvedRef;
import org.entente.engine.model.Effect;

/** Turns an effect into ledger deltas: resolves its variables; mutual trust becomes two deltas. */
final class Refs {
  private Refs() {}

  static void queue(Ledger ledger, Effect e, Bindings bindings, Object cause) {
    for (ResolvedRef r : e.target().resolve(bindings).expand()) {
      String second = r.ids().size() > 1 ? r.second() : "";
      ledger.add(r.kind(), r.first(), second, e.delta(), cause);
    }
  }
}
