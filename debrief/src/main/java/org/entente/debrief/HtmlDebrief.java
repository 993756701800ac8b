package org.entente.debrief;

import static org.entente.debrief.Html.esc;

import java.util.List;
import org.entente.engine.CriterionResult;
import org.entente.engine.Score;
import org.entente.engine.model.HistoricalNote;
import org.entente.engine.model.NoteKind;
import org.entente.engine.model.Objective;
import org.entente.engine.model.Organisation;
import org.entente.engine.model.ScheduledEvent;
import org.entente.engine.order.Order;
import org.entente.engine.report.ReportLine;

/** The HTML rendering of a debrief: one page, inline CSS and SVG, nothing fetched. */
final class HtmlDebrief {
  private HtmlDebrief() {}

  /** Text colours measure at least 4.5:1 against white (HtmlDebriefTest checks every one). */
  private static final String CSS =
      String.join(
          "\n",
          "body{font-family:Georgia,'DejaVu Serif',serif;max-width:1180px;margin:24px auto;padding:0 20px;color:#1a1a1a;line-height:1.45}",
          "h1{font-size:28px;margin-bottom:4px}h2{border-bottom:2px solid #0072B2;padding-bottom:3px;margin-top:36px}",
          "h3{margin:22px 0 6px}.sub{color:#555555}nav{background:#f4f6f8;padding:8px 12px;border-radius:6px;font-size:14px}",
          "nav a{margin-right:14px;color:#005A8C}table{border-collapse:collapse;margin:8px 0;font-size:14px}",
          "th,td{border:1px solid #ccc;padding:4px 8px;vertical-align:top;text-align:left}th{background:#f4f6f8}",
          "caption{text-align:left;font-weight:bold;padding:2px 0}",
          "td.n{text-align:right}.met{color:#00785A;font-weight:bold}.unmet{color:#B34700;font-weight:bold}",
          ".charts{display:grid;grid-template-columns:repeat(2,minmax(0,1fr));gap:10px}",
          ".chart{background:#fff;border:1px solid #e3e3e3;border-radius:4px;max-width:100%;height:auto}",
          ".charts .chart{width:100%}",
          ".chart text{font-family:'DejaVu Sans',Arial,sans-serif;font-size:11px;fill:#222222}.chart .ct{font-size:13px;font-weight:bold}",
          ".chart .yl{text-anchor:end}.chart .xl{text-anchor:middle}.chart .cl{text-anchor:middle;font-weight:bold;fill:#000000}",
          ".chart .cl.w{fill:#ffffff}.chart .grid{stroke:#e5e5e5}.chart .zero{stroke:#999}",
          ".turn{border-left:4px solid #0072B2;padding:2px 0 6px 14px;margin:18px 0}.tag{font-size:12px;color:#595959}",
          ".msg{background:#f9f5e8;border-left:3px solid #E69F00;padding:4px 10px;margin:4px 0;font-style:italic}",
          ".news{background:#eef5fb;border-left:3px solid #0072B2;padding:4px 10px;margin:4px 0}",
          ".cite{color:#005A8C}.basis{font-size:12px;color:#595959;font-family:'DejaVu Sans Mono',monospace}",
          ".legend span{display:inline-block;padding:1px 8px;margin-right:6px;border-radius:3px;font-size:12px;color:#000000}",
          ".legend span.w{color:#ffffff}",
          ".v-contradicted{color:#B34700;font-weight:bold}.score{font-size:20px;font-weight:bold}",
          ".data table{font-size:11px}.data td,.data th{padding:1px 4px}",
          "code{font-family:'DejaVu Sans Mono',monospace;font-size:13px}",
          // Print: no forced page breaks (short sections shared a page with nothing), charts two to
          // a
          // row, headings kept with what follows, rows and charts never split.
          "@page{margin:12mm}",
          "@media print{body{max-width:none;margin:0;padding:0;font-size:11px;line-height:1.3}nav{display:none}",
          "h1{font-size:20px}h2{margin-top:14px;font-size:16px}h3{margin:10px 0 4px;font-size:13px}",
          "h2,h3,caption{break-after:avoid}.chart,tr,li,.msg,.news{break-inside:avoid}",
          "table{font-size:10px}th,td{padding:1px 4px}code,.basis,.tag{font-size:9.5px}",
          ".turn ul{columns:2;column-gap:16px;margin:2px 0;padding-left:14px}.turn p{margin:4px 0}",
          ".charts{gap:6px}.turn{margin:8px 0;padding-left:8px}}");

