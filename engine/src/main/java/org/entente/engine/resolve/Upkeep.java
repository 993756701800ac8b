package org.entente.engine.resolve;

import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.entente.engine.Phase;
import org.entente.engine.expr.Bindings;
import org.entente.engine.expr.Quantity;
import org.entente.engine.model.MemberStatus;
import org.entente.engine.model.Organisation;
import org.entente.engine.model.Presence;
import org.entente.engine.model.PresenceChange;
import org.entente.engine.model.ScheduledEvent;
import org.entente.engine.model.Track;
import org.entente.engine.report.Visibility;

/** P0: scheduled events, drift, presence upkeep, frozen members' cost. */
final class Upkeep {
  /** The id prefix the server gives a game master's inject (a scheduled event of the turn in progress). */
  static final String GAME_MASTER_INJECT = "GM_INJECT_";

  /**
   * The calendar line's date formats, made once: making them parses the pattern, which every
   * turn of every session did again (with the months' names of Turn.turnLabel, 4 of the 57
   * samples of the engine in a profile of 100 sessions' cold first turns).
   */
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("d MMMM", Locale.ENGLISH);

  private static final DateTimeFormatter FULL =
      DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

  private Upkeep() {}

  /** "T5 (November 2024) runs from 1 November to 30 November 2024.": what the turn's news may be dated. */
  private static void calendar(Turn t) {
    java.time.LocalDate first = t.scenario.metadata().firstDayOf(t.number);
    java.time.LocalDate last = t.scenario.metadata().dateOf(t.number);
    t.sayPublic(
        Phase.UPKEEP,
        t.turnLabel(t.number)
            + " runs from "
            + (first.getYear() == last.getYear() ? first.format(DAY) : first.format(FULL))
            + " to "
            + last.format(FULL)
            + ".",
        "");
  }

  static String signed(int n) {
    return n > 0 ? "+" + n : Integer.toString(n);
  }

  /** " Effects: Armenia's security +2, ..." in plain words, or "" for news without effects. */
  private static String effectsInBrief(Turn t, ScheduledEvent e) {
    java.util.List<String> parts = new java.util.ArrayList<>();
    Bindings bindings = e.actor().isEmpty() ? Bindings.EMPTY : Bindings.of("self", e.actor());
    for (org.entente.engine.model.Effect effect : e.effects()) {
      for (org.entente.engine.expr.ResolvedRef r : effect.target().resolve(bindings).expand()) {
        parts.add(
            ChangeLines.quantity(t, r.kind(), r.first(), r.ids().size() > 1 ? r.second() : "")
                + " "
                + signed(effect.delta()));
      }
    }
    for (PresenceChange c : e.presenceChanges()) {
      String name = t.scenario.presence(c.presence()).map(Presence::name).orElse(c.presence());
      parts.add(
          switch (c.action()) {
            case ESTABLISH -> name + " arrives";
            case END -> name + " ends";
            case EXTEND -> name + " extended by " + Turn.count(c.amount(), "turn");
            case SET_STRENGTH -> name + " strength set to " + c.amount();
          });
    }
    return parts.isEmpty() ? "" : " Effects: " + String.join(", ", parts) + ".";
  }

  static void run(Turn t) {
    calendar(t);
    events(t, false);
    drift(t);
    for (Presence p : t.scenario.presences()) {
      if (t.b.presenceActive(p.id()) && !p.upkeep().isEmpty()) {
        t.applyNow(
            Phase.UPKEEP,
            p.upkeep(),
            Bindings.of("self", p.owner(), "target", p.host()),
            new Ledger.Why(p.name() + " on the ground", ""));
      }
    }
    for (Organisation org : t.scenario.organisations()) {
      int frozen = 0;
      for (org.entente.engine.model.Actor a : t.scenario.actors()) {
        if (t.b.status(a.id(), org.id()) == MemberStatus.FROZEN) {
          frozen++;
        }
      }
      if (frozen > 0) {
        t.b.add(Quantity.CRED, org.id(), "", frozen * t.mechanics.frozenCredPerTurn());
        t.b.add(Quantity.COH, org.id(), "", frozen * t.mechanics.frozenCohPerTurn());
        t.say(
            Phase.UPKEEP,
            Visibility.PUBLIC,
            "The "
                + org.id()
                + " loses credibility ("
                + signed(frozen * t.mechanics.frozenCredPerTurn())
                + ") and cohesion ("
                + signed(frozen * t.mechanics.frozenCohPerTurn())
                + "): "
                + Turn.count(frozen, "member")
                + (frozen == 1 ? " has" : " have")
                + " frozen "
                + (frozen == 1 ? "its" : "their")
                + " participation.",
            "docs/rules.md, section 3 (a frozen member costs its organisation every turn)");
      }
    }
    t.start = t.b.build();
  }

