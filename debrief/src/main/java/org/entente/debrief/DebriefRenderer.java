package org.entente.debrief;

import static org.entente.debrief.Html.md;

import java.util.List;
import java.util.stream.Collectors;
import org.entente.engine.CriterionResult;
import org.entente.engine.Score;
import org.entente.engine.model.HistoricalNote;
import org.entente.engine.model.NoteKind;
import org.entente.engine.model.Objective;
import org.entente.engine.model.ScheduledEvent;
import org.entente.engine.order.Order;
import org.entente.engine.report.ReportLine;

/**
 * Renders a {@link GameRecord} as the debrief a class discusses: a Markdown report and one
 * self-contained HTML page (inline CSS and SVG; no scripts, no external resources; every
 * piece of text from players, the game master or the scenario is escaped). Pure: the same
 * record always gives the same text.
 */
public final class DebriefRenderer {
  private DebriefRenderer() {}

  static final String HOW_TO_READ_ORDERS =
      "Each turn lists the orders every country sealed (bots included), then every outcome as the game master"
          + " saw it, with the rule or clause it applied in brackets and who could see it. Messages appear only"
          + " when the game master included them (by default public statements and announcements).";

  /** The Markdown report. */
  public static String markdown(GameRecord record) {
    DebriefFacts f = new DebriefFacts(record);
    StringBuilder b = new StringBuilder();
    var meta = record.scenario().metadata();
    b.append("# Debrief: ").append(md(meta.title())).append("\n\n");
    b.append(md(status(record, f))).append("\n\n");
    b.append("This game: ").append(md(f.length())).append("\n\n");
    b.append("The scenario as written: ").append(md(meta.summary())).append("\n\n");
    b.append("## Who played\n\n");
    if (record.roster().isEmpty()) {
      b.append("No seats were recorded for this game.\n\n");
    } else {
      b.append("| seat | player | country | played by |\n|---|---|---|---|\n");
      for (GameRecord.Seat seat : record.roster()) {
        b.append("| ")
            .append(md(seat.seat()))
            .append(" | ")
            .append(seat.bot() ? "bot" : md(seat.name()))
            .append(" | ")
            .append(
                seat.country().isEmpty()
                    ? "game master"
                    : md(f.name(seat.country()) + " (" + seat.country() + ")"))
            .append(" | ")
            .append(seat.playedBy())
            .append(" |\n");
      }
      b.append('\n');
    }
    b.append("## ")
        .append(md(f.scoresHeading()))
        .append("\n\n| country | score /100 |\n|---|---:|\n");
    for (Score s : record.finalScores()) {
      b.append("| ").append(md(f.name(s.actor()))).append(" | ").append(s.points()).append(" |\n");
    }
    b.append("\n## Quantities over time\n\n");
    for (DebriefFacts.Chart c : f.charts()) {
      b.append(table(f, c.title(), c.series()));
    }
    b.append("## Membership\n\n");
    for (var org : record.scenario().organisations()) {
      b.append("### ").append(md(org.name())).append("\n\n| member |");
      for (int t = 0; t <= f.turns(); t++) {
        b.append(" T").append(t).append(" |");
      }
      b.append("\n|---|").append("---|".repeat(f.turns() + 1)).append('\n');
      for (Svg.Band row : f.membership(org)) {
        b.append("| ")
            .append(md(row.name()))
            .append(" | ")
            .append(
                String.join(
                    " | ", row.statuses().stream().map(st -> st.equals("NONE") ? "" : st).toList()))
            .append(" |\n");
      }
      b.append('\n');
    }
    b.append("## Promises and actions\n\n");
    PromiseLedger.RULES.forEach(r -> b.append("- ").append(md(r)).append('\n'));
    b.append(
        "\n| country | turn | said or agreed | toward | what it did | verdict |\n|---|---|---|---|---|---|\n");
    for (PromiseLedger.Entry e : PromiseLedger.of(record)) {
      b.append("| ")
          .append(md(e.actor()))
          .append(" | T")
          .append(e.turn())
          .append(" | ")
          .append(md(e.promise()))
          .append(" | ")
          .append(md(e.toward()))
          .append(" | ")
          .append(md(actions(e)))
          .append(" | ")
          .append(md(e.verdict()))
          .append(" |\n");
    }
    b.append("\n## Timeline\n\n").append(md(HOW_TO_READ_ORDERS)).append("\n\n");
    List<GameRecord.Message> before = messagesOf(record, 0);
    if (!before.isEmpty()) {
      b.append("### ").append(BEFORE_THE_FIRST_TURN).append("\n\n");
      before.forEach(m -> quote(b, f, m));
      b.append('\n');
    }
    for (GameRecord.Turn turn : record.turns()) {
      b.append("### T")
          .append(turn.number())
          .append(" (")
          .append(f.date(turn.number()))
          .append(")\n\n");
      for (ScheduledEvent e : f.injects(turn.number())) {
        b.append("**News from the game master:** ")
            .append(md(e.title()))
            .append(". ")
            .append(md(e.text()))
            .append(" (effects: ")
            .append(md(DebriefFacts.effects(e)))
            .append(")\n\n");
      }
      messagesOf(record, turn.number()).forEach(m -> quote(b, f, m));
      b.append("\n**Orders**\n\n");
      turn.orders()
          .forEach(
              (actor, orders) ->
                  b.append("- ")
                      .append(md(actor))
                      .append(": ")
                      .append(
                          orders.isEmpty()
                              ? "(none)"
                              : md(
                                  orders.stream()
                                      .map(Order::toText)
                                      .collect(Collectors.joining("; "))))
                      .append('\n'));
      List<ReportLine> start = DebriefFacts.startOfTurn(turn);
      if (!start.isEmpty()) {
        b.append("\n**Start of turn**\n\n");
        for (ReportLine l : start) {
          b.append("- ")
              .append(md(l.render()))
              .append(" _(")
              .append(md(DebriefFacts.audience(l)))
              .append(")_\n");
        }
      }
      b.append("\n**Outcomes**\n\n");
      for (ReportLine l : DebriefFacts.outcomes(turn)) {
        b.append("- ")
            .append(md(l.render()))
            .append(" _(")
            .append(md(DebriefFacts.audience(l)))
            .append(")_\n");
      }
      b.append('\n');
    }
    b.append("## Objectives\n\n");
    for (Score s : record.finalScores()) {
      b.append("### ")
          .append(md(f.name(s.actor())))
          .append(": ")
          .append(s.points())
          .append("/100\n\n");
      record
          .scenario()
          .objectiveOf(s.actor())
          .map(Objective::summary)
          .ifPresent(sum -> b.append(md(sum)).append("\n\n"));
      for (CriterionResult c : s.criteria()) {
        b.append("- [")
            .append(c.met() ? "x" : " ")
            .append("] ")
            .append(md(c.description()))
            .append(" (")
            .append(c.points())
            .append(" pts)\n");
      }
      b.append('\n');
    }
    b.append("## What really happened next\n\n");
    notes(b, f, NoteKind.AFTERWARDS);
    b.append("## Where the source and the record differ\n\n");
    notes(b, f, NoteKind.CORRECTION);
    return b.toString();
  }