  static String render(GameRecord record) {
    DebriefFacts f = new DebriefFacts(record);
    var meta = record.scenario().metadata();
    StringBuilder b = new StringBuilder();
    b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append(
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">")
        .append("<title>Debrief: ")
        .append(esc(meta.title()))
        .append("</title><style>")
        .append(CSS)
        .append("</style></head><body>\n");
    b.append("<h1>Debrief: ")
        .append(esc(meta.title()))
        .append("</h1>\n<p class=\"sub\">")
        .append(esc(DebriefRenderer.status(record, f)))
        .append("<br>This game: ")
        .append(esc(f.length()))
        .append("<br>The scenario as written: ")
        .append(esc(meta.summary()))
        .append("</p>\n");
    b.append(
            "<nav><a href=\"#roster\">Who played</a><a href=\"#scores\">Scores</a><a href=\"#charts\">Charts</a>")
        .append("<a href=\"#membership\">Membership</a>")
        .append("<a href=\"#ledger\">Promises and actions</a><a href=\"#timeline\">Timeline</a>")
        .append(
            "<a href=\"#objectives\">Objectives</a><a href=\"#afterwards\">What really happened</a>")
        .append("<a href=\"#data\">Chart data</a><a href=\"#how\">How to read this</a></nav>\n");
    roster(b, record, f);
    scores(b, record, f);
    charts(b, f);
    membership(b, record, f);
    ledger(b, record);
    timeline(b, record, f);
    objectives(b, record, f);
    notes(b, f);
    data(b, f);
    how(b);
    return b.append("</body></html>\n").toString();
  }

  private static void roster(StringBuilder b, GameRecord record, DebriefFacts f) {
    b.append("<h2 id=\"roster\">Who played</h2>\n");
    if (record.roster().isEmpty()) {
      b.append("<p class=\"tag\">No seats were recorded for this game.</p>\n");
      return;
    }
    b.append("<table><tr><th>seat</th><th>player</th><th>country</th><th>played by</th></tr>");
    for (GameRecord.Seat s : record.roster()) {
      b.append("<tr><td>")
          .append(esc(s.seat()))
          .append("</td><td>")
          .append(s.bot() ? "<span class=\"tag\">bot</span>" : esc(s.name()))
          .append("</td><td>")
          .append(
              esc(
                  s.country().isEmpty()
                      ? "game master"
                      : f.name(s.country()) + " (" + s.country() + ")"))
          .append("</td><td>")
          .append(s.bot() ? "bot (the engine gave its orders)" : s.playedBy())
          .append("</td></tr>");
    }
    b.append("</table>\n");
  }

  private static void scores(StringBuilder b, GameRecord record, DebriefFacts f) {
    b.append("<h2 id=\"scores\">")
        .append(esc(f.scoresHeading()))
        .append("</h2>\n<table><tr><th>country</th><th>score /100</th><th>criteria met</th></tr>");
    for (Score s : record.finalScores()) {
      long met = s.criteria().stream().filter(CriterionResult::met).count();
      b.append("<tr><td>")
          .append(esc(f.name(s.actor())))
          .append("</td><td class=\"n score\">")
          .append(s.points())
          .append("</td><td class=\"n\">")
          .append(met)
          .append(" of ")
          .append(s.criteria().size())
          .append("</td></tr>");
    }
    b.append("</table>\n");
  }

  private static void charts(StringBuilder b, DebriefFacts f) {
    b.append("<h2 id=\"charts\">Quantities over time</h2>\n<div class=\"charts\">");
    for (DebriefFacts.Chart c : f.charts()) {
      if (c.title().startsWith("Trust of ") && f.charts().indexOf(c) == f.firstTrustChart()) {
        b.append(
            "</div>\n<h3>Trust (each country toward the others, \u2212100..100)</h3>\n<div class=\"charts\">");
      }
      b.append(Svg.lineChart(c.title(), c.series(), f.turns(), c.min(), c.max(), 560));
    }
    b.append(
        "</div>\n<p class=\"tag\">The numbers behind every chart are under <a href=\"#data\">Chart data</a>.</p>\n");
  }

  private static void membership(StringBuilder b, GameRecord record, DebriefFacts f) {
    b.append("<h2 id=\"membership\">Membership of each organisation</h2>\n<p class=\"legend\">");
    for (String s :
        List.of(
            "ACTIVE",
            "FROZEN",
            "NOTICE",
            "WITHDRAWN",
            "SUSPENDED",
            "EXPELLED",
            "APPLICANT",
            "NONE")) {
      b.append("<span")
          .append(Svg.whiteLetter(s) ? " class=\"w\"" : "")
          .append(" style=\"background:")
          .append(Svg.statusColour(s))
          .append("\">")
          .append(s.equals("NONE") ? "not a member" : Svg.letter(s) + " " + s)
          .append("</span>");
    }
    b.append("</p>\n");
    for (Organisation org : record.scenario().organisations()) {
      List<Svg.Band> rows = f.membership(org);
      if (!rows.isEmpty()) {
        b.append(Svg.bands(org.id() + ": " + org.name(), rows, f.turns(), 1120)).append('\n');
      }
    }
  }

