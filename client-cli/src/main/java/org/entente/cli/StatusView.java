package org.entente.cli;

import java.util.List;
import org.entente.engine.CriterionResult;
import org.entente.engine.Engine;
import org.entente.engine.Score;
import org.entente.engine.model.Actor;
import org.entente.engine.model.HistoricalNote;
import org.entente.engine.model.MemberStatus;
import org.entente.engine.model.OrderKind;
import org.entente.engine.model.Organisation;
import org.entente.engine.model.PartnershipLevel;
import org.entente.engine.model.Scenario;
import org.entente.engine.order.OrderSyntax;
import org.entente.engine.state.GameState;
import org.entente.engine.state.OpenRequest;

/** Plain-text views of a country's situation, for the terminal. */
final class StatusView {
  private StatusView() {}

  static final String HELP =
      String.join(
          "\n",
          "Commands:",
          "  status            your quantities, trust, memberships, obligations",
          "  briefing          the scenario's background, sources and your hidden objectives",
          "  kinds             the orders you may give, with their syntax and cost",
          "  ORDER             add an order, e.g.  STATEMENT RUS CRITICISE \"Words are not enough\"",
          "  add ORDER         the same",
          "  orders            your orders this turn; remove N to take one back",
          "  ready             end the turn: your orders and the bots' resolve together",
          "  report            the last turn's report, as your country sees it",
          "  score             how your hidden objectives stand now",
          "  as COUNTRY        take another country's seat (hot seat); its bot stands down",
          "  bot COUNTRY       hand a seat you took back to a bot",
          "  debrief [DIR]     write debrief.md and debrief.html (the class debrief) to DIR (default .)",
          "  quit",
          "");

  static String status(Scenario sc, GameState s, String me) {
    StringBuilder b = new StringBuilder();
    b.append(sc.nameOf(me)).append(" at the end of T").append(s.turn()).append(" (")
        .append(sc.metadata().dateOf(s.turn())).append(")\n");
    b.append(String.format("  security %d  domestic support %d  standing %d  regional force %d  grievance %d%n",
        s.sec(me), s.dom(me), s.std(me), s.rf(me), s.grievance(me)));
    b.append("  trust (yours → theirs / theirs → you):\n");
    for (Actor a : sc.actors()) {
      if (!a.id().equals(me)) {
        PartnershipLevel level = s.partnershipLevel(me, a.id());
        b.append(String.format("    %-22s %4d / %4d%s%n", Safe.text(a.name()), s.trust(me, a.id()), s.trust(a.id(), me),
            level == PartnershipLevel.PARTNERSHIP_NONE ? "" : "   " + level.name().toLowerCase().replace('_', ' ')));
      }
    }
    for (Organisation o : sc.organisations()) {
      MemberStatus st = s.memberStatus(me, o.id());
      b.append(String.format("  %s: credibility %d, cohesion %d; you: %s%s%n", o.id(), s.cred(o.id()), s.coh(o.id()),
          st.name().toLowerCase(),
          st == MemberStatus.NOTICE ? " (" + s.noticeLeft(me, o.id()) + " turn(s) left)" : ""));
    }
    for (org.entente.engine.model.Track t : sc.tracks()) {
      b.append("  ").append(Safe.text(t.name())).append(": ").append(s.track(t.id())).append('\n');
    }
    for (OpenRequest r : s.openRequests()) {
      if (r.owed().contains(me) && !r.answeredBy(me)) {
        b.append("  You owe ").append(sc.nameOf(r.requester())).append(" an answer in the ").append(r.org())
            .append(" by the end of T").append(r.deadlineTurn()).append(": RESPOND ").append(r.org()).append(' ')
            .append(r.requester()).append(" MILITARY|MONITORS|DIPLOMATIC|DECLINE\n");
      }
    }
    return b.toString();
  }

  static String kinds(Scenario sc, String me) {
    Actor a = sc.actor(me).orElseThrow();
    StringBuilder b = new StringBuilder("Orders " + a.name() + " may give (" + a.orderPoints() + " points a turn):\n");
    for (OrderKind k : OrderKind.values()) {
      if (a.mayUse(k)) {
        b.append(String.format("  %-70s %d pt%n", OrderSyntax.usage(k), sc.rule(k).cost()));
      }
    }
    return b.toString();
  }

  static String briefing(Scenario sc, String me) {
    StringBuilder b = new StringBuilder();
    b.append(Safe.text(sc.metadata().title())).append("\n\n").append(Safe.text(sc.metadata().briefing())).append("\n\n");
    List<HistoricalNote> notes = sc.notes();
    if (!notes.isEmpty()) {
      b.append("Timeline:\n");
      for (HistoricalNote n : notes) {
        if (n.kind() != org.entente.engine.model.NoteKind.AFTERWARDS) {
          b.append("  ").append(Safe.text(n.date())).append("  ").append(Safe.text(n.text())).append('\n');
        }
      }
      b.append('\n');
    }
    sc.objectiveOf(me).ifPresent(o -> {
      b.append("Your hidden objectives (").append(sc.nameOf(me)).append("): ").append(Safe.text(o.summary())).append('\n');
      o.criteria().forEach(c -> b.append(String.format("  %3d  %s%n", c.points(), Safe.text(c.description()))));
    });
    return b.toString();
  }

  static String score(Scenario sc, GameState s, String me) {
    for (Score score : Engine.score(sc, s)) {
      if (score.actor().equals(me)) {
        StringBuilder b = new StringBuilder(sc.nameOf(me) + ": " + score.points() + "/100\n");
        for (CriterionResult c : score.criteria()) {
          b.append(String.format("  [%s] %3d  %s%n", c.met() ? "x" : " ", c.points(), Safe.text(c.description())));
        }
        return b.toString();
      }
    }
    return sc.nameOf(me) + " has no objectives in this scenario.\n";
  }
}