  private static void notes(StringBuilder b, DebriefFacts f, NoteKind kind) {
    List<HistoricalNote> notes = f.notes(kind);
    if (notes.isEmpty()) {
      b.append("(none in this scenario)\n\n");
    }
    for (HistoricalNote n : notes) {
      b.append("- **").append(md(n.date())).append("** ").append(md(n.text()));
      if (!n.sources().isEmpty()) {
        b.append(" (source: ").append(md(f.sources(n.sources()))).append(")");
      }
      b.append('\n');
    }
    b.append('\n');
  }

  private static String table(DebriefFacts f, String title, List<Svg.Series> series) {
    StringBuilder b = new StringBuilder("**").append(md(title)).append("**\n\n| |");
    for (int t = 0; t <= f.turns(); t++) {
      b.append(" T").append(t).append(" |");
    }
    b.append("\n|---|").append("---:|".repeat(f.turns() + 1)).append('\n');
    for (Svg.Series s : series) {
      b.append("| ").append(md(s.name())).append(" |");
      for (int v : s.values()) {
        b.append(' ').append(v).append(" |");
      }
      b.append('\n');
    }
    return b.append('\n').toString();
  }

  static String status(GameRecord record, DebriefFacts f) {
    int n = record.turns().size();
    String span =
        n == 0
            ? "No turn has been resolved yet."
            : "T0 (" + f.date(0) + ") to T" + n + " (" + f.date(n) + ").";
    return (record.finished()
            ? "Finished game, "
            : "Game in progress (" + n + " of " + record.plannedTurns() + " turns), ")
        + span;
  }

