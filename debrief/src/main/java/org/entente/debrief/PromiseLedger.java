package org.entente.debrief;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.entente.engine.model.Actor;
import org.entente.engine.model.OrderKind;
import org.entente.engine.order.Order;
import org.entente.engine.report.ReportLine;

/**
 * Promises beside actions: each playable country's public words and accepted agreements,
 * and what it did afterwards toward the same country or organisation. The matching is
 * deliberately simple, so that a class can check it by hand; {@link #RULES} states it.
 */
public final class PromiseLedger {
  private PromiseLedger() {}

  /** The matching rules, as the page prints them under "How to read this". */
  public static final ImmutableList<String> RULES =
      ImmutableList.of(
          "Words: a STATEMENT (REASSURE, CRITICISE or CONDEMN) toward a country, or an ANNOUNCE_INTENT about an organisation.",
          "Agreements: a bilateral agreement the engine matched (partnership step, joint exercise, arms deal, peace step),"
              + " counted for both parties, toward each other. Proposals that came to nothing (no matching order,"
              + " a step not yet possible, a premature signature) are not agreements and are not listed.",
          "What it did: the same country's orders in the same turn or later that name the same country"
              + " (as target or other party) or, for an announcement, the same organisation.",
          "Hostile acts: ECONOMIC_PRESSURE, ESCALATE, a CRITICISE or CONDEMN statement, a CONDEMNATION or"
              + " SUSPEND_MEMBER proposal naming the country. Cooperative acts: any bilateral order, a REASSURE"
              + " statement, a RESPOND other than DECLINE.",
          "Verdicts: a reassurance or an agreement followed by a hostile act is 'contradicted'; a criticism"
              + " followed by a hostile act is 'followed through', by cooperation only 'softened'; an announcement"
              + " is 'followed by' the first formal step on that organisation (GIVE_NOTICE, FREEZE, RESUME,"
              + " WITHHOLD_DUES, RESCIND_NOTICE, APPLY_MEMBERSHIP), or has 'no formal step'.");

  /** How a later order relates to a promise. */
  public enum Stance {
    HOSTILE,
    COOPERATIVE,
    FORMAL,
    OTHER
  }

  public record Action(int turn, Order order, Stance stance) {}

  /**
   * One promise: who, when, what was said or agreed, toward whom, what followed and a verdict.
   */
  public record Entry(
      String actor,
      int turn,
      String promise,
      String toward,
      ImmutableList<Action> later,
      String verdict) {}

  /** The ledger of a record, by playable country in scenario order, then by turn. */
  public static ImmutableList<Entry> of(GameRecord record) {
    ImmutableList.Builder<Entry> out = ImmutableList.builder();
    for (Actor actor : record.scenario().playableActors()) {
      String id = actor.id();
      for (GameRecord.Turn turn : record.turns()) {
        for (Order o : turn.orders().getOrDefault(id, ImmutableList.of())) {
          if (o.kind() == OrderKind.STATEMENT && !o.target().isEmpty()) {
            out.add(statement(record, turn.number(), o));
          } else if (o.kind() == OrderKind.ANNOUNCE_INTENT) {
            out.add(announcement(record, turn.number(), o));
          }
        }
        for (ReportLine line : turn.report().lines()) {
          agreement(record, turn.number(), id, line).ifPresent(out::add);
        }
      }
    }
    return out.build();
  }

  private static Entry statement(GameRecord record, int turn, Order o) {
    List<Action> later = later(record, turn, o.actor(), o.target(), "", Set.of(o));
    String tone = o.option();
    String verdict;
    if (tone.equals("REASSURE")) {
      verdict =
          first(later, Stance.HOSTILE)
              .map(a -> "contradicted at T" + a.turn())
              .orElse(has(later, Stance.COOPERATIVE) ? "backed by action" : "words only");
    } else {
      verdict =
          first(later, Stance.HOSTILE)
              .map(a -> "followed through at T" + a.turn())
              .orElse(has(later, Stance.COOPERATIVE) ? "softened" : "words only");
    }
    String said =
        tone.toLowerCase(java.util.Locale.ROOT)
            + " "
            + o.target()
            + (o.text().isEmpty() ? "" : ": \u201c" + o.text() + "\u201d");
    return new Entry(
        o.actor(), turn, "STATEMENT " + said, o.target(), ImmutableList.copyOf(later), verdict);
  }

