package org.entente.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ShippedScenariosTest {
  @Test
  void everyShippedScenarioLoadsWithoutErrors() {
    for (String id : BuiltInScenarios.ids()) {
      LoadResult result = ScenarioLoader.load(id + ".textproto", BuiltInScenarios.text(id));
      System.out.print(result.report());
      assertThat(result.errors()).as(result.report()).isEmpty();
      assertThat(result.scenario()).isPresent();
    }
  }
}
