package org.entente.engine.resolve;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.ArrayList;
import java.util.List;
import org.entente.engine.Phase;
import org.entente.engine.expr.Bindings;
import org.entente.engine.expr.Quantity;
import org.entente.engine.model.Actor;
import org.entente.engine.model.Answer;
import org.entente.engine.model.Doctrine.ResponseRule;
import org.entente.engine.model.OrderKind;
import org.entente.engine.model.OrderRule;
import org.entente.engine.model.Organisation;
import org.entente.engine.model.VariantRule;
import org.entente.engine.order.Order;
import org.entente.engine.report.Visibility;
import org.entente.engine.state.Assistance;
import org.entente.engine.state.OpenRequest;

/**
 * Collective defence (Collective Security Treaty, Art. 4; docs/rules.md, Obligations and silence):
 * requests create obligations in P5; answers, silence and the organisation's collective outcome
 * are settled in P6.
 */
final class Obligations {
  private Obligations() {}

  static OpenRequest find(List<OpenRequest> open, String org, String requester, String member) {
    for (OpenRequest r : open) {
      if (r.org().equals(org) && r.requester().equals(requester) && r.owed().contains(member)) {
        return r;
      }
    }
    return null;
  }

  /** P5: requests for assistance and consultations. */
  static void requests(Turn t) {
    for (Order o : t.ofKind(OrderKind.REQUEST_CONSULTATION)) {
      Organisation org = t.scenario.organisation(o.org()).orElseThrow();
      OrderRule rule = t.scenario.rule(o.kind());
      // Effects naming `other` apply once per other participating member (other = that member);
      // the rest apply once.
      List<org.entente.engine.model.Effect> perMember = new ArrayList<>();
      List<org.entente.engine.model.Effect> once = new ArrayList<>();
      for (org.entente.engine.model.Effect e : rule.effects()) {
        (e.target().args().contains("other") ? perMember : once).add(e);
      }
      Object cause =
          new Ledger.Cause(
              t.possessive(o.actor()), "request for consultations", org.clauses().consultation());
      t.effects(once, Turn.bindings(o), cause);
      for (Actor a : t.start.participants(org.id())) {
        if (!a.id().equals(o.actor())) {
          t.effects(perMember, Turn.bindings(o).with("other", a.id()), cause);
        }
      }
      t.sayPublic(
          Phase.OBLIGATIONS,
          t.name(o.actor())
              + " requested consultations within the "
              + org.id()
              + ": its security is threatened.",
          org.clauses().consultation(),
          o);
    }
    for (Order o : t.ofKind(OrderKind.REQUEST_ASSISTANCE)) {
      Organisation org = t.scenario.organisation(o.org()).orElseThrow();
      if (!Escalations.victimRecently(t.b.escalations(), o.actor(), o.target(), t.number)) {
        t.say(
            Phase.OBLIGATIONS,
            Visibility.actors(o.actor()),
            "Void: "
                + t.possessive(o.actor())
                + " request for assistance against "
                + t.name(o.target())
                + " needs an incursion or offensive by "
                + t.name(o.target())
                + " on its territory this turn or last turn; there was none.",
            org.clauses().collectiveDefence(),
            o);
        continue;
      }
      if (hasOpen(t, org.id(), o.actor())) {
        t.say(
            Phase.OBLIGATIONS,
            Visibility.actors(o.actor()),
            "Void: "
                + t.name(o.actor())
                + " already has a request for assistance open in the "
                + org.id()
                + ".",
            org.clauses().collectiveDefence(),
            o);
        continue;
      }
      List<String> owed = new ArrayList<>();
      for (Actor a : t.start.participants(org.id())) {
        String id = a.id();
        if (!id.equals(o.actor()) && !id.equals(o.target())) {
          owed.add(id);
        }
      }
      int deadline = t.number + t.mechanics.answerWindowTurns();
      t.b
          .openRequests()
          .add(
              new OpenRequest(
                  org.id(),
                  o.actor(),
                  o.target(),
                  t.number,
                  deadline,
                  ImmutableMap.of(),
                  ImmutableList.copyOf(owed)));
      t.b.countRequest(o.actor(), org.id());
      t.effects(
          t.scenario.rule(o.kind()).effects(),
          Turn.bindings(o),
          new Ledger.Cause(
              t.possessive(o.actor()),
              "request for assistance",
              org.clauses().collectiveDefence()));
      t.sayPublic(
          Phase.OBLIGATIONS,
          t.name(o.actor())
              + " requested assistance from the "
              + org.id()
              + " against "
              + t.name(o.target())
              + "; "
              + Turn.count(owed.size(), "member")
              + " must answer by the end of "
              + t.turnLabel(deadline)
              + ".",
          org.clauses().collectiveDefence(),
          o);
    }
  }

