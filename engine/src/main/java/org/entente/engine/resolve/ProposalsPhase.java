package org.entente.engine.resolve;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.entente.engine.Phase;
import org.entente.engine.expr.Bindings;
import org.entente.engine.model.Actor;
import org.entente.engine.model.Clauses;
import org.entente.engine.model.Doctrine.VoteRule;
import org.entente.engine.model.MemberStatus;
import org.entente.engine.model.OrderKind;
import org.entente.engine.model.Organisation;
import org.entente.engine.model.Vote;
import org.entente.engine.order.Order;

/**
 * P6, the organisation session: proposals (and applications to join) are decided by the
 * organisation's decision rule from this turn's OBJECT and STAND_ASIDE orders and engine-run
 * members' doctrine; a voting member who says nothing supports.
 */
final class ProposalsPhase {
  private ProposalsPhase() {}

  /** One proposal: same organisation, kind and target, whoever proposed it. */
  private record Key(String org, String kind, String target) {}

  static void run(Turn t, List<Order> noticesThisTurn) {
    Map<Key, List<Order>> proposals = new LinkedHashMap<>();
    for (Order o : t.ofKind(OrderKind.ORG_PROPOSAL)) {
      proposals
          .computeIfAbsent(new Key(o.org(), o.option(), o.target()), k -> new ArrayList<>())
          .add(o);
    }
    for (Order o : t.ofKind(OrderKind.APPLY_MEMBERSHIP)) {
      Organisation org = t.scenario.organisation(o.org()).orElseThrow();
      if (!org.clauses().external()) {
        proposals
            .computeIfAbsent(new Key(o.org(), "ADMIT", o.actor()), k -> new ArrayList<>())
            .add(o);
      }
    }
    for (Map.Entry<Key, List<Order>> e : proposals.entrySet()) {
      decide(t, e.getKey(), e.getValue(), noticesThisTurn);
    }
    for (Order o : t.orders) {
      if (o.kind() != OrderKind.OBJECT && o.kind() != OrderKind.STAND_ASIDE) {
        continue;
      }
      if (proposals.containsKey(new Key(o.org(), o.option(), o.target()))) {
        // A vote cast counts: its effects (an objection wears cohesion down) apply.
        LegalPhase.standardEffects(
            t, o, o.kind() == OrderKind.OBJECT ? "objection" : "standing aside");
      } else {
        t.say(
            Phase.SESSION,
            org.entente.engine.report.Visibility.actors(o.actor()),
            "Void: "
                + t.possessive(o.actor())
                + " "
                + o.toText()
                + " names no proposal made in the "
                + o.org()
                + " this turn.",
            LegalPhase.cite(t, o),
            o);
      }
    }
  }

  private static void decide(Turn t, Key key, List<Order> proposers, List<Order> notices) {
    Organisation org = t.scenario.organisation(key.org()).orElseThrow();
    Order first = proposers.get(0);
    String what = describe(t, key);
    if (key.kind().equals("SUSPEND_MEMBER")) {
      for (Order n : notices) {
        if (n.actor().equals(key.target()) && n.org().equals(key.org())) {
          t.sayPublic(
              Phase.SESSION,
              "The proposal to suspend "
                  + t.name(key.target())
                  + " from the "
                  + org.id()
                  + " is moot: "
                  + t.name(key.target())
                  + " gave notice of withdrawal this turn.",
              org.clauses().suspensionClause(),
              first,
              n);
          return;
        }
      }
    }
    int support = 0;
    int object = 0;
    int aside = 0;
    List<String> objectors = new ArrayList<>();
    Set<String> proposerIds = new java.util.HashSet<>();
    proposers.forEach(p -> proposerIds.add(p.actor()));
    for (Actor a : t.start.voters(org.id())) {
      if (a.id().equals(key.target())) {
        continue;
      }
      Vote v = voteOf(t, a, key, proposerIds, first);
      switch (v) {
        case SUPPORT:
          support++;
          break;
        case OBJECT:
          object++;
          objectors.add(t.name(a.id()));
          break;
        case STAND_ASIDE:
          aside++;
          break;
        default:
          throw new AssertionError(v);
      }
    }
    boolean passed = passes(org.clauses(), key.kind(), support, object, aside);
    String tally = support + " for, " + object + " against, " + aside + " standing aside";
    Order[] basis = proposers.toArray(new Order[0]);
    if (key.kind().equals("ADMIT")) {
      admit(t, org, key.target(), passed, tally, objectors, first);
      return;
    }
    if (passed) {
      for (Order p : proposers) {
        LegalPhase.standardEffects(t, p, "proposal that passed");
      }
      if (key.kind().equals("SUSPEND_MEMBER")) {
        t.b.status(key.target(), org.id(), MemberStatus.SUSPENDED);
      }
      t.sayPublic(
          Phase.SESSION,
          "The "
              + org.id()
              + " adopted "
              + what
              + " ("
              + tally
              + ")"
              + (aside > 0 && key.kind().equals("SUSPEND_MEMBER")
                  ? ""
                  : aside > 0 ? ", in limited format." : "."),
          decisionClause(org, key.kind()),
          basis);
    } else {
      for (Order p : proposers) {
        LegalPhase.failureEffects(t, p, "proposal that failed");
      }
      t.sayPublic(
          Phase.SESSION,
          "The "
              + org.id()
              + " did not adopt "
              + what
              + " ("
              + tally
              + ")"
              + (objectors.isEmpty() ? "." : "; objecting: " + String.join(", ", objectors) + "."),
          decisionClause(org, key.kind()),
          basis);
    }
  }

