package org.entente.scenarios.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.entente.engine.model.Scenario;
import org.entente.proto.scenario.v1.TestCase;
import org.entente.scenarios.BuiltInScenarios;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The engine's conformance suite: one dynamic test per case of each {@code *.cases.textproto}. */
class ConformanceTest {
  private static final String DIR = "conformance";

  @TestFactory
  Stream<DynamicNode> conformanceCases() {
    List<DynamicNode> files = new ArrayList<>();
    for (CaseFiles.Loaded loaded : CaseFiles.under(DIR, ".cases.textproto")) {
      Scenario scenario = BuiltInScenarios.load(loaded.file().getScenario());
      List<DynamicNode> tests = new ArrayList<>();
      for (TestCase c : loaded.file().getCasesList()) {
        tests.add(
            DynamicTest.dynamicTest(
                c.getId(),
                () -> {
                  CaseRunner.CaseResult r = CaseRunner.run(scenario, c);
                  assertThat(r.passed()).as(r.render()).isTrue();
                }));
      }
      files.add(DynamicContainer.dynamicContainer(loaded.name(), tests));
    }
    return files.stream();
  }

  @Test
  void suiteIsLargeAndCaseIdsAreUnique() {
    Set<String> ids = new HashSet<>();
    int count = 0;
    for (CaseFiles.Loaded loaded : CaseFiles.under(DIR, ".cases.textproto")) {
      for (TestCase c : loaded.file().getCasesList()) {
        count++;
        assertThat(ids.add(c.getId())).as("duplicate case id %s", c.getId()).isTrue();
        assertThat(
                c.getExpectCount()
                    + c.getExpectReportCount()
                    + c.getForbidReportCount()
                    + c.getExpectRefusedCount())
            .as("case %s expects nothing", c.getId())
            .isPositive();
      }
    }
    assertThat(count).isGreaterThanOrEqualTo(60);
  }
}