  private static boolean hasOpen(Turn t, String org, String requester) {
    for (OpenRequest r : t.b.openRequests()) {
      if (r.org().equals(org) && r.requester().equals(requester)) {
        return true;
      }
    }
    return false;
  }

  /** P6: answers (players' orders, then engine-run members by doctrine), then closing. */
  static void answers(Turn t) {
    for (Order o : t.ofKind(OrderKind.RESPOND)) {
      OpenRequest r = find(t.b.openRequests(), o.org(), o.target(), o.actor());
      if (r == null || r.answeredBy(o.actor())) {
        t.say(
            Phase.SESSION,
            Visibility.actors(o.actor()),
            "Void: "
                + t.name(o.actor())
                + " answered "
                + t.name(o.target())
                + ", but there is no open request from "
                + t.name(o.target())
                + " in the "
                + o.org()
                + " that it owes an answer to.",
            "",
            o);
        continue;
      }
      answer(t, r, o.actor(), Answer.valueOf(o.option()), o);
    }
    for (OpenRequest r : List.copyOf(t.b.openRequests())) {
      for (String member : r.owed()) {
        Actor a = t.scenario.actor(member).orElseThrow();
        OpenRequest current = current(t, r);
        if (a.playable() || !t.engineActorsAct || current.answeredBy(member)) {
          continue;
        }
        Answer answer = byDoctrine(t, a, current);
        if (answer != null) {
          Order basis =
              Order.of(member, OrderKind.RESPOND)
                  .withOrg(r.org())
                  .withTarget(r.requester())
                  .withOption(answer.name());
          answer(t, current, member, answer, basis);
        }
      }
    }
    for (OpenRequest r : List.copyOf(t.b.openRequests())) {
      if (r.complete() || r.deadlineTurn() <= t.number) {
        close(t, r);
      }
    }
    for (OpenRequest r : t.b.openRequests()) {
      for (String member : r.owed()) {
        if (!r.answeredBy(member)) {
          owes(t, r, member);
        }
      }
    }
  }

  /** Tells a member that still owes an answer what it owes, by when, and what silence would cost. */
  private static void owes(Turn t, OpenRequest r, String member) {
    String clause = t.scenario.organisation(r.org()).orElseThrow().clauses().collectiveDefence();
    t.say(
        Phase.SESSION,
        Visibility.actors(member),
        t.name(member)
            + " must answer "
            + t.possessive(r.requester())
            + " request for assistance in the "
            + r.org()
            + " by the end of "
            + t.turnLabel(r.deadlineTurn())
            + ": order `RESPOND "
            + r.org()
            + " "
            + r.requester()
            + " MILITARY|MONITORS|DIPLOMATIC|DECLINE`. "
            + "Silence is recorded then: "
            + t.possessive(r.requester())
            + " trust toward "
            + t.name(member)
            + " "
            + Upkeep.signed(t.mechanics.trustSilence())
            + ", "
            + t.possessive(member)
            + " standing "
            + Upkeep.signed(t.mechanics.stdSilence())
            + ", the "
            + r.org()
            + "'s cohesion "
            + Upkeep.signed(t.mechanics.cohPerRefusal())
            + ".",
        clause);
  }

  private static OpenRequest current(Turn t, OpenRequest r) {
    for (OpenRequest x : t.b.openRequests()) {
      if (x.org().equals(r.org()) && x.requester().equals(r.requester())) {
        return x;
      }
    }
    return r;
  }

  private static Answer byDoctrine(Turn t, Actor a, OpenRequest r) {
    Bindings bindings =
        Bindings.of(
            "self", a.id(), "requester", r.requester(), "aggressor", r.aggressor(), "org", r.org());
    for (ResponseRule rule : a.doctrine().responses()) {
      if (!t.holds(rule.when(), bindings)) {
        continue;
      }
      if (!rule.follow().isEmpty()) {
        Answer followed = current(t, r).answers().get(rule.follow());
        if (followed != null) {
          return followed;
        }
      }
      return rule.answer();
    }
    return null;
  }