  /** The heading of the messages sent in the lobby, before the game started. */
  static final String BEFORE_THE_FIRST_TURN = "Before the first turn";

  private static void quote(StringBuilder b, DebriefFacts f, GameRecord.Message m) {
    b.append("> ").append(md(speaker(f, m))).append(": ").append(md(m.text())).append("\n>\n");
  }

  static List<GameRecord.Message> messagesOf(GameRecord record, int turn) {
    return record.messages().stream().filter(m -> m.included() && m.turn() == turn).toList();
  }

  static String speaker(DebriefFacts f, GameRecord.Message m) {
    String who = m.from().isEmpty() ? "Game master" : f.name(m.from());
    String name = m.fromName().isEmpty() ? "" : " (" + m.fromName() + ")";
    switch (m.channel()) {
      case PRIVATE:
        return who + name + " to " + f.name(m.to()) + ", privately";
      case TEAM:
        return who + name + ", to its team";
      case ANNOUNCEMENT:
        return "Announcement by " + who + name;
      default:
        return who + name + ", publicly";
    }
  }

  static String actions(PromiseLedger.Entry e) {
    if (e.later().isEmpty()) {
      return "nothing toward " + e.toward();
    }
    // Hostile and formal acts in full; cooperative and other acts counted, the first two shown.
    List<String> parts = new java.util.ArrayList<>();
    e.later().stream()
        .filter(
            a ->
                a.stance() == PromiseLedger.Stance.HOSTILE
                    || a.stance() == PromiseLedger.Stance.FORMAL)
        .forEach(
            a ->
                parts.add(
                    "T"
                        + a.turn()
                        + " "
                        + a.order().toText()
                        + (a.stance() == PromiseLedger.Stance.HOSTILE ? " (hostile)" : "")));
    List<PromiseLedger.Action> rest =
        e.later().stream()
            .filter(
                a ->
                    a.stance() == PromiseLedger.Stance.COOPERATIVE
                        || a.stance() == PromiseLedger.Stance.OTHER)
            .toList();
    long cooperative =
        rest.stream().filter(a -> a.stance() == PromiseLedger.Stance.COOPERATIVE).count();
    if (!rest.isEmpty()) {
      String firstTwo =
          rest.stream()
              .limit(2)
              .map(a -> "T" + a.turn() + " " + a.order().toText())
              .collect(Collectors.joining(", "));
      parts.add(
          cooperative
              + " cooperative"
              + (rest.size() > cooperative ? " and " + (rest.size() - cooperative) + " other" : "")
              + " act(s): "
              + firstTwo
              + (rest.size() > 2 ? ", \u2026" : ""));
    }
    return String.join("; ", parts);
  }

  /** The self-contained HTML page. */
  public static String html(GameRecord record) {
    return HtmlDebrief.render(record);
  }
}