  private static Entry announcement(GameRecord record, int turn, Order o) {
    List<Action> later = later(record, turn, o.actor(), "", o.org(), Set.of(o));
    String verdict =
        first(later, Stance.FORMAL)
            .map(a -> "followed by " + a.order().kind() + " at T" + a.turn())
            .orElse("no formal step");
    String said =
        "ANNOUNCE_INTENT " + o.org() + (o.text().isEmpty() ? "" : ": \u201c" + o.text() + "\u201d");
    return new Entry(o.actor(), turn, said, o.org(), ImmutableList.copyOf(later), verdict);
  }

  private static java.util.Optional<Entry> agreement(
      GameRecord record, int turn, String actor, ReportLine line) {
    if (line.proposal() != ReportLine.Proposal.AGREED) {
      return java.util.Optional.empty();
    }
    Set<String> parties = new LinkedHashSet<>();
    for (Order o : line.orders()) {
      parties.add(o.actor());
    }
    // A lobbying the other side granted rests on the lobbyist's order alone: no agreement of two.
    if (!parties.remove(actor) || parties.isEmpty()) {
      return java.util.Optional.empty();
    }
    String counterpart = parties.iterator().next();
    List<Action> later = later(record, turn, actor, counterpart, "", Set.copyOf(line.orders()));
    String verdict =
        first(later, Stance.HOSTILE).map(a -> "contradicted at T" + a.turn()).orElse("kept so far");
    return java.util.Optional.of(
        new Entry(
            actor,
            turn,
            "agreed: " + line.text(),
            counterpart,
            ImmutableList.copyOf(later),
            verdict));
  }

  private static List<Action> later(
      GameRecord record, int from, String actor, String country, String org, Set<Order> exclude) {
    List<Action> out = new ArrayList<>();
    for (GameRecord.Turn turn : record.turns()) {
      if (turn.number() < from) {
        continue;
      }
      for (Order o : turn.orders().getOrDefault(actor, ImmutableList.of())) {
        if (exclude.contains(o)) {
          continue;
        }
        boolean related =
            country.isEmpty()
                ? o.org().equals(org)
                : o.target().equals(country) || o.other().equals(country);
        if (related) {
          out.add(new Action(turn.number(), o, country.isEmpty() ? formalOrOther(o) : stance(o)));
        }
      }
    }
    return out;
  }

  /** How an order relates to the country it names. */
  static Stance stance(Order o) {
    switch (o.kind()) {
      case ECONOMIC_PRESSURE:
      case ESCALATE:
        return Stance.HOSTILE;
      case STATEMENT:
        return o.option().equals("REASSURE") ? Stance.COOPERATIVE : Stance.HOSTILE;
      case ORG_PROPOSAL:
        return o.option().equals("CONDEMNATION") || o.option().equals("SUSPEND_MEMBER")
            ? Stance.HOSTILE
            : Stance.OTHER;
      case RESPOND:
        return o.option().equals("DECLINE") ? Stance.OTHER : Stance.COOPERATIVE;
      default:
        return o.kind().group() == OrderKind.Group.BILATERAL ? Stance.COOPERATIVE : Stance.OTHER;
    }
  }

  private static Stance formalOrOther(Order o) {
    switch (o.kind()) {
      case GIVE_NOTICE:
      case FREEZE:
      case RESUME:
      case WITHHOLD_DUES:
      case RESCIND_NOTICE:
      case APPLY_MEMBERSHIP:
        return Stance.FORMAL;
      default:
        return Stance.OTHER;
    }
  }

  private static java.util.Optional<Action> first(List<Action> actions, Stance stance) {
    return actions.stream().filter(a -> a.stance() == stance).findFirst();
  }

  private static boolean has(List<Action> actions, Stance stance) {
    return first(actions, stance).isPresent();
  }
}
