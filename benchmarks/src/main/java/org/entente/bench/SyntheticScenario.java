package org.entente.bench;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.entente.engine.expr.Names;
import org.entente.engine.expr.QuantityRef;
import org.entente.engine.model.Actor;
import org.entente.engine.model.Clauses;
import org.entente.engine.model.DecisionRule;
import org.entente.engine.model.Doctrine;
import org.entente.engine.model.Effect;
import org.entente.engine.model.Mechanics;
import org.entente.engine.model.MemberStatus;
import org.entente.engine.model.Membership;
import org.entente.engine.model.Metadata;
import org.entente.engine.model.OrderKind;
import org.entente.engine.model.OrderRule;
import org.entente.engine.model.Organisation;
import org.entente.engine.model.Press;
import org.entente.engine.model.Quantities;
import org.entente.engine.model.Relation;
import org.entente.engine.model.Scenario;
import org.entente.engine.model.Track;
import org.entente.engine.model.TurnLength;
import org.entente.engine.model.VariantRule;
import org.entente.engine.order.Order;

/**
 * A large synthetic scenario for scaling benchmarks: n countries, n/10 organisations of ten
 * members each, random trust, and a seeded set of orders per country mixing every family.
 */
public final class SyntheticScenario {
  private SyntheticScenario() {}

  public static String id(int i) {
    return "C" + i;
  }

  public static Scenario build(int countries, int organisations) {
    List<Actor> actors = new ArrayList<>();
    for (int i = 0; i < countries; i++) {
      actors.add(
          new Actor(
              id(i),
              "Country " + i,
              true,
              new Quantities(50, 50, 50, 1 + i % 7),
              10,
              Set.of(),
              0,
              Doctrine.NONE,
              "",
              List.of()));
    }
    List<Organisation> orgs = new ArrayList<>();
    for (int j = 0; j < organisations; j++) {
      List<Membership> members = new ArrayList<>();
      for (int k = 0; k < 10; k++) {
        members.add(
            new Membership(
                id((j * 10 + k) % countries), MemberStatus.ACTIVE, 0, false, 0, List.of()));
      }
      orgs.add(
          new Organisation(
              "O" + j,
              "Organisation " + j,
              "",
              "",
              50,
              50,
              List.copyOf(new LinkedHashSet<>(members)),
              new Clauses(
                  "Art. 4",
                  "Art. 2",
                  "Art. 19",
                  6,
                  DecisionRule.CONSENSUS,
                  0,
                  "consensus",
                  true,
                  "suspension",
                  0,
                  "Art. 1",
                  false),
              List.of(),
              ""));
    }
    SplittableRandom rnd = new SplittableRandom(42);
    List<Relation> relations = new ArrayList<>();
    for (int a = 0; a < countries; a++) {
      for (int b = 0; b < countries; b++) {
        if (a != b && rnd.nextInt(4) == 0) {
          relations.add(new Relation(id(a), id(b), rnd.nextInt(-80, 81), List.of()));
        }
      }
    }
    List<Track> tracks =
        List.of(
            new Track("TENSION", "Tension", 30, 0, 100, 0, 0, "", List.of()),
            new Track("PEACE", "Peace", 40, 0, 100, 0, 0, "", List.of()));
    Set<String> actorIds = new LinkedHashSet<>();
    actors.forEach(x -> actorIds.add(x.id()));
    Set<String> orgIds = new LinkedHashSet<>();
    orgs.forEach(x -> orgIds.add(x.id()));
    Names names = Names.of(actorIds, orgIds, Set.of("TENSION", "PEACE"), Set.of());
    Map<OrderKind, OrderRule> rules = new EnumMap<>(OrderKind.class);
    rules.put(
        OrderKind.STATEMENT,
        rule(
            OrderKind.STATEMENT,
            0,
            names,
            List.of("trust(target, self)", "-2"),
            Map.of("CONDEMN", List.of("std(target)", "-1"))));
    rules.put(
        OrderKind.JOINT_EXERCISE,
        rule(
            OrderKind.JOINT_EXERCISE,
            1,
            names,
            List.of("mutual_trust(self, target)", "5", "track(TENSION)", "1"),
            Map.of()));
    rules.put(
        OrderKind.ESCALATE,
        rule(
            OrderKind.ESCALATE,
            1,
            names,
            List.of(),
            Map.of(
                "INCIDENT",
                List.of("track(TENSION)", "10", "sec(target)", "-3"),
                "INCURSION",
                List.of("track(TENSION)", "20", "sec(target)", "-8"))));
    rules.put(
        OrderKind.ECONOMIC_PRESSURE,
        rule(
            OrderKind.ECONOMIC_PRESSURE,
            1,
            names,
            List.of("dom(target)", "-3", "trust(target, self)", "-5"),
            Map.of()));
    rules.put(
        OrderKind.PROPOSE_PARTNERSHIP,
        rule(
            OrderKind.PROPOSE_PARTNERSHIP,
            1,
            names,
            List.of("trust(target, self)", "3"),
            Map.of()));
    Mechanics m =
        new Mechanics(
            10, 1, 15, 3, -5, -15, -20, -3, 15, -5, -15, -20, 12, -5, 6, -2, -2, 35, 2, "TENSION",
            "PEACE", 6);
    Metadata meta =
        new Metadata(
            "synthetic-" + countries,
            "Synthetic " + countries,
            "",
            java.time.LocalDate.of(2024, 6, 13),
            TurnLength.MONTH,
            12,
            "",
            List.of(),
            "",
            Press.FULL);
    return new Scenario(
        meta, actors, orgs, relations, List.of(), tracks, List.of(), rules, m, List.of(), List.of(),
        List.of());
  }

