package org.entente.scenarios.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.entente.proto.scenario.v1.TestCase;
import org.entente.scenarios.BuiltInScenarios;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Recorded games under {@code recorded/}: one line per game (one dynamic test per recorded case). */
class RecordedGamesTest {
  @TestFactory
  Stream<DynamicTest> recordedGamesReplay() {
    List<DynamicTest> tests = new ArrayList<>();
    for (CaseFiles.Loaded loaded : CaseFiles.under("recorded", ".cases.textproto")) {
      var scenario = BuiltInScenarios.load(loaded.file().getScenario());
      for (TestCase c : loaded.file().getCasesList()) {
        tests.add(DynamicTest.dynamicTest(loaded.name() + " " + c.getId(), () -> {
          CaseRunner.CaseResult r = CaseRunner.run(scenario, c);
          assertThat(r.passed()).as(r.render()).isTrue();
        }));
      }
    }
    assertThat(tests).isNotEmpty();
    return tests.stream();
  }
}
