package org.entente.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.entente.engine.model.Doctrine;
import org.entente.engine.model.OrderKind;
import org.entente.engine.model.Scenario;
import org.junit.jupiter.api.Test;

/** Bot doctrine (priorities, offer rules): loaded into the model, every mistake reported. */
class BotDoctrineProblemsTest {
  private static String withArmDoctrine(String doctrine) {
    return Fixtures.base(
        "  source: [\"SRC\"]\n", "  source: [\"SRC\"]\n  doctrine {\n" + doctrine + "  }\n");
  }

  private static List<String> problems(String text) {
    return ScenarioLoader.load("t.textproto", text).problems().stream()
        .filter(p -> !p.message().startsWith("no order_rule") && !p.code().equals("no-orders"))
        .map(Problem::toString)
        .toList();
  }

  @Test
  void prioritiesAndOfferRulesLoadIntoTheModel() {
    Scenario s =
        ScenarioLoader.load(
                "t.textproto",
                withArmDoctrine(
                    """
          priorities { order: "GIVE_NOTICE CSTO" when: "dom(self) >= 35" weight: 80 chance: 50 }
          priorities { order: "STATEMENT RUS CRITICISE" weight: 10 }
          offers { kind: JOINT_EXERCISE when: "trust(self, target) >= 0 and option == NONE" accept: true reason: "why not" }
        """))
            .scenario()
            .orElseThrow();
    Doctrine d = s.actor("ARM").orElseThrow().doctrine();
    assertThat(d.priorities())
        .extracting(p -> p.order().toText() + " " + p.weight() + " " + p.chance())
        .containsExactly("GIVE_NOTICE CSTO 80 50", "STATEMENT RUS CRITICISE 10 0");
    assertThat(d.priorities().get(1).when()).isNull();
    assertThat(d.offers())
        .singleElement()
        .satisfies(
            o -> {
              assertThat(o.kind()).isEqualTo(OrderKind.JOINT_EXERCISE);
              assertThat(o.accept()).isTrue();
              assertThat(o.reason()).isEqualTo("why not");
            });
  }

  @Test
  void weightOutOfRangeIsARangeError() {
    assertThat(
            problems(withArmDoctrine("    priorities { order: \"GIVE_NOTICE CSTO\" weight: 0 }\n")))
        .singleElement()
        .asString()
        .contains("error: range: weight is 0; it must be between 1 and 100");
    assertThat(
            problems(
                withArmDoctrine(
                    "    priorities { order: \"GIVE_NOTICE CSTO\" weight: 5 chance: 101 }\n")))
        .singleElement()
        .asString()
        .contains("error: range: chance is 101");
  }

  @Test
  void priorityOrderIsCheckedLikeAStandingOrder() {
    assertThat(
            problems(withArmDoctrine("    priorities { order: \"GIVE_NOTICE NATO\" weight: 5 }\n")))
        .singleElement()
        .asString()
        .contains("error: bad-order:")
        .contains("NATO");
    assertThat(problems(withArmDoctrine("    priorities { weight: 5 }\n")))
        .singleElement()
        .asString()
        .contains("error: missing: priority `order` is required");
  }

  @Test
  void offerConditionsKnowSelfTargetAndOptionOnly() {
    assertThat(
            problems(
                withArmDoctrine(
                    "    offers { kind: ARMS_DEAL when: \"requester == RUS\" accept: true }\n")))
        .singleElement()
        .asString()
        .contains("error: expr-");
    assertThat(
            problems(
                withArmDoctrine(
                    "    offers { kind: ARMS_DEAL when: \"target == RUS and option == SMALL\" accept: true }\n")))
        .isEmpty();
  }

  @Test
  void offerRulesAnswerBilateralKindsOnly() {
    assertThat(problems(withArmDoctrine("    offers { kind: GIVE_NOTICE accept: true }\n")))
        .singleElement()
        .asString()
        .contains("error: contradiction: offer rules answer bilateral offers");
    assertThat(problems(withArmDoctrine("    offers { accept: true }\n")))
        .singleElement()
        .asString()
        .contains("error: missing: offer rule `kind` is required");
  }
}
