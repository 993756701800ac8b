package org.entente.engine.resolve;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.entente.engine.state.GameState;
import org.entente.engine.expr.Quantity;

/**
 * The turn's effects, collected as deltas with their causes during phases P2 to P7 and applied
 * together in P8: security first, then trust, credibility and cohesion, domestic support,
 * standing, then the rest; each quantity is clamped once, after all its deltas.
 */
final class Ledger {
  record Delta(Quantity quantity, String x, String y, int delta, String cause) {}

  private static final List<Quantity> ORDER =
      List.of(
          Quantity.SEC,
          Quantity.TRUST,
          Quantity.CRED,
          Quantity.COH,
          Quantity.DOM,
          Quantity.STD,
          Quantity.RF,
          Quantity.TRACK,
          Quantity.GRIEVANCE,
          Quantity.PRESENCE_TURNS,
          Quantity.PRESENCE_STRENGTH);

  private final List<Delta> deltas = new ArrayList<>();

  void add(Quantity q, String x, String y, int delta, String cause) {
    if (delta != 0) {
      deltas.add(new Delta(q, x, y, delta, cause));
    }
  }

  boolean isEmpty() {
    return deltas.isEmpty();
  }

  /** A change applied: the key, the value before and after, and the causes. */
  record Change(Quantity quantity, String x, String y, int before, int after, List<String> causes) {}

  /** Applies every delta to the builder in P8 order and returns the changes, in that order. */
  List<Change> apply(GameState.Builder b) {
    Map<List<Object>, List<Delta>> byKey = new LinkedHashMap<>();
    for (Quantity q : ORDER) {
      for (Delta d : deltas) {
        if (d.quantity() == q) {
          byKey.computeIfAbsent(List.of(q, d.x(), d.y()), k -> new ArrayList<>()).add(d);
        }
      }
    }
    List<Change> changes = new ArrayList<>();
    for (List<Delta> group : byKey.values()) {
      Delta first = group.get(0);
      int before = b.get(first.quantity(), first.x(), first.y());
      int sum = 0;
      List<String> causes = new ArrayList<>();
      for (Delta d : group) {
        sum += d.delta();
        causes.add((d.delta() > 0 ? "+" : "") + d.delta() + " " + d.cause());
      }
      b.set(first.quantity(), first.x(), first.y(), before + sum);
      int after = b.get(first.quantity(), first.x(), first.y());
      changes.add(new Change(first.quantity(), first.x(), first.y(), before, after, causes));
    }
    deltas.clear();
    return changes;
  }
}