  /** Fires the turn's scheduled events (before or after orders) whose condition holds. */
  static void events(Turn t, boolean afterOrders) {
    for (ScheduledEvent e : t.scenario.events()) {
      if (e.turn() != t.number
          || e.afterOrders() != afterOrders
          || t.b.firedEvents().contains(e.id())) {
        continue;
      }
      Bindings bindings = e.actor().isEmpty() ? Bindings.EMPTY : Bindings.of("self", e.actor());
      if (e.when() != null && !e.when().test(t.b.build(), bindings)) {
        continue;
      }
      t.b.firedEvents().add(e.id());
      Phase phase = afterOrders ? Phase.TIMERS : Phase.UPKEEP;
      boolean inject = e.id().startsWith(GAME_MASTER_INJECT);
      String news = inject ? "news from the game master: " + e.title() : "the news: " + e.title();
      t.sayPublic(
          phase,
          (inject ? "News from the game master: " : "News: ")
              + e.title()
              + ". "
              + e.text()
              + (inject ? effectsInBrief(t, e) : ""),
          "");
      t.applyNow(phase, e.effects(), bindings, new Ledger.Why(news, ""));
      for (PresenceChange c : e.presenceChanges()) {
        applyPresence(t, c);
      }
    }
  }

  static void applyPresence(Turn t, PresenceChange c) {
    switch (c.action()) {
      case ESTABLISH:
        t.b.presenceActive(c.presence(), true);
        break;
      case END:
        t.b.presenceActive(c.presence(), false);
        break;
      case EXTEND:
        t.b.add(Quantity.PRESENCE_TURNS, c.presence(), "", c.amount());
        t.b.countRenewal(c.presence());
        break;
      case SET_STRENGTH:
        t.b.set(Quantity.PRESENCE_STRENGTH, c.presence(), "", c.amount());
        break;
      default:
        throw new AssertionError(c.action());
    }
  }

  private static void drift(Turn t) {
    int pct = t.mechanics.trustDriftPercent();
    if (pct > 0) {
      java.util.List<org.entente.engine.model.Actor> actors = t.scenario.actors();
      int[][] before = new int[actors.size()][actors.size()];
      for (int i = 0; i < actors.size(); i++) {
        for (int j = 0; j < actors.size(); j++) {
          before[i][j] = t.b.get(Quantity.TRUST, actors.get(i).id(), actors.get(j).id());
        }
      }
      t.b.driftTrust(pct);
      for (int i = 0; i < actors.size(); i++) {
        java.util.List<String> moved = new java.util.ArrayList<>();
        for (int j = 0; j < actors.size(); j++) {
          int after = t.b.get(Quantity.TRUST, actors.get(i).id(), actors.get(j).id());
          if (i != j && after != before[i][j]) {
            moved.add("toward " + t.name(actors.get(j).id()) + " " + before[i][j] + " → " + after);
          }
        }
        if (!moved.isEmpty()) {
          String who = actors.get(i).id();
          t.say(
              Phase.UPKEEP,
              Visibility.actors(who),
              t.possessive(who)
                  + " trust drifted "
                  + pct
                  + "% of the way back to where it started: "
                  + String.join(", ", moved)
                  + ".",
              "docs/rules.md, section 2 (drift)");
        }
      }
    }
    for (Track tr : t.scenario.tracks()) {
      if (tr.driftPercent() > 0) {
        int cur = t.b.get(Quantity.TRACK, tr.id(), "");
        t.b.set(Quantity.TRACK, tr.id(), "", cur + towards(cur, tr.rest(), tr.driftPercent()));
      }
    }
  }

  /** The drift step from {@code cur} toward {@code rest}: pct% of the distance, rounded half away from zero. */
  static int towards(int cur, int rest, int pct) {
    int diff = rest - cur;
    int scaled = Math.abs(diff) * pct;
    int step = (scaled + 50) / 100;
    return diff < 0 ? -step : step;
  }
}
