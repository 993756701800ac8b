package org.entente.server.testing;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.entente.engine.model.Actor;
import org.entente.engine.model.Clauses;
import org.entente.engine.model.DecisionRule;
import org.entente.engine.model.Doctrine;
import org.entente.engine.model.Mechanics;
import org.entente.engine.model.MemberStatus;
import org.entente.engine.model.Membership;
import org.entente.engine.model.Metadata;
import org.entente.engine.model.OrderKind;
import org.entente.engine.model.Organisation;
import org.entente.engine.model.Press;
import org.entente.engine.model.Quantities;
import org.entente.engine.model.Relation;
import org.entente.engine.model.Scenario;
import org.entente.engine.model.Track;
import org.entente.engine.model.TurnLength;

/** A small engine scenario built in code (the scenario loader is not on main yet). */
public final class SmallScenario {
  private SmallScenario() {}

  public static Scenario build() {
    Metadata metadata =
        new Metadata(
            "small-test",
            "Small test",
            "Two countries and an alliance.",
            LocalDate.of(2024, 6, 13),
            TurnLength.MONTH,
            3,
            "Briefing.",
            List.of(),
            "tests",
            Press.FULL);
    List<Actor> actors =
        List.of(
            actor("ARM", "Armenia", true, Set.of()),
            actor("RUS", "Russia", true, EnumSet.of(OrderKind.STATEMENT)),
            actor("KAZ", "Kazakhstan", false, Set.of()));
    Clauses clauses =
        new Clauses(
            "Art. 4",
            "Art. 2",
            "Art. 19",
            6,
            DecisionRule.CONSENSUS,
            0,
            "Charter",
            true,
            "Art. 22",
            2,
            "Art. 1",
            false);
    Organisation csto =
        new Organisation(
            "CSTO",
            "Collective Security Treaty Organization",
            "Moscow",
            "1992",
            25,
            45,
            List.of(
                member("ARM", MemberStatus.FROZEN),
                member("RUS", MemberStatus.ACTIVE),
                member("KAZ", MemberStatus.ACTIVE)),
            clauses,
            List.of(),
            "An alliance.");
    List<Track> tracks =
        List.of(
            new Track("tension", "Border tension", 35, 0, 100, 0, 35, "", List.of()),
            new Track("peace", "Peace track", 40, 0, 100, 0, 40, "", List.of()));
    Mechanics mechanics =
        new Mechanics(
            10, 1, 15, 3, -5, -15, -20, -3, 15, -5, -15, -20, 12, -5, 6, -2, -2, 35, 2, "tension",
            "peace", 3);
    return new Scenario(
        metadata,
        actors,
        List.of(csto),
        List.of(new Relation("ARM", "RUS", -30, List.of())),
        List.of(),
        tracks,
        List.of(),
        Map.of(),
        mechanics,
        List.of(),
        List.of(),
        List.of());
  }

  private static Actor actor(String id, String name, boolean playable, Set<OrderKind> allowed) {
    return new Actor(
        id,
        name,
        playable,
        new Quantities(50, 50, 50, 2),
        3,
        allowed,
        0,
        Doctrine.NONE,
        "",
        List.of());
  }

  private static Membership member(String actor, MemberStatus status) {
    return new Membership(actor, status, 0, false, 0, List.of());
  }
}
