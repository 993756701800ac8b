package org.entente.engine.resolve;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.entente.engine.Phase;
import org.entente.engine.expr.Bindings;
import org.entente.engine.expr.Quantity;
import org.entente.engine.model.Actor;
import org.entente.engine.model.Doctrine.LobbyRule;
import org.entente.engine.model.OrderKind;
import org.entente.engine.model.Organisation;
import org.entente.engine.model.PartnershipLevel;
import org.entente.engine.model.VariantRule;
import org.entente.engine.order.Order;
import org.entente.engine.report.ReportLine.Proposal;
import org.entente.engine.report.Visibility;
import org.entente.engine.state.Delivery;

/**
 * P7, bilateral matching: an agreement needs both sides' matching orders in the same turn.
 * Matching offers are accepted; an unmatched offer has its failure effects and a private line.
 * Pairs are visited in actor-id order.
 */
final class BilateralPhase {
  private BilateralPhase() {}

  static void run(Turn t) {
    Set<Order> matched = new HashSet<>();
    Map<String, String> mediation = mediation(t, matched);
    for (Order o : t.ofKind(OrderKind.PROPOSE_PARTNERSHIP)) {
      Order m =
          counter(
              t,
              o,
              x ->
                  x.kind() == o.kind()
                      && x.target().equals(o.actor())
                      && x.option().equals(o.option()));
      if (m != null && o.actor().compareTo(m.actor()) < 0) {
        partnership(t, o, m, matched);
      }
    }
    for (Order o : t.ofKind(OrderKind.JOINT_EXERCISE)) {
      Order m = counter(t, o, x -> x.kind() == o.kind() && x.target().equals(o.actor()));
      if (m != null && o.actor().compareTo(m.actor()) < 0) {
        matched.add(o);
        matched.add(m);
        t.b.countExercise(o.actor(), m.actor());
        LegalPhase.standardEffects(t, o, "joint exercise");
        LegalPhase.standardEffects(t, m, "joint exercise");
        t.say(
            Phase.BILATERAL,
            Visibility.PUBLIC,
            Proposal.AGREED,
            t.name(o.actor()) + " and " + t.name(m.actor()) + " held a joint military exercise.",
            LegalPhase.cite(t, o),
            o,
            m);
      }
    }
    for (Order o : t.ofKind(OrderKind.ARMS_DEAL)) {
      boolean seller = o.other().equals(o.actor());
      if (!seller) {
        continue;
      }
      Order m =
          counter(
              t,
              o,
              x ->
                  x.kind() == o.kind()
                      && x.target().equals(o.actor())
                      && x.other().equals(o.actor())
                      && x.option().equals(o.option()));
      if (m != null) {
        matched.add(o);
        matched.add(m);
        VariantRule v = t.scenario.rule(o.kind()).variants().get(o.option());
        int turns = v == null ? 1 : Math.max(0, v.turns());
        int force = v == null ? 0 : v.amount();
        t.b
            .pendingDeliveries()
            .add(new Delivery(o.actor(), o.target(), o.option(), force, t.number + turns));
        LegalPhase.standardEffects(t, o, "arms deal");
        LegalPhase.standardEffects(t, m, "arms deal");
        t.say(
            Phase.BILATERAL,
            Visibility.PUBLIC,
            Proposal.AGREED,
            t.name(o.actor())
                + " agreed to sell "
                + t.name(o.target())
                + " a "
                + o.option().toLowerCase(java.util.Locale.ROOT)
                + " arms package, to be delivered at the end of "
                + t.turnLabel(t.number + turns)
                + ".",
            LegalPhase.cite(t, o),
            o,
            m);
      }
    }
    for (Order o : t.ofKind(OrderKind.PEACE_STEP)) {
      Order m =
          counter(
              t,
              o,
              x ->
                  x.kind() == o.kind()
                      && x.target().equals(o.actor())
                      && x.option().equals(o.option()));
      if (m != null && o.actor().compareTo(m.actor()) < 0) {
        peaceStep(t, o, m, mediation, matched);
      }
    }
    for (Order o : t.ofKind(OrderKind.LOBBY)) {
      lobby(t, o);
      matched.add(o);
    }
    for (Order o : t.orders) {
      if (o.kind().group() == OrderKind.Group.BILATERAL && !matched.contains(o)) {
        unmatched(t, o);
      }
    }
  }

  private static Order counter(Turn t, Order o, java.util.function.Predicate<Order> p) {
    for (Order x : t.of(o.target())) {
      if (p.test(x)) {
        return x;
      }
    }
    return null;
  }

  private static String pairKey(String a, String b) {
    return a.compareTo(b) < 0 ? a + "|" + b : b + "|" + a;
  }

