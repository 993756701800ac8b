package org.entente.engine.resolve;

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

/** P0: scheduled events, drift, presence upkeep, frozen members' cost, grievances wearing off. */
final class Upkeep {
  private Upkeep() {}

  static void run(Turn t) {
    events(t, false);
    drift(t);
    for (Presence p : t.scenario.presences()) {
      if (t.b.presenceActive(p.id()) && !p.upkeep().isEmpty()) {
        t.applyNow(p.upkeep(), Bindings.of("self", p.owner(), "target", p.host()), p.name() + " upkeep");
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
        t.say(Phase.UPKEEP, Visibility.GAME_MASTER, "The " + org.id() + " loses credibility and cohesion: "
            + frozen + " member(s) frozen.", "frozen membership");
      }
    }
    for (org.entente.engine.model.Actor a : t.scenario.actors()) {
      int g = t.b.get(Quantity.GRIEVANCE, a.id(), "");
      if (g > 0) {
        t.b.set(Quantity.GRIEVANCE, a.id(), "", g - 1);
      }
    }
    t.start = t.b.build();
  }

  /** Fires the turn's scheduled events (before or after orders) whose condition holds. */
  static void events(Turn t, boolean afterOrders) {
    for (ScheduledEvent e : t.scenario.events()) {
      if (e.turn() != t.number || e.afterOrders() != afterOrders || t.b.firedEvents().contains(e.id())) {
        continue;
      }
      Bindings bindings = e.actor().isEmpty() ? Bindings.EMPTY : Bindings.of("self", e.actor());
      if (e.when() != null && !e.when().test(t.b.build(), bindings)) {
        continue;
      }
      t.b.firedEvents().add(e.id());
      t.applyNow(e.effects(), bindings, "event: " + e.title());
      for (PresenceChange c : e.presenceChanges()) {
        applyPresence(t, c);
      }
      t.sayPublic(afterOrders ? Phase.TIMERS : Phase.UPKEEP, e.title() + ". " + e.text(), "scheduled event");
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
      t.b.driftTrust(pct);
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