  private static String decisionClause(Organisation org, String kind) {
    return kind.equals("SUSPEND_MEMBER") && !org.clauses().suspensionClause().isEmpty()
        ? org.clauses().suspensionClause()
        : org.clauses().decision();
  }

  private static void admit(
      Turn t,
      Organisation org,
      String applicant,
      boolean passed,
      String tally,
      List<String> objectors,
      Order basis) {
    if (passed) {
      int wait = org.clauses().reentryWaitTurns();
      if (wait == 0) {
        t.b.status(applicant, org.id(), MemberStatus.ACTIVE);
      }
      t.b.applicantWait(applicant, org.id(), wait);
      t.admittedThisTurn.add(applicant + "|" + org.id());
      t.sayPublic(
          Phase.SESSION,
          "The "
              + org.id()
              + " accepted "
              + t.possessive(applicant)
              + " application ("
              + tally
              + ")"
              + (wait == 0
                  ? "; it is an active member again."
                  : "; it becomes an active member after " + wait + " turn(s)."),
          org.clauses().decision(),
          basis);
    } else {
      t.b.status(applicant, org.id(), MemberStatus.NONE);
      t.sayPublic(
          Phase.SESSION,
          "The "
              + org.id()
              + " refused "
              + t.possessive(applicant)
              + " application ("
              + tally
              + "; objecting: "
              + String.join(", ", objectors)
              + ").",
          org.clauses().decision(),
          basis);
    }
  }

  private static Vote voteOf(Turn t, Actor a, Key key, Set<String> proposers, Order first) {
    if (proposers.contains(a.id())) {
      return Vote.SUPPORT;
    }
    for (Order o : t.of(a.id())) {
      if (o.org().equals(key.org())
          && o.option().equals(key.kind())
          && o.target().equals(key.target())) {
        if (o.kind() == OrderKind.OBJECT) {
          return Vote.OBJECT;
        }
        if (o.kind() == OrderKind.STAND_ASIDE) {
          return Vote.STAND_ASIDE;
        }
      }
    }
    if (!a.playable() && t.engineActorsAct) {
      Bindings b =
          Bindings.of(
              "self", a.id(), "proposer", first.actor(), "proposal", key.kind(), "org", key.org());
      if (!key.target().isEmpty()) {
        b = b.with("target", key.target());
      }
      for (VoteRule r : a.doctrine().votes()) {
        if (t.holds(r.when(), b)) {
          if (r.vote() != Vote.SUPPORT) {
            // A vote by doctrine is the engine-run member's order: it has the order's effects.
            OrderKind kind = r.vote() == Vote.OBJECT ? OrderKind.OBJECT : OrderKind.STAND_ASIDE;
            Order cast =
                Order.of(a.id(), kind)
                    .withOrg(key.org())
                    .withOption(key.kind())
                    .withTarget(key.target());
            LegalPhase.standardEffects(
                t, cast, r.vote() == Vote.OBJECT ? "objection" : "standing aside");
          }
          return r.vote();
        }
      }
    }
    return Vote.SUPPORT;
  }

  static boolean passes(Clauses c, String kind, int support, int object, int aside) {
    if (kind.equals("SUSPEND_MEMBER")) {
      // "passed by all other participating members": an abstention blocks too.
      return object == 0 && aside == 0 && support > 0;
    }
    switch (c.decisionRule()) {
      case CONSENSUS:
        return object == 0 && support > 0;
      case MAJORITY:
        return support > object;
      case QUALIFIED_MAJORITY:
        int voters = support + object + aside;
        return voters > 0 && support * 100 >= c.qualifiedMajorityPercent() * voters;
      default:
        throw new AssertionError(c.decisionRule());
    }
  }

  private static String describe(Turn t, Key key) {
    String target = key.target().isEmpty() ? "" : t.name(key.target());
    switch (key.kind()) {
      case "ASSISTANCE_PACKAGE":
        return "an assistance package for " + target;
      case "CONDEMNATION":
        return "a condemnation of " + target;
      case "BUDGET":
        return "a budget";
      case "SUSPEND_MEMBER":
        return "the suspension of " + target;
      default:
        return key.kind().toLowerCase(java.util.Locale.ROOT) + " " + target;
    }
  }
}