  /** Mediations in force this turn: pair key → mediator; several candidates: lowest id. */
  private static Map<String, String> mediation(Turn t, Set<Order> matched) {
    Map<String, String> inForce = new TreeMap<>();
    for (Order o : t.ofKind(OrderKind.MEDIATE)) {
      Order accA = find(t, o.target(), o.actor(), o.other());
      Order accB = find(t, o.other(), o.actor(), o.target());
      if (accA == null || accB == null) {
        continue;
      }
      String key = pairKey(o.target(), o.other());
      if (inForce.containsKey(key)) {
        continue;
      }
      inForce.put(key, o.actor());
      matched.add(o);
      matched.add(accA);
      matched.add(accB);
      LegalPhase.standardEffects(t, o, "accepted mediation");
      LegalPhase.standardEffects(t, accA, "accepted mediation");
      LegalPhase.standardEffects(t, accB, "accepted mediation");
      t.say(
          Phase.BILATERAL,
          Visibility.PUBLIC,
          Proposal.AGREED,
          t.name(o.target())
              + " and "
              + t.name(o.other())
              + " accepted "
              + t.possessive(o.actor())
              + " mediation.",
          LegalPhase.cite(t, o),
          o,
          accA,
          accB);
    }
    return inForce;
  }

  private static Order find(Turn t, String party, String mediator, String counterpart) {
    for (Order x : t.of(party)) {
      if (x.kind() == OrderKind.ACCEPT_MEDIATION
          && x.target().equals(mediator)
          && x.other().equals(counterpart)) {
        return x;
      }
    }
    return null;
  }

  private static void partnership(Turn t, Order o, Order m, Set<Order> matched) {
    PartnershipLevel wanted = PartnershipLevel.valueOf(o.option());
    String why =
        Partnerships.whyNot(t.scenario, t.start, o.actor(), m.actor(), wanted).orElse(null);
    if (why != null) {
      // Both sides ordered it: the orders matched, but the step is not possible yet.
      matched.add(o);
      matched.add(m);
      LegalPhase.failureEffects(t, o, "partnership step that was not possible");
      LegalPhase.failureEffects(t, m, "partnership step that was not possible");
      t.say(
          Phase.BILATERAL,
          Visibility.actors(o.actor(), m.actor()),
          Proposal.FAILED,
          t.name(o.actor())
              + " and "
              + t.name(m.actor())
              + " both proposed "
              + wanted
              + ", but the step was not possible: "
              + why
              + ".",
          LegalPhase.cite(t, o),
          o,
          m);
      return;
    }
    matched.add(o);
    matched.add(m);
    t.b.partnership(o.actor(), m.actor(), wanted, 0);
    LegalPhase.standardEffects(t, o, "partnership step");
    LegalPhase.standardEffects(t, m, "partnership step");
    t.say(
        Phase.BILATERAL,
        Visibility.PUBLIC,
        Proposal.AGREED,
        t.name(o.actor())
            + " and "
            + t.name(m.actor())
            + " raised their relationship to "
            + wanted.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
            + ".",
        LegalPhase.cite(t, o),
        o,
        m);
    if (wanted == PartnershipLevel.MUTUAL_DEFENCE) {
      for (Order side : List.of(o, m)) {
        String outsider = side == o ? m.actor() : o.actor();
        for (Organisation org : t.scenario.organisations()) {
          if (!org.clauses().noOtherAlliance().isEmpty()
              && t.start.memberStatus(side.actor(), org.id()).participating()
              && !t.start.memberStatus(outsider, org.id()).participating()) {
            t.sayPublic(
                Phase.BILATERAL,
                t.possessive(side.actor())
                    + " mutual-defence pact with "
                    + t.name(outsider)
                    + " breaches its obligation not to join another alliance while in the "
                    + org.id()
                    + ".",
                org.clauses().noOtherAlliance(),
                side);
          }
        }
      }
    }
  }

  private static void peaceStep(
      Turn t, Order o, Order m, Map<String, String> mediation, Set<Order> matched) {
    matched.add(o);
    matched.add(m);
    VariantRule v = t.scenario.rule(o.kind()).variants().get(o.option());
    if (o.option().equals("SIGN")) {
      int needed = v == null ? 0 : v.amount();
      int peace = t.start.track(t.mechanics.peaceTrack());
      if (peace < needed) {
        LegalPhase.failureEffects(t, o, "premature signature");
        LegalPhase.failureEffects(t, m, "premature signature");
        t.say(
            Phase.BILATERAL,
            Visibility.PUBLIC,
            Proposal.FAILED,
            t.name(o.actor())
                + " and "
                + t.name(m.actor())
                + " were ready to sign, but the peace track is "
                + peace
                + " and signing needs "
                + needed
                + ".",
            LegalPhase.cite(t, o),
            o,
            m);
        return;
      }
    }
    String mediator = mediation.getOrDefault(pairKey(o.actor(), m.actor()), "");
    t.b.addPeaceStep(o.actor(), m.actor(), PeaceSteps.bit(o.option()));
    if (!mediator.isEmpty()) {
      t.b.countMediated(mediator);
    }
    if (o.option().equals("SIGN")) {
      t.b.sign(o.actor(), m.actor(), mediator);
    }
    LegalPhase.standardEffects(t, o, "peace step");
    LegalPhase.standardEffects(t, m, "peace step");
    String step = o.option().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    t.say(
        Phase.BILATERAL,
        Visibility.PUBLIC,
        Proposal.AGREED,
        t.name(o.actor())
            + " and "
            + t.name(m.actor())
            + (o.option().equals("SIGN")
                ? " signed a peace treaty"
                : " agreed a peace step: " + step)
            + (mediator.isEmpty() ? "." : ", with " + t.name(mediator) + " mediating."),
        LegalPhase.cite(t, o),
        o,
        m);
  }