  private static void answer(Turn t, OpenRequest r, String member, Answer answer, Order basis) {
    OpenRequest updated = r.withAnswer(member, answer);
    t.b.openRequests().set(t.b.openRequests().indexOf(r), updated);
    String clause = t.scenario.organisation(r.org()).orElseThrow().clauses().collectiveDefence();
    Object why =
        new Ledger.Cause(
            t.possessive(member),
            "answer to "
                + t.possessive(r.requester())
                + " request for assistance ("
                + describe(answer)
                + ")",
            clause);
    t.ledger.add(Quantity.TRUST, r.requester(), member, t.mechanics.trustFor(answer), why);
    OrderRule rule = t.scenario.rule(OrderKind.RESPOND);
    VariantRule v = rule.variants().get(answer.name());
    Bindings bindings = Turn.bindings(basis);
    t.effects(rule.effects(), bindings, why);
    if (v != null) {
      t.effects(v.effects(), bindings, why);
    }
    if (answer == Answer.MILITARY) {
      t.b
          .assistance()
          .add(new Assistance(member, r.requester(), t.number + t.mechanics.assistanceTurns()));
    }
    t.sayPublic(
        Phase.SESSION,
        t.name(member)
            + " answered "
            + t.possessive(r.requester())
            + " request for assistance: "
            + describe(answer)
            + ".",
        clause,
        basis);
  }

  static String describe(Answer a) {
    switch (a) {
      case MILITARY:
        return "military assistance";
      case MONITORS:
        return "monitors only";
      case DIPLOMATIC:
        return "diplomatic support only";
      case DECLINE:
        return "declined";
      case SILENCE:
        return "no answer";
      default:
        throw new AssertionError(a);
    }
  }

  private static void close(Turn t, OpenRequest r) {
    t.b.openRequests().remove(r);
    Organisation org = t.scenario.organisation(r.org()).orElseThrow();
    String clause = org.clauses().collectiveDefence();
    boolean military = false;
    boolean monitors = false;
    int refusals = 0;
    for (String member : r.owed()) {
      Answer a = r.answers().get(member);
      if (a == null) {
        a = Answer.SILENCE;
        Object silence =
            new Ledger.Cause(
                t.possessive(member),
                "silence on " + t.possessive(r.requester()) + " request for assistance",
                clause);
        t.ledger.add(Quantity.TRUST, r.requester(), member, t.mechanics.trustSilence(), silence);
        t.ledger.add(Quantity.STD, member, "", t.mechanics.stdSilence(), silence);
        t.sayPublic(
            Phase.SESSION,
            t.name(member)
                + " stayed silent on "
                + t.possessive(r.requester())
                + " request for assistance; silence is recorded: "
                + t.possessive(r.requester())
                + " trust toward "
                + t.name(member)
                + " "
                + Upkeep.signed(t.mechanics.trustSilence())
                + ", "
                + t.possessive(member)
                + " standing "
                + Upkeep.signed(t.mechanics.stdSilence())
                + ", the "
                + org.id()
                + "'s cohesion "
                + Upkeep.signed(t.mechanics.cohPerRefusal())
                + ".",
            clause);
      }
      military |= a == Answer.MILITARY;
      monitors |= a == Answer.MONITORS;
      if (a == Answer.DECLINE || a == Answer.SILENCE) {
        refusals++;
      }
    }
    int credDelta;
    String outcome;
    if (military) {
      credDelta = t.mechanics.credMilitary();
      outcome = "military assistance came";
    } else if (monitors) {
      credDelta = t.mechanics.credMonitorsOnly();
      outcome = "only monitors came";
    } else {
      boolean repeat = t.b.lastFailureTurn(org.id()) >= t.number - t.mechanics.repeatWindowTurns();
      credDelta = repeat ? t.mechanics.credNothingRepeat() : t.mechanics.credNothing();
      outcome = repeat ? "nothing came, again" : "nothing came";
    }
    if (!military) {
      t.b.lastFailureTurn(org.id(), t.number);
      t.grieve(
          Phase.SESSION,
          r.requester(),
          t.mechanics.grievanceTurns(),
          "its request for assistance to the " + org.id() + " brought no military help",
          clause);
    }
    t.ledger.add(
        Quantity.CRED,
        org.id(),
        "",
        credDelta,
        new Ledger.Why(
            "the outcome of " + t.possessive(r.requester()) + " request for assistance: " + outcome,
            clause));
    t.ledger.add(
        Quantity.COH,
        org.id(),
        "",
        refusals * t.mechanics.cohPerRefusal(),
        new Ledger.Why(Turn.count(refusals, "member") + " declined or stayed silent", clause));
    t.sayPublic(
        Phase.SESSION,
        "The "
            + org.id()
            + " request of "
            + t.name(r.requester())
            + " is closed: "
            + outcome
            + (refusals > 0
                ? "; " + Turn.count(refusals, "member") + " declined or stayed silent"
                : "")
            + (military ? "." : "; " + t.name(r.requester()) + " now has a grievance."),
        clause);
  }
}