  private static void ledger(StringBuilder b, GameRecord record) {
    b.append("<h2 id=\"ledger\">Promises and actions</h2>\n");
    List<PromiseLedger.Entry> entries = PromiseLedger.of(record);
    if (entries.isEmpty()) {
      b.append("<p>No country made a public statement, an announcement or an agreement.</p>\n");
      return;
    }
    b.append(
            "<table><tr><th>country</th><th>turn</th><th>said or agreed</th><th>toward</th><th>what it did (same turn or later)</th>")
        .append("<th>verdict</th></tr>");
    for (PromiseLedger.Entry e : entries) {
      b.append("<tr><td>")
          .append(esc(e.actor()))
          .append("</td><td>T")
          .append(e.turn())
          .append("</td><td>")
          .append(esc(e.promise()))
          .append("</td><td>")
          .append(esc(e.toward()))
          .append("</td><td>")
          .append(esc(DebriefRenderer.actions(e)))
          .append("</td><td")
          .append(e.verdict().startsWith("contradicted") ? " class=\"v-contradicted\"" : "")
          .append(">")
          .append(esc(e.verdict()))
          .append("</td></tr>");
    }
    b.append(
        "</table>\n<p class=\"tag\">The matching rules are under <a href=\"#how\">How to read this</a>.</p>\n");
  }

  private static void timeline(StringBuilder b, GameRecord record, DebriefFacts f) {
    b.append("<h2 id=\"timeline\">Timeline of turns</h2>\n");
    if (record.turns().isEmpty()) {
      b.append("<p>No turn has been resolved yet.</p>\n");
    }
    List<GameRecord.Message> before = DebriefRenderer.messagesOf(record, 0);
    if (!before.isEmpty()) {
      b.append("<h3>").append(DebriefRenderer.BEFORE_THE_FIRST_TURN).append("</h3>\n");
    }
    for (GameRecord.Message m : before) {
      b.append("<div class=\"msg\"><b>")
          .append(esc(DebriefRenderer.speaker(f, m)))
          .append(":</b> ")
          .append(esc(m.text()))
          .append("</div>");
    }
    for (GameRecord.Turn turn : record.turns()) {
      b.append("<div class=\"turn\" id=\"t")
          .append(turn.number())
          .append("\"><h3>T")
          .append(turn.number())
          .append(": ")
          .append(esc(f.date(turn.number())))
          .append("</h3>\n");
      for (ScheduledEvent e : f.injects(turn.number())) {
        b.append("<div class=\"news\"><b>News from the game master: ")
            .append(esc(e.title()))
            .append("</b> ")
            .append(esc(e.text()))
            .append("<br><span class=\"tag\">Effects: ")
            .append(esc(DebriefFacts.effects(e)))
            .append("</span></div>\n");
      }
      for (GameRecord.Message m : DebriefRenderer.messagesOf(record, turn.number())) {
        b.append("<div class=\"msg\"><b>")
            .append(esc(DebriefRenderer.speaker(f, m)))
            .append(":</b> ")
            .append(esc(m.text()))
            .append("</div>\n");
      }
      List<ReportLine> start = DebriefFacts.startOfTurn(turn);
      if (!start.isEmpty()) {
        b.append("<p><b>Start of turn</b></p>");
        lines(b, start);
      }
      b.append("<table><tr><th>country</th><th>orders sealed</th></tr>");
      turn.orders()
          .forEach(
              (actor, orders) -> {
                b.append("<tr><td>").append(esc(actor)).append("</td><td>");
                if (orders.isEmpty()) {
                  b.append("<span class=\"tag\">none</span>");
                }
                for (int i = 0; i < orders.size(); i++) {
                  b.append(i == 0 ? "" : "; ")
                      .append("<code>")
                      .append(esc(orders.get(i).toText()))
                      .append("</code>");
                }
                b.append("</td></tr>");
              });
      b.append("</table>\n<p><b>Outcomes</b></p>");
      lines(b, DebriefFacts.outcomes(turn));
      b.append("</div>\n");
    }
  }

  private static void lines(StringBuilder b, List<ReportLine> lines) {
    b.append("<ul>");
    for (ReportLine l : lines) {
      b.append("<li>").append(esc(l.text()));
      if (!l.citation().isEmpty()) {
        b.append(" <span class=\"cite\">[").append(esc(l.citation())).append("]</span>");
      }
      b.append(" <span class=\"tag\">(").append(esc(DebriefFacts.audience(l))).append(")</span>");
      if (!l.orders().isEmpty()) {
        b.append("<br><span class=\"basis\">orders: ");
        b.append(esc(String.join("; ", l.orders().stream().map(Order::toString).toList())))
            .append("</span>");
      }
      b.append("</li>");
    }
    b.append("</ul>\n");
  }

