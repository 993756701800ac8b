package org.entente.engine.resolve;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.entente.engine.expr.Quantity;
import org.entente.engine.state.StateBuilder;

/**
 * The turn's effects, collected as deltas with their causes during phases P2 to P7 and applied
 * together in P8: security first, then trust, credibility and cohesion, domestic support,
 * standing, then the rest; each quantity is clamped once, after all its deltas.
 */
final class Ledger {
  /**
   * One change with its cause. The cause is kept as parts and joined only when a report needs
   * it: most turns write many deltas and the game master reads each quantity's total.
   */
  record Delta(Quantity quantity, String x, String y, int delta, Object cause) {}

  /**
   * An order's effect as a cause, read by the country it touches: "Azerbaijan's economic
   * pressure", with the rule the order rests on. Joined lazily.
   */
  record Cause(String possessive, String label, String citation) {
    @Override
    public String toString() {
      return possessive + " " + label;
    }
  }

  /** Any other cause: a sentence fragment ("Russia stayed silent") and the rule it applies. */
  record Why(String text, String citation) {
    @Override
    public String toString() {
      return text;
    }
  }

  /** The rule a cause rests on, or "". */
  static String citationOf(Object cause) {
    if (cause instanceof Cause c) {
      return c.citation();
    }
    if (cause instanceof Why w) {
      return w.citation();
    }
    return "";
  }

  private record Key(Quantity quantity, String x, String y) {}

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

  void add(Quantity q, String x, String y, int delta, Object cause) {
    if (delta != 0) {
      deltas.add(new Delta(q, x, y, delta, cause));
    }
  }

  boolean isEmpty() {
    return deltas.isEmpty();
  }

  /** A change applied: the key, the value before and after, and the causes. */
  record Change(Quantity quantity, String x, String y, int before, int after, List<Delta> causes) {
    /** "+5 Armenia's joint exercise; -3 ...". */
    String explain() {
      StringBuilder sb = new StringBuilder();
      for (Delta d : causes) {
        if (sb.length() > 0) {
          sb.append("; ");
        }
        sb.append(d.delta() > 0 ? "+" : "").append(d.delta()).append(' ').append(d.cause());
      }
      return sb.toString();
    }
  }

  private static final int[] RANK = new int[Quantity.values().length];

  static {
    for (int i = 0; i < ORDER.size(); i++) {
      RANK[ORDER.get(i).ordinal()] = i;
    }
  }

  /** Applies every delta to the builder in P8 order and returns the changes, in that order. */
  List<Change> apply(StateBuilder b) {
    // A stable sort keeps each quantity's deltas in the order they were made.
    deltas.sort(java.util.Comparator.comparingInt(d -> RANK[d.quantity().ordinal()]));
    Map<Key, List<Delta>> byKey = new LinkedHashMap<>();
    for (Delta d : deltas) {
      byKey.computeIfAbsent(new Key(d.quantity(), d.x(), d.y()), k -> new ArrayList<>(2)).add(d);
    }
    List<Change> changes = new ArrayList<>();
    for (List<Delta> group : byKey.values()) {
      Delta first = group.get(0);
      int before = b.get(first.quantity(), first.x(), first.y());
      int sum = 0;
      for (Delta d : group) {
        sum += d.delta();
      }
      b.set(first.quantity(), first.x(), first.y(), before + sum);
      int after = b.get(first.quantity(), first.x(), first.y());
      changes.add(new Change(first.quantity(), first.x(), first.y(), before, after, group));
    }
    deltas.clear();
    return changes;
  }
}
