package org.entente.engine.resolve;

import java.util.LinkedHashSet;
import java.util.Set;
import org.entente.engine.expr.Quantity;
import org.entente.engine.model.Presence;
import org.entente.engine.model.Track;
import org.entente.engine.report.Visibility;

/**
 * The report line of one changed number: who may read it, the sentence with its causes, and the
 * rules those causes rest on (docs/rules.md, "What your report shows").
 *
 * <p>A country's own numbers (security, domestic support, standing, force, grievance) and its
 * trust toward others are its own business: the line goes to that country (and the game
 * master). Organisations' credibility and cohesion, the global tracks and the presences'
 * timers are public numbers: everyone reads their lines.
 */
final class ChangeLines {
  private ChangeLines() {}

  static Visibility visibility(Quantity quantity, String owner) {
    switch (quantity) {
      case SEC:
      case DOM:
      case STD:
      case RF:
      case GRIEVANCE:
      case TRUST:
        return Visibility.actors(owner);
      default:
        return Visibility.PUBLIC;
    }
  }

  /** "Armenia's domestic support (DOM): 40 → 36 (-4 Azerbaijan's economic pressure)." */
  static String describe(Turn t, Ledger.Change c) {
    return quantity(t, c.quantity(), c.x(), c.y())
        + ": "
        + c.before()
        + " → "
        + c.after()
        + " ("
        + c.explain()
        + ").";
  }

  /** The distinct rules behind the change's causes, in the order they were first cited. */
  static String citation(Ledger.Change c) {
    Set<String> rules = new LinkedHashSet<>();
    for (Ledger.Delta d : c.causes()) {
      String rule = Ledger.citationOf(d.cause());
      if (!rule.isEmpty()) {
        rules.add(rule);
      }
    }
    return String.join("; ", rules);
  }

  /** A number in words: "Armenia's security (SEC)", "Armenia's trust toward the United States". */
  static String quantity(Turn t, Quantity q, String x, String y) {
    switch (q) {
      case SEC:
        return t.possessive(x) + " security (SEC)";
      case DOM:
        return t.possessive(x) + " domestic support (DOM)";
      case STD:
        return t.possessive(x) + " standing (STD)";
      case RF:
        return t.possessive(x) + " regional force (RF)";
      case GRIEVANCE:
        return t.possessive(x) + " grievance (turns left)";
      case TRUST:
        return t.possessive(x) + " trust toward " + t.name(y);
      case MUTUAL_TRUST:
        return "trust between " + t.name(x) + " and " + t.name(y);
      case CRED:
        return "the " + x + "'s credibility (CRED)";
      case COH:
        return "the " + x + "'s cohesion (COH)";
      case TRACK:
        for (Track track : t.scenario.tracks()) {
          if (track.id().equals(x)) {
            return track.name() + " (" + x + ")";
          }
        }
        return x;
      case PRESENCE_TURNS:
        return t.scenario.presence(x).map(Presence::name).orElse(x) + ": turns left";
      case PRESENCE_STRENGTH:
        return t.scenario.presence(x).map(Presence::name).orElse(x) + ": strength";
      default:
        throw new AssertionError(q);
    }
  }
}
