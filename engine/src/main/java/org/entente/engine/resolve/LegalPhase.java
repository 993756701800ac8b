package org.entente.engine.resolve;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.entente.engine.Phase;
import org.entente.engine.expr.Bindings;
import org.entente.engine.model.Effect;
import org.entente.engine.model.MemberStatus;
import org.entente.engine.model.OrderKind;
import org.entente.engine.model.OrderRule;
import org.entente.engine.model.Organisation;
import org.entente.engine.model.VariantRule;
import org.entente.engine.order.Order;
import org.entente.engine.report.Visibility;

/** P2 statements revealed, and P3 legal orders: RESCIND > NOTICE > FREEZE/RESUME > DUES > APPLY. */
final class LegalPhase {
  private LegalPhase() {}

  static void statements(Turn t) {
    for (Order o : t.orders) {
      if (o.kind() == OrderKind.STATEMENT) {
        String tone = o.option().toLowerCase(java.util.Locale.ROOT);
        String verb =
            tone.equals("criticise")
                ? "criticised"
                : tone.equals("reassure") ? "reassured" : "condemned";
        t.sayPublic(
            Phase.STATEMENTS,
            t.name(o.actor())
                + " "
                + verb
                + " "
                + t.name(o.target())
                + (o.text().isEmpty() ? "." : ": \"" + o.text() + "\""),
            cite(t, o),
            o);
        standardEffects(t, o, "statement");
      } else if (o.kind() == OrderKind.ANNOUNCE_INTENT) {
        t.sayPublic(
            Phase.STATEMENTS,
            t.name(o.actor())
                + " announced, about the "
                + o.org()
                + ": \""
                + o.text()
                + "\" (a public statement of intent with no legal effect).",
            cite(t, o),
            o);
        standardEffects(t, o, "announcement");
      }
    }
  }

  /** The order's citation: its variant's when it has one, else its kind's. */
  static String cite(Turn t, Order o) {
    OrderRule rule = t.scenario.rule(o.kind());
    VariantRule v = rule.variants().get(o.option());
    return v != null && !v.citation().isEmpty() ? v.citation() : rule.citation();
  }

  /** Queues the rule's and the variant's success effects of an order. */
  static void standardEffects(Turn t, Order o, String cause) {
    OrderRule rule = t.scenario.rule(o.kind());
    Bindings b = Turn.bindings(o);
    Object why = new Ledger.Cause(t.possessive(o.actor()), cause, cite(t, o));
    t.effects(rule.effects(), b, why);
    VariantRule v = rule.variants().get(o.option());
    if (v != null) {
      t.effects(v.effects(), b, why);
    }
  }

  static void failureEffects(Turn t, Order o, String cause) {
    OrderRule rule = t.scenario.rule(o.kind());
    Bindings b = Turn.bindings(o);
    Object why = new Ledger.Cause(t.possessive(o.actor()), cause, cite(t, o));
    t.effects(rule.onFailure(), b, why);
    VariantRule v = rule.variants().get(o.option());
    if (v != null) {
      t.effects(v.onFailure(), b, why);
    }
  }

