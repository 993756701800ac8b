package org.entente.engine.resolve;

import java.util.Iterator;
import java.util.List;
import org.entente.engine.Phase;
import org.entente.engine.expr.Quantity;
import org.entente.engine.model.Actor;
import org.entente.engine.model.MemberStatus;
import org.entente.engine.model.Organisation;
import org.entente.engine.model.Presence;
import org.entente.engine.order.Order;
import org.entente.engine.report.Visibility;
import org.entente.engine.state.Assistance;
import org.entente.engine.state.Delivery;

/**
 * P9: notices count down and withdrawals take effect; deliveries arrive; presences' timers run;
 * grievances count down.
 */
final class Timers {
  private Timers() {}

  /**
   * A grievance of N turns can be used in the N full turns after the one it was gained in: it
   * counts down at the end of each of those turns, not at the end of the turn it was gained or
   * renewed in (docs/rules.md, "Obligations and silence").
   */
  private static void grievances(Turn t) {
    for (Actor a : t.scenario.actors()) {
      int g = t.b.get(Quantity.GRIEVANCE, a.id(), "");
      if (g <= 0 || t.grievanceRenewed.contains(a.id())) {
        continue;
      }
      t.b.set(Quantity.GRIEVANCE, a.id(), "", g - 1);
      if (g == 1) {
        t.say(
            Phase.TIMERS,
            Visibility.actors(a.id()),
            t.possessive(a.id())
                + " grievance ran out at the end of "
                + t.turnLabel(t.number)
                + ": giving notice now costs the full price and needs the domestic support the senate rule asks.",
            "docs/rules.md, section 6 (grievance)");
      }
    }
  }

  static void run(Turn t, List<Order> noticesThisTurn) {
    for (Organisation org : t.scenario.organisations()) {
      for (Actor a : t.scenario.actors()) {
        if (t.b.status(a.id(), org.id()) == MemberStatus.APPLICANT) {
          int wait = t.b.applicantWait(a.id(), org.id());
          if (wait > 0 && !t.admittedThisTurn.contains(a.id() + "|" + org.id())) {
            t.b.applicantWait(a.id(), org.id(), wait - 1);
            if (wait - 1 == 0) {
              t.b.status(a.id(), org.id(), MemberStatus.ACTIVE);
              t.sayPublic(
                  Phase.TIMERS,
                  t.name(a.id()) + " is an active member of the " + org.id() + " again.",
                  org.clauses().decision());
            }
          }
        }
        if (t.b.status(a.id(), org.id()) != MemberStatus.NOTICE) {
          continue;
        }
        int left = t.b.noticeLeft(a.id(), org.id()) - 1;
        t.b.noticeLeft(a.id(), org.id(), Math.max(0, left));
        if (left <= 0) {
          t.b.status(a.id(), org.id(), MemberStatus.WITHDRAWN);
          t.b.duesWithheld(a.id(), org.id(), false);
          t.sayPublic(
              Phase.TIMERS,
              t.possessive(a.id())
                  + " withdrawal from the "
                  + org.id()
                  + " took effect at the end of "
                  + t.turnLabel(t.number)
                  + ".",
              org.clauses().withdrawal());
        } else if (left == 1) {
          t.sayPublic(
              Phase.TIMERS,
              t.possessive(a.id())
                  + " withdrawal from the "
                  + org.id()
                  + " takes effect at the end of next turn unless rescinded.",
              org.clauses().withdrawal());
        }
      }
    }
    for (Order n : noticesThisTurn) {
      Organisation org = t.scenario.organisation(n.org()).orElseThrow();
      t.b.statusBeforeNotice(n.actor(), n.org(), t.b.status(n.actor(), n.org()));
      t.b.status(n.actor(), n.org(), MemberStatus.NOTICE);
      t.b.noticeLeft(n.actor(), n.org(), org.clauses().noticeTurns());
    }
    for (Iterator<Delivery> it = t.b.pendingDeliveries().iterator(); it.hasNext(); ) {
      Delivery d = it.next();
      if (d.dueTurn() <= t.number) {
        it.remove();
        t.b.add(Quantity.RF, d.buyer(), "", d.force());
        t.b.countDelivery(d.seller(), d.buyer());
        t.sayPublic(
            Phase.TIMERS,
            t.name(d.seller())
                + " delivered a "
                + d.size().toLowerCase(java.util.Locale.ROOT)
                + " arms package to "
                + t.name(d.buyer())
                + " (regional force +"
                + d.force()
                + ").",
            t.scenario.rule(org.entente.engine.model.OrderKind.ARMS_DEAL).citation());
      }
    }
    for (Presence p : t.scenario.presences()) {
      if (!t.b.presenceActive(p.id())) {
        continue;
      }
      int left = t.b.get(Quantity.PRESENCE_TURNS, p.id(), "");
      if (left > 0) {
        t.b.set(Quantity.PRESENCE_TURNS, p.id(), "", left - 1);
        if (left - 1 == 0) {
          t.b.presenceActive(p.id(), false);
          t.sayPublic(
              Phase.TIMERS,
              p.name()
                  + " left "
                  + t.name(p.host())
                  + " at the end of "
                  + t.turnLabel(t.number)
                  + ". Its agreed time ran out.",
              "");
        }
      }
    }
    grievances(t);
    t.b.agePartnerships();
    for (Iterator<Assistance> it = t.b.assistance().iterator(); it.hasNext(); ) {
      if (it.next().untilTurn() <= t.number) {
        it.remove();
      }
    }
    Upkeep.events(t, true);
  }
}
