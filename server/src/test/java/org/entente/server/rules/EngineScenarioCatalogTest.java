package org.entente.server.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.entente.engine.order.OrderCheck;
import org.entente.engine.report.Visibility;
import org.entente.scenarios.BuiltInScenarios;
import org.junit.jupiter.api.Test;

class EngineScenarioCatalogTest {
  private final EngineScenarioCatalog catalog = new EngineScenarioCatalog();

  @Test
  void listsTheBuiltInScenarioWithItsPlayableCountries() {
    assertThat(catalog.builtIns()).extracting(ScenarioInfo::id).contains("armenia-csto-2024");
    ScenarioInfo armenia = catalog.loadBuiltIn("armenia-csto-2024").orElseThrow().info();
    assertThat(armenia.playableCountryIds())
        .containsExactlyInAnyOrder("ARM", "RUS", "AZE", "USA", "FRA");
    assertThat(catalog.loadBuiltIn("atlantis")).isEmpty();
  }

  @Test
  void aScenarioFileIsValidatedWithEveryProblemLocated() {
    ScenarioCatalog.Loaded broken =
        catalog.loadFile("mine.textproto", "format_version: 1\nmetadata { id: \"x\" }\nbogus: 3\n");
    assertThat(broken.problems())
        .isNotEmpty()
        .allSatisfy(p -> assertThat(p).startsWith("mine.textproto:"));
    ScenarioCatalog.Loaded copy =
        catalog.loadFile("copy.textproto", BuiltInScenarios.text("armenia-csto-2024"));
    assertThat(copy.problems()).isEmpty();
    assertThat(copy.info().id()).isEqualTo("armenia-csto-2024");
  }

  @Test
  void theBuiltInScenarioPlaysATurnThroughTheSeam() {
    SessionRules rules = catalog.loadBuiltIn("armenia-csto-2024").orElseThrow().newSession();
    OrderCheck notice = rules.check("ARM", List.of(), "GIVE_NOTICE CSTO");
    assertThat(notice.verdict()).as(notice.reason()).isEqualTo(OrderCheck.Verdict.ACCEPTED);
    ResolvedTurn turn = rules.resolve(Map.of("ARM", List.of(notice.order().orElseThrow())), 7);
    assertThat(turn.turn()).isEqualTo(1);
    assertThat(turn.lines())
        .anySatisfy(l -> assertThat(l.visibility()).isEqualTo(Visibility.PUBLIC));
  }

  @Test
  void theSnapshotCarriesTheScenariosStartingState() {
    GameSnapshot start =
        catalog.loadBuiltIn("armenia-csto-2024").orElseThrow().newSession().snapshot();
    assertThat(start.turn()).isZero();
    assertThat(start.date()).isEqualTo("2024-06-13");
    assertThat(start.countries())
        .anySatisfy(
            c -> {
              assertThat(c.country()).isEqualTo("ARM");
              assertThat(c.sec()).isEqualTo(35);
            });
    assertThat(start.trust()).contains(new GameSnapshot.Trust("ARM", "RUS", -30));
    assertThat(start.organisations())
        .anySatisfy(
            o -> {
              assertThat(o.id()).isEqualTo("CSTO");
              assertThat(o.members()).contains(new GameSnapshot.Member("ARM", "FROZEN", 0));
            });
  }
}