  /** Resolves P3 and returns the notices given this turn (actor, org), to take effect at P9. */
  static List<Order> run(Turn t) {
    Set<Order> voided = new HashSet<>();
    Map<List<String>, List<Order>> byActorOrg = new LinkedHashMap<>();
    for (Order o : t.orders) {
      if (Conflicts.rank(o.kind()) > 0) {
        byActorOrg.computeIfAbsent(List.of(o.actor(), o.org()), k -> new ArrayList<>()).add(o);
      }
    }
    for (List<Order> group : byActorOrg.values()) {
      if (group.size() < 2) {
        continue;
      }
      Order winner = group.get(0);
      for (Order o : group) {
        if (Conflicts.rank(o.kind()) > Conflicts.rank(winner.kind())) {
          winner = o;
        }
      }
      for (Order o : group) {
        if (o != winner && Conflicts.contradict(o.kind(), winner.kind())) {
          voided.add(o);
          t.say(
              Phase.LEGAL,
              Visibility.actors(o.actor()),
              "Void: "
                  + t.possessive(o.actor())
                  + " "
                  + o.toText()
                  + " contradicts its "
                  + winner.toText()
                  + "; the more binding act wins and the order's cost is spent.",
              "docs/rules.md, section 4 (conflict rules)",
              o,
              winner);
        }
      }
    }
    for (Order o : t.ofKind(OrderKind.RESCIND_NOTICE)) {
      if (voided.contains(o)) {
        continue;
      }
      MemberStatus before = t.b.statusBeforeNotice(o.actor(), o.org());
      t.b.status(o.actor(), o.org(), before);
      t.b.noticeLeft(o.actor(), o.org(), 0);
      standardEffects(t, o, "rescinded notice");
      t.sayPublic(
          Phase.LEGAL,
          t.name(o.actor())
              + " rescinded its notice of withdrawal from the "
              + o.org()
              + " and is again "
              + OrderValidator.describe(before)
              + ".",
          withdrawal(t, o),
          o);
    }
    List<Order> notices = new ArrayList<>();
    for (Order o : t.ofKind(OrderKind.GIVE_NOTICE)) {
      if (voided.contains(o)) {
        continue;
      }
      notices.add(o);
      Organisation org = t.scenario.organisation(o.org()).orElseThrow();
      boolean grievance = t.start.grievance(o.actor()) > 0;
      OrderRule rule = t.scenario.rule(o.kind());
      for (Effect e : rule.effects()) {
        Effect applied = e;
        if (grievance && isOwnDomOrStd(e)) {
          applied = new Effect(e.target(), e.delta() / 2);
        }
        Refs.queue(
            t.ledger,
            applied,
            Turn.bindings(o),
            new Ledger.Cause(
                t.possessive(o.actor()),
                "notice of withdrawal"
                    + (grievance && applied != e ? " (halved by its grievance)" : ""),
                org.clauses().withdrawal()));
      }
      int effective = t.number + org.clauses().noticeTurns();
      t.sayPublic(
          Phase.LEGAL,
          t.name(o.actor())
              + " gave notice under "
              + org.clauses().withdrawal()
              + "; withdrawal takes effect at the end of "
              + t.turnLabel(effective)
              + " unless rescinded.",
          org.clauses().withdrawal(),
          o);
    }
    for (Order o : t.orders) {
      if (voided.contains(o)) {
        continue;
      }
      switch (o.kind()) {
        case FREEZE:
          t.b.status(o.actor(), o.org(), MemberStatus.FROZEN);
          standardEffects(t, o, "freeze");
          t.sayPublic(
              Phase.LEGAL,
              t.name(o.actor())
                  + " froze its participation in the "
                  + o.org()
                  + ": no attendance, no drills, no blocking; its obligations formally continue.",
              cite(t, o),
              o);
          break;
        case RESUME:
          t.b.status(o.actor(), o.org(), MemberStatus.ACTIVE);
          t.b.duesWithheld(o.actor(), o.org(), false);
          standardEffects(t, o, "return to full participation");
          t.sayPublic(
              Phase.LEGAL,
              t.name(o.actor())
                  + " resumed full participation in the "
                  + o.org()
                  + " and pays its dues again.",
              cite(t, o),
              o);
          break;
        default:
          break;
      }
    }
    for (Order o : t.ofKind(OrderKind.WITHHOLD_DUES)) {
      if (voided.contains(o)) {
        continue;
      }
      t.b.duesWithheld(o.actor(), o.org(), true);
      standardEffects(t, o, "withheld dues");
      t.sayPublic(
          Phase.LEGAL,
          t.name(o.actor()) + " stopped paying its dues to the " + o.org() + ".",
          cite(t, o),
          o);
    }
    for (Order o : t.ofKind(OrderKind.APPLY_MEMBERSHIP)) {
      t.b.status(o.actor(), o.org(), MemberStatus.APPLICANT);
      t.b.markApplied(o.actor(), o.org());
      standardEffects(t, o, "membership application");
      Organisation org = t.scenario.organisation(o.org()).orElseThrow();
      t.sayPublic(
          Phase.LEGAL,
          t.name(o.actor())
              + " applied for membership of the "
              + o.org()
              + (org.clauses().external()
                  ? "; accession is a long process beyond this game."
                  : "; members decide this turn."),
          cite(t, o),
          o);
    }
    return notices;
  }

  private static String withdrawal(Turn t, Order o) {
    return t.scenario.organisation(o.org()).orElseThrow().clauses().withdrawal();
  }

  private static boolean isOwnDomOrStd(Effect e) {
    String s = e.target().toString().replace(" ", "");
    return s.equals("dom(self)") || s.equals("std(self)");
  }
}