  private static OrderRule rule(
      OrderKind kind,
      int cost,
      Names names,
      List<String> effects,
      Map<String, List<String>> variants) {
    Map<String, VariantRule> vs = new java.util.HashMap<>();
    variants.forEach(
        (k, v) -> vs.put(k, new VariantRule(k, 0, effects(names, v), List.of(), List.of(), 0, 0)));
    return new OrderRule(kind, cost, 0, List.of(), effects(names, effects), vs, List.of(), "", "");
  }

  private static List<Effect> effects(Names names, List<String> pairs) {
    List<Effect> out = new ArrayList<>();
    for (int i = 0; i < pairs.size(); i += 2) {
      QuantityRef.ParseResult r = QuantityRef.parse(pairs.get(i), names);
      if (!r.ok()) {
        throw new IllegalStateException(r.errors().toString());
      }
      out.add(new Effect(r.ref(), Integer.parseInt(pairs.get(i + 1))));
    }
    return out;
  }

  /** {@code perCountry} orders for each country, seeded; bilateral ones mostly matched. */
  public static Map<String, List<Order>> orders(Scenario sc, int perCountry, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    int n = sc.actorCount();
    Map<String, List<Order>> out = new java.util.LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      out.put(id(i), new ArrayList<>());
    }
    for (int i = 0; i < n; i++) {
      List<Order> mine = out.get(id(i));
      int partner = (i % 2 == 0) ? (i + 1) % n : (i - 1 + n) % n;
      String org = "O" + ((i / 10) % Math.max(1, sc.organisationCount()));
      List<Order> candidates =
          new ArrayList<>(
              List.of(
                  Order.of(id(i), OrderKind.JOINT_EXERCISE).withTarget(id(partner)),
                  Order.of(id(i), OrderKind.STATEMENT)
                      .withTarget(id(rnd.nextInt(n)))
                      .withOption("CONDEMN"),
                  Order.of(id(i), OrderKind.PROPOSE_PARTNERSHIP)
                      .withTarget(id(partner))
                      .withOption("DIALOGUE"),
                  Order.of(id(i), OrderKind.ESCALATE)
                      .withTarget(id((i + 3) % n))
                      .withOption(rnd.nextBoolean() ? "INCIDENT" : "INCURSION"),
                  Order.of(id(i), OrderKind.ECONOMIC_PRESSURE).withTarget(id((i + 5) % n)),
                  Order.of(id(i), OrderKind.REQUEST_CONSULTATION).withOrg(org),
                  Order.of(id(i), OrderKind.ORG_PROPOSAL)
                      .withOrg(org)
                      .withOption("CONDEMNATION")
                      .withTarget(id((i + 7) % n)),
                  Order.of(id(i), OrderKind.ARMS_DEAL)
                      .withTarget(id(partner))
                      .withOther(i % 2 == 0 ? id(i) : id(partner))
                      .withOption("SMALL"),
                  Order.of(id(i), OrderKind.WITHHOLD_DUES).withOrg(org),
                  Order.of(id(i), OrderKind.OBJECT)
                      .withOrg(org)
                      .withOption("CONDEMNATION")
                      .withTarget(id((i + 17) % n))));
      for (int k = 0; k < perCountry && k < candidates.size(); k++) {
        Order o = candidates.get(k);
        if (o.target().equals(o.actor())) {
          continue;
        }
        mine.add(o);
      }
    }
    return out;
  }
}
