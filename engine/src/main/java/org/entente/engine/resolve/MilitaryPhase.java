package org.entente.engine.resolve;

import org.entente.engine.Phase;
import org.entente.engine.expr.Quantity;
import org.entente.engine.model.OrderKind;
import org.entente.engine.model.Presence;
import org.entente.engine.model.VariantRule;
import org.entente.engine.order.Order;
import org.entente.engine.report.Visibility;
import org.entente.engine.state.Assistance;
import org.entente.engine.state.EscalationRecord;
import org.entente.engine.state.GameState;

/**
 * P4: escalations, economic pressure and presence orders, simultaneously: every force is read
 * from the state after upkeep. No dice: the attacker's force against the defender's, ties to
 * the defender.
 */
final class MilitaryPhase {
  private MilitaryPhase() {}

  static void run(Turn t) {
    for (Order o : t.ofKind(OrderKind.ESCALATE)) {
      escalate(t, o);
    }
    for (Order o : t.ofKind(OrderKind.ECONOMIC_PRESSURE)) {
      t.b.countPressure(o.actor(), o.target());
      LegalPhase.standardEffects(t, o, "economic pressure");
      t.sayPublic(
          Phase.MILITARY,
          t.name(o.actor()) + " put economic pressure on " + t.name(o.target()) + ".",
          LegalPhase.cite(t, o),
          o);
    }
    for (Order o : t.ofKind(OrderKind.PRESENCE)) {
      presence(t, o);
    }
  }

  /** The defender's force: its own, presences it hosts whose owner does not distrust it, helpers, allies. */
  static int defence(Turn t, GameState s, String defender) {
    int force = s.rf(defender);
    for (Presence p : t.scenario.presences()) {
      if (p.host().equals(defender)
          && s.presenceActive(p.id())
          && s.trust(p.owner(), defender) >= 0) {
        force += p.defence();
      }
    }
    for (Assistance a : s.assistance()) {
      if (a.helped().equals(defender) && a.untilTurn() >= t.number) {
        force += s.rf(a.helper());
      }
    }
    for (String ally : s.mutualDefencePartners(defender)) {
      force += s.rf(ally);
    }
    return force;
  }

  private static void escalate(Turn t, Order o) {
    int level = Escalations.level(o.option());
    int attack = t.start.rf(o.actor());
    int defend = defence(t, t.start, o.target());
    boolean success = attack > defend;
    t.b.escalations().add(new EscalationRecord(t.number, o.actor(), o.target(), level, success));
    String what = o.option().toLowerCase(java.util.Locale.ROOT);
    if (success) {
      LegalPhase.standardEffects(t, o, what);
      if (level == 3) {
        t.b.countTerritoryLost(o.target());
      }
      if (level >= 2) {
        t.grieve(
            Phase.MILITARY,
            o.target(),
            t.mechanics.grievanceFromAttack(),
            t.possessive(o.actor()) + " " + what + " succeeded",
            LegalPhase.cite(t, o));
      }
      t.sayPublic(
          Phase.MILITARY,
          t.possessive(o.actor())
              + " "
              + what
              + " against "
              + t.name(o.target())
              + " succeeded (force "
              + attack
              + " against "
              + defend
              + ")"
              + (level == 3 ? "; " + t.name(o.target()) + " lost territory." : "."),
          LegalPhase.cite(t, o),
          o);
    } else {
      LegalPhase.failureEffects(t, o, "repelled " + what);
      t.sayPublic(
          Phase.MILITARY,
          t.possessive(o.actor())
              + " "
              + what
              + " against "
              + t.name(o.target())
              + " was repelled (force "
              + attack
              + " against "
              + defend
              + "; ties go to the defender).",
          LegalPhase.cite(t, o),
          o);
    }
  }

  private static void presence(Turn t, Order o) {
    Presence p = t.scenario.presence(o.presence()).orElseThrow();
    VariantRule v = t.scenario.rule(o.kind()).variants().get(o.option());
    int turns = v == null ? 0 : v.turns();
    switch (o.option()) {
      case "DEPLOY":
        t.b.presenceActive(p.id(), true);
        t.b.set(Quantity.PRESENCE_TURNS, p.id(), "", turns);
        t.sayPublic(
            Phase.MILITARY,
            t.name(o.actor()) + " deployed " + p.name() + " in " + t.name(p.host()) + ".",
            LegalPhase.cite(t, o),
            o);
        break;
      case "WITHDRAW":
        t.b.presenceActive(p.id(), false);
        t.sayPublic(
            Phase.MILITARY,
            t.name(o.actor()) + " withdrew " + p.name() + " from " + t.name(p.host()) + ".",
            LegalPhase.cite(t, o),
            o);
        break;
      case "DELAY":
        if (t.start.presenceTurns(p.id()) == 0) {
          t.say(
              Phase.MILITARY,
              Visibility.actors(o.actor()),
              p.name() + " has no end date; there is nothing to delay.",
              LegalPhase.cite(t, o),
              o);
          return;
        }
        t.b.add(Quantity.PRESENCE_TURNS, p.id(), "", turns);
        t.sayPublic(
            Phase.MILITARY,
            t.name(o.actor())
                + " delayed the departure of "
                + p.name()
                + " by "
                + turns
                + " turn(s).",
            LegalPhase.cite(t, o),
            o);
        break;
      case "REQUEST_LEAVE":
        int left = t.start.presenceTurns(p.id());
        if (left == 0 || left > turns) {
          t.b.set(Quantity.PRESENCE_TURNS, p.id(), "", Math.max(1, turns));
        }
        t.sayPublic(
            Phase.MILITARY,
            t.name(o.actor())
                + " asked "
                + t.name(p.owner())
                + " to withdraw "
                + p.name()
                + "; it is due to leave within "
                + Math.max(1, turns)
                + " turn(s).",
            LegalPhase.cite(t, o),
            o);
        break;
      default:
        throw new AssertionError(o.option());
    }
    LegalPhase.standardEffects(t, o, presenceCause(o.option(), p.name()));
  }

  private static String presenceCause(String action, String presence) {
    switch (action) {
      case "DEPLOY":
        return "deployment of " + presence;
      case "WITHDRAW":
        return "withdrawal of " + presence;
      case "DELAY":
        return "delay to the departure of " + presence;
      default:
        return "request that " + presence + " leave";
    }
  }
}