  /** Every chart's numbers as a table, captioned with the chart's title. */
  private static void data(StringBuilder b, DebriefFacts f) {
    b.append("<h2 id=\"data\">Chart data</h2>\n<div class=\"data\">");
    for (DebriefFacts.Chart c : f.charts()) {
      b.append("<table><caption>").append(esc(c.title())).append("</caption><tr><th></th>");
      for (int t = 0; t <= f.turns(); t++) {
        b.append("<th>T").append(t).append("</th>");
      }
      b.append("</tr>");
      for (Svg.Series s : c.series()) {
        b.append("<tr><th>").append(esc(s.name())).append("</th>");
        for (int v : s.values()) {
          b.append("<td class=\"n\">").append(v).append("</td>");
        }
        b.append("</tr>");
      }
      b.append("</table>\n");
    }
    for (Organisation org : f.organisations()) {
      List<Svg.Band> rows = f.membership(org);
      if (rows.isEmpty()) {
        continue;
      }
      b.append("<table><caption>")
          .append(esc(org.id() + ": " + org.name()))
          .append("</caption><tr><th></th>");
      for (int t = 0; t <= f.turns(); t++) {
        b.append("<th>T").append(t).append("</th>");
      }
      b.append("</tr>");
      for (Svg.Band row : rows) {
        b.append("<tr><th>").append(esc(row.name())).append("</th>");
        row.statuses()
            .forEach(
                st ->
                    b.append("<td>")
                        .append(st.equals("NONE") ? "" : Svg.letter(st))
                        .append("</td>"));
        b.append("</tr>");
      }
      b.append("</table>\n");
    }
    b.append("<p class=\"tag\">Membership letters: ");
    b.append(String.join(", ", Svg.STATUSES.stream().map(st -> Svg.letter(st) + " " + st).toList()))
        .append(".</p></div>\n");
  }

  private static void objectives(StringBuilder b, GameRecord record, DebriefFacts f) {
    b.append("<h2 id=\"objectives\">Hidden objectives</h2>\n");
    for (Score s : record.finalScores()) {
      b.append("<h3>")
          .append(esc(f.name(s.actor())))
          .append(": ")
          .append(s.points())
          .append("/100</h3>");
      record
          .scenario()
          .objectiveOf(s.actor())
          .map(Objective::summary)
          .ifPresent(sum -> b.append("<p>").append(esc(sum)).append("</p>"));
      b.append("<table><tr><th>criterion</th><th>points</th><th>met</th></tr>");
      for (CriterionResult c : s.criteria()) {
        b.append("<tr><td>")
            .append(esc(c.description()))
            .append("</td><td class=\"n\">")
            .append(c.points())
            .append("</td><td class=\"")
            .append(c.met() ? "met\">\u2713 met" : "unmet\">\u2717 not met")
            .append("</td></tr>");
      }
      b.append("</table>\n");
    }
  }

  private static void notes(StringBuilder b, DebriefFacts f) {
    b.append("<h2 id=\"afterwards\">What really happened next</h2>\n");
    noteList(b, f, f.notes(NoteKind.AFTERWARDS));
    b.append("<h3>Where the source article and the record differ</h3>\n");
    noteList(b, f, f.notes(NoteKind.CORRECTION));
  }

  private static void noteList(StringBuilder b, DebriefFacts f, List<HistoricalNote> notes) {
    if (notes.isEmpty()) {
      b.append("<p class=\"tag\">None in this scenario.</p>\n");
      return;
    }
    b.append("<ul>");
    for (HistoricalNote n : notes) {
      b.append("<li><b>").append(esc(n.date())).append("</b> ").append(esc(n.text()));
      if (!n.sources().isEmpty()) {
        b.append("<br><span class=\"tag\">Source: ")
            .append(esc(f.sources(n.sources())))
            .append("</span>");
      }
      b.append("</li>");
    }
    b.append("</ul>\n");
  }

  private static void how(StringBuilder b) {
    b.append("<h2 id=\"how\">How to read this</h2>\n<ul>")
        .append(
            "<li>Charts show each quantity at the start (T0) and after each turn; every country has its own colour,")
        .append(" line pattern and marker.</li>")
        .append(
            "<li>Membership: one row per member, one cell per turn, coloured and lettered by status.</li>")
        .append("<li>")
        .append(esc(DebriefRenderer.HOW_TO_READ_ORDERS))
        .append("</li>");
    for (String rule : PromiseLedger.RULES) {
      b.append("<li>Promises and actions. ").append(esc(rule)).append("</li>");
    }
    b.append(
            "<li>Objectives are scored on the last state shown; a game in progress is scored as it stands.</li>")
        .append(
            "<li>Sources are cited by title and address; the page loads nothing from a network.</li></ul>\n");
  }
}