  private static void lobby(Turn t, Order o) {
    Actor target = t.scenario.actor(o.target()).orElseThrow();
    Bindings b = Bindings.of("self", target.id(), "lobbyist", o.actor(), "option", o.option());
    boolean grant = false;
    for (LobbyRule r : target.doctrine().lobbying()) {
      if (t.holds(r.when(), b)) {
        grant = r.grant();
        break;
      }
    }
    String what =
        o.option().equals("FUNDS")
            ? "funds for " + t.name(o.other())
            : (o.option().equals("RENEW") ? "the renewal of " : "the expansion of ")
                + t.scenario.presence(o.presence()).orElseThrow().name();
    if (!grant) {
      LegalPhase.failureEffects(t, o, "lobbying that was refused");
      t.say(
          Phase.BILATERAL,
          Visibility.actors(o.actor()),
          Proposal.FAILED,
          t.name(target.id())
              + " did not grant "
              + t.possessive(o.actor())
              + " lobbying for "
              + what
              + ".",
          LegalPhase.cite(t, o),
          o);
      return;
    }
    VariantRule v = t.scenario.rule(o.kind()).variants().get(o.option());
    if (o.option().equals("RENEW")) {
      t.b.add(Quantity.PRESENCE_TURNS, o.presence(), "", v == null ? 0 : v.turns());
      t.b.countRenewal(o.presence());
    } else if (o.option().equals("EXPAND")) {
      t.b.add(Quantity.PRESENCE_STRENGTH, o.presence(), "", v == null ? 0 : v.amount());
      t.b.countExpansion(o.presence());
    }
    LegalPhase.standardEffects(t, o, "successful lobbying");
    t.say(
        Phase.BILATERAL,
        Visibility.PUBLIC,
        Proposal.AGREED,
        t.name(target.id()) + " granted " + t.possessive(o.actor()) + " lobbying for " + what + ".",
        LegalPhase.cite(t, o),
        o);
  }

  /**
   * An offer nobody matched: its failure effects, a line to the proposer, and a line to each
   * country that could match it next turn, with the order that would (docs/rules.md, section 5).
   */
  private static void unmatched(Turn t, Order o) {
    LegalPhase.failureEffects(t, o, "offer that found no match");
    boolean twoParties = o.kind() == OrderKind.MEDIATE || o.kind() == OrderKind.ACCEPT_MEDIATION;
    List<String> parties = twoParties ? List.of(o.target(), o.other()) : List.of(o.target());
    List<String> names = parties.stream().map(t::name).toList();
    t.say(
        Phase.BILATERAL,
        Visibility.actors(o.actor()),
        Proposal.UNMATCHED,
        t.name(o.actor())
            + " offered "
            + offer(t, o)
            + ", but "
            + String.join(" and ", names)
            + (parties.size() == 1
                ? " gave no matching order"
                : " did not both give the matching orders")
            + " this turn; nothing was agreed.",
        LegalPhase.cite(t, o),
        o);
    for (String party : parties) {
      java.util.Optional<Order> reply = org.entente.engine.bot.Reply.to(o, party);
      if (reply.isEmpty()
          || party.equals(o.actor())
          || t.of(party).stream().anyMatch(x -> x.toText().equals(reply.get().toText()))) {
        continue;
      }
      t.say(
          Phase.BILATERAL,
          Visibility.actors(party),
          Proposal.OFFER,
          t.name(o.actor())
              + " offered "
              + offer(t, o)
              + "; to accept, order `"
              + reply.get().toText()
              + "` next turn ("
              + t.name(o.actor())
              + " must order it again).",
          LegalPhase.cite(t, o),
          o);
    }
  }

  /** The offer in words: "the United States a joint exercise", "to sell Armenia a small arms package". */
  private static String offer(Turn t, Order o) {
    String option = o.option().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    switch (o.kind()) {
      case PROPOSE_PARTNERSHIP:
        return t.name(o.target()) + " to raise their relationship to " + option;
      case JOINT_EXERCISE:
        return t.name(o.target()) + " a joint exercise";
      case ARMS_DEAL:
        return o.other().equals(o.actor())
            ? "to sell " + t.name(o.target()) + " a " + option + " arms package"
            : "to buy a " + option + " arms package from " + t.name(o.target());
      case PEACE_STEP:
        return t.name(o.target())
            + (o.option().equals("SIGN")
                ? " to sign the peace treaty"
                : " a peace step: " + option);
      case MEDIATE:
        return "to mediate between " + t.name(o.target()) + " and " + t.name(o.other());
      case ACCEPT_MEDIATION:
        return "to accept " + t.possessive(o.target()) + " mediation with " + t.name(o.other());
      default:
        return o.toText();
    }
  }
}
