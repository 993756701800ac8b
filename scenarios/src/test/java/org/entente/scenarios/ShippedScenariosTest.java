package org.entente.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.entente.engine.model.Scenario;
import org.junit.jupiter.api.Test;

class ShippedScenariosTest {
  @Test
  void everyShippedScenarioLoadsWithoutErrors() {
    assertThat(BuiltInScenarios.ids()).isNotEmpty();
    for (String id : BuiltInScenarios.ids()) {
      LoadResult result = BuiltInScenarios.result(id);
      assertThat(result.errors()).as(result.report()).isEmpty();
      Scenario s = BuiltInScenarios.load(id);
      assertThat(s.metadata().id()).isEqualTo(id);
    }
  }

  @Test
  void listGivesIdsWithTitles() {
    assertThat(BuiltInScenarios.list())
        .contains(
            new BuiltInScenarios.Entry("armenia-csto-2024", "Armenia and the CSTO, June 2024"));
  }

  @Test
  void unknownIdIsRefusedWithASuggestion() {
    assertThatThrownBy(() -> BuiltInScenarios.text("armenia-csto-2025"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("did you mean 'armenia-csto-2024'?");
  }

  @Test
  void mutualRelationBecomesTwo() {
    Scenario s =
        ScenarioLoader.load(
                "t",
                Fixtures.plus("relations { from: \"ARM\" to: \"RUS\" trust: -30 mutual: true }\n"))
            .scenario()
            .orElseThrow();
    assertThat(s.relations())
        .extracting(r -> r.from() + ">" + r.to() + " " + r.trust())
        .containsExactly("ARM>RUS -30", "RUS>ARM -30");
  }

  @Test
  void starterTemplateLoadsWithoutErrors() {
    LoadResult r =
        ScenarioLoader.load("new.textproto", ScenarioTemplate.starter("My \"Crisis\" 2025"));
    assertThat(r.errors()).as(r.report()).isEmpty();
    Scenario s = r.scenario().orElseThrow();
    assertThat(s.metadata().id()).isEqualTo("my-crisis-2025");
    assertThat(s.metadata().title()).isEqualTo("My \"Crisis\" 2025");
    assertThat(s.playableActors()).hasSize(2);
    assertThat(r.proto().orElseThrow().getTestCasesCount()).isEqualTo(1);
  }

  @Test
  void summaryAndJsonRenderTheShippedScenario() {
    String id = BuiltInScenarios.ids().get(0);
    Scenario s = BuiltInScenarios.load(id);
    String summary = ScenarioSummary.render(s, true);
    assertThat(summary)
        .startsWith(s.metadata().title())
        .contains(
            "Actors", "Organisations", "Objectives:\n", s.objectives().get(0).summary(), "Notes: ");
    assertThat(ScenarioSummary.render(s, false))
        .contains("Objectives: " + s.objectives().size() + " hidden")
        .doesNotContain(s.objectives().get(0).summary());
    var file = BuiltInScenarios.result(id).proto().orElseThrow();
    assertThat(ScenarioJson.toJson(file, true))
        .contains("\"format_version\": 1", "\"actors\"", "\"objectives\": [{");
    assertThat(ScenarioJson.toJson(file, false))
        .contains("\"actors\"")
        .contains("\"objectives\": []");
  }
}
