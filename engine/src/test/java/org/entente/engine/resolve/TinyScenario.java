package org.entente.engine.resolve;

import java.time.LocalDate;
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
import org.entente.engine.model.Organisation;
import org.entente.engine.model.Press;
import org.entente.engine.model.Quantities;
import org.entente.engine.model.Relation;
import org.entente.engine.model.Scenario;
import org.entente.engine.model.TurnLength;

/** A two-country, one-alliance scenario built in code: no effects, no events, no file. */
final class TinyScenario {
  private TinyScenario() {}

  static Scenario withNoticeTurns(int noticeTurns, int driftPercent) {
    Metadata meta =
        new Metadata(
            "tiny",
            "Tiny",
            "",
            LocalDate.of(2024, 6, 13),
            TurnLength.MONTH,
            12,
            "",
            List.of(),
            "",
            Press.FULL);
    Actor a =
        new Actor(
            "AAA",
            "Aland",
            true,
            new Quantities(50, 50, 50, 1),
            3,
            Set.of(),
            0,
            Doctrine.NONE,
            "",
            List.of());
    Actor b =
        new Actor(
            "BBB",
            "Borduria",
            true,
            new Quantities(50, 50, 50, 1),
            3,
            Set.of(),
            0,
            Doctrine.NONE,
            "",
            List.of());
    Clauses clauses =
        new Clauses(
            "Art. 4",
            "Art. 2",
            "Art. 19",
            noticeTurns,
            DecisionRule.CONSENSUS,
            0,
            "consensus",
            false,
            "",
            0,
            "",
            false);
    Organisation pact =
        new Organisation(
            "PACT",
            "The Pact",
            "",
            "",
            50,
            50,
            List.of(
                new Membership("AAA", MemberStatus.ACTIVE, 0, false, 0, List.of()),
                new Membership("BBB", MemberStatus.ACTIVE, 0, false, 0, List.of())),
            clauses,
            List.of(),
            "");
    Mechanics mechanics =
        new Mechanics(
            driftPercent,
            1,
            15,
            3,
            -5,
            -15,
            -20,
            -3,
            15,
            -5,
            -15,
            -20,
            12,
            -5,
            6,
            -2,
            -2,
            35,
            2,
            "",
            "",
            0);
    return new Scenario(
        meta,
        List.of(a, b),
        List.of(pact),
        List.of(new Relation("AAA", "BBB", 0, List.of())),
        List.of(),
        List.of(),
        List.of(),
        Map.of(),
        mechanics,
        List.of(),
        List.of(),
        List.of());
  }
}
