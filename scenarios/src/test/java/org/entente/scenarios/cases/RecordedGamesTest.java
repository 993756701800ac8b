package org.entente.scenarios.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.entente.engine.CriterionResult;
import org.entente.engine.Engine;
import org.entente.engine.Score;
import org.entente.proto.scenario.v1.TestCase;
import org.entente.scenarios.BuiltInScenarios;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Recorded games under {@code recorded/}: one line per game (one dynamic test per recorded case). */
class RecordedGamesTest {
  @TestFactory
  Stream<DynamicTest> recordedGamesReplay() {
    List<DynamicTest> tests = new ArrayList<>();
    for (CaseFiles.Loaded loaded : CaseFiles.under("recorded", ".cases.textproto")) {
      var scenario = BuiltInScenarios.load(loaded.file().getScenario());
      for (TestCase c : loaded.file().getCasesList()) {
        tests.add(
            DynamicTest.dynamicTest(
                loaded.name() + " " + c.getId(),
                () -> {
                  CaseRunner.CaseResult r = CaseRunner.run(scenario, c);
                  assertThat(r.passed()).as(r.render()).isTrue();
                }));
      }
    }
    assertThat(tests).isNotEmpty();
    return tests.stream();
  }

  /** P10 on the history replay's last state: Armenia's EXIT criterion is met, Russia's ARM_STAYS is not. */
  @Test
  void historyReplayScoresTheExit() {
    var scenario = BuiltInScenarios.load("armenia-csto-2024");
    TestCase last =
        CaseFiles.under("recorded", "history.cases.textproto").get(0).file().getCasesList().stream()
            .filter(c -> c.getId().equals("HISTORY_T9_WITHDRAWN"))
            .findFirst()
            .orElseThrow();
    var prepared = CaseRunner.prepare(scenario, last);
    var state = CaseRunner.play(scenario, prepared, 0).state();
    var scores = Engine.score(scenario, state);
    assertThat(criterion(scores, "ARM", "EXIT").met()).isTrue();
    assertThat(criterion(scores, "RUS", "ARM_STAYS").met()).isFalse();
    assertThat(criterion(scores, "RUS", "FOOTPRINT").met()).isTrue();
  }

  private static CriterionResult criterion(List<Score> scores, String actor, String id) {
    return scores.stream()
        .filter(s -> s.actor().equals(actor))
        .findFirst()
        .orElseThrow()
        .criteria()
        .stream()
        .filter(c -> c.id().equals(id))
        .findFirst()
        .orElseThrow();
  }
}
