package org.entente.scenarios;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.entente.engine.model.Actor;
import org.entente.engine.model.Criterion;
import org.entente.engine.model.HistoricalNote;
import org.entente.engine.model.Membership;
import org.entente.engine.model.NoteKind;
import org.entente.engine.model.Objective;
import org.entente.engine.model.Organisation;
import org.entente.engine.model.Presence;
import org.entente.engine.model.Scenario;
import org.entente.engine.model.ScheduledEvent;
import org.entente.engine.model.Track;

/** A readable multi-line summary of a scenario, for {@code scenario show}. */
public final class ScenarioSummary {
  private ScenarioSummary() {}

  /**
   * The summary; the countries' hidden objectives only with {@code hiddenObjectives} (a
   * teacher preparing a class), otherwise just how many there are.
   */
  public static String render(Scenario s, boolean hiddenObjectives) {
    StringBuilder b = new StringBuilder();
    var m = s.metadata();
    b.append(m.title()).append(" [").append(m.id()).append("]\n");
    b.append("Starts ")
        .append(m.startDate())
        .append(", ")
        .append(m.defaultTurns())
        .append(" turns of one ")
        .append(m.turnLength().name().toLowerCase(java.util.Locale.ROOT))
        .append(" (last turn ")
        .append(m.dateOf(m.defaultTurns()))
        .append(")\n");
    b.append("\nActors (SEC DOM STD RF, order points):\n");
    for (Actor a : s.actors()) {
      var q = a.start();
      b.append(
          String.format(
              "  %-6s %-28s %3d %3d %3d %3d  %2d pts  %s%n",
              a.id(),
              a.name(),
              q.sec(),
              q.dom(),
              q.std(),
              q.rf(),
              a.orderPoints(),
              a.playable() ? "playable" : "engine-run"));
    }
    b.append("\nOrganisations:\n");
    for (Organisation o : s.organisations()) {
      var c = o.clauses();
      b.append("  ")
          .append(o.id())
          .append(" ")
          .append(o.name())
          .append(" (cred ")
          .append(o.credibility())
          .append(", coh ")
          .append(o.cohesion())
          .append(", ")
          .append(c.decisionRule())
          .append(c.external() ? ", external" : "")
          .append(")\n");
      List<String> members = new ArrayList<>();
      for (Membership mb : o.members()) {
        members.add(
            mb.actor()
                + " "
                + mb.status()
                + (mb.noticeTurnsLeft() > 0 ? " " + mb.noticeTurnsLeft() : "")
                + (mb.duesWithheld() ? " (dues withheld)" : ""));
      }
      b.append("    members: ")
          .append(members.isEmpty() ? "none" : String.join(", ", members))
          .append('\n');
      clause(b, "collective defence", c.collectiveDefence());
      clause(b, "consultation", c.consultation());
      if (!c.withdrawal().isEmpty()) {
        clause(b, "withdrawal", c.withdrawal() + ", notice " + c.noticeTurns() + " turns");
      }
      clause(b, "decision", c.decision());
      if (c.suspension()) {
        clause(b, "suspension", c.suspensionClause().isEmpty() ? "yes" : c.suspensionClause());
      }
      clause(b, "no other alliance", c.noOtherAlliance());
    }
    if (!s.tracks().isEmpty()) {
      b.append("\nTracks:\n");
      for (Track t : s.tracks()) {
        b.append("  ")
            .append(t.id())
            .append(" ")
            .append(t.name())
            .append(": ")
            .append(t.start())
            .append(" (")
            .append(t.min())
            .append("..")
            .append(t.max())
            .append(")\n");
      }
    }
    if (!s.presences().isEmpty()) {
      b.append("\nPresences:\n");
      for (Presence p : s.presences()) {
        b.append("  ")
            .append(p.id())
            .append(" ")
            .append(p.name())
            .append(": ")
            .append(p.owner())
            .append(" in ")
            .append(p.host())
            .append(", strength ")
            .append(p.strength())
            .append(p.active() ? "" : " (not active)")
            .append(p.turnsLeft() > 0 ? ", " + p.turnsLeft() + " turns left" : "")
            .append('\n');
      }
    }
    events(b, s);
    objectives(b, s, hiddenObjectives);
    notes(b, s);
    return b.toString();
  }

  private static void clause(StringBuilder b, String name, String text) {
    if (!text.isEmpty()) {
      b.append("    ").append(name).append(": ").append(text).append('\n');
    }
  }

  private static void events(StringBuilder b, Scenario s) {
    if (s.events().isEmpty()) {
      return;
    }
    b.append("\nEvents:\n");
    Map<Integer, List<ScheduledEvent>> byTurn = new TreeMap<>();
    s.events().forEach(e -> byTurn.computeIfAbsent(e.turn(), k -> new ArrayList<>()).add(e));
    byTurn.forEach(
        (turn, list) ->
            list.forEach(
                e ->
                    b.append(
                        String.format(
                            "  T%-3d %s%s%n",
                            turn,
                            e.title(),
                            e.when() == null ? "" : " (if " + e.when().source() + ")"))));
  }

  private static void objectives(StringBuilder b, Scenario s, boolean hiddenObjectives) {
    if (s.objectives().isEmpty()) {
      return;
    }
    if (!hiddenObjectives) {
      b.append("\nObjectives: ")
          .append(s.objectives().size())
          .append(" hidden (--objectives shows them)\n");
      return;
    }
    b.append("\nObjectives:\n");
    for (Objective o : s.objectives()) {
      b.append("  ").append(o.actor()).append(": ").append(o.summary()).append('\n');
      for (Criterion c : o.criteria()) {
        b.append(String.format("    %3d  %s: %s%n", c.points(), c.id(), c.description()));
      }
    }
  }

  private static void notes(StringBuilder b, Scenario s) {
    Map<NoteKind, Integer> counts = new TreeMap<>();
    for (HistoricalNote n : s.notes()) {
      counts.merge(n.kind(), 1, Integer::sum);
    }
    b.append("\nNotes: ").append(s.notes().size());
    if (!counts.isEmpty()) {
      List<String> parts = new ArrayList<>();
      counts.forEach((k, v) -> parts.add(v + " " + k.name().toLowerCase(java.util.Locale.ROOT)));
      b.append(" (").append(String.join(", ", parts)).append(')');
    }
    b.append('\n');
  }
}
