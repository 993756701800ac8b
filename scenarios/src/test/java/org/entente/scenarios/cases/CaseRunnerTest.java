package org.entente.scenarios.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.entente.engine.model.Scenario;
import org.entente.proto.scenario.v1.CaseTurn;
import org.entente.proto.scenario.v1.ExpectedLine;
import org.entente.proto.scenario.v1.ExpectedRefusal;
import org.entente.proto.scenario.v1.Setup;
import org.entente.proto.scenario.v1.TestCase;
import org.entente.scenarios.BuiltInScenarios;
import org.junit.jupiter.api.Test;

/** The runner's own behaviour: what a failing case says, and the summary the CLI prints. */
class CaseRunnerTest {
  private static final Scenario SCENARIO = BuiltInScenarios.load("armenia-csto-2024");

  private static TestCase.Builder statementCase(String id) {
    return TestCase.newBuilder()
        .setId(id)
        .setSetup(Setup.newBuilder().setTurn(2))
        .addTurns(
            CaseTurn.newBuilder()
                .addOrders("ARM: STATEMENT RUS CRITICISE")
                .setSilenceEngineActors(true));
  }

  @Test
  void wrongValueShowsTheActualValueOfEachSide() {
    var r =
        CaseRunner.run(
            SCENARIO, statementCase("WRONG").addExpect("trust(RUS, ARM) == -45").build());
    assertThat(r.passed()).isFalse();
    assertThat(r.failures())
        .containsExactly("expect 'trust(RUS, ARM) == -45' is false: trust(RUS, ARM) = -29");
  }

  @Test
  void missingReportLineShowsTheViewersWholeReport() {
    var r =
        CaseRunner.run(
            SCENARIO,
            statementCase("MISSING")
                .addExpectReport(ExpectedLine.newBuilder().setViewer("RUS").setContains("praised"))
                .build());
    assertThat(r.failures())
        .singleElement()
        .asString()
        .contains("no line of the RUS report contains 'praised'")
        .contains("Armenia criticised Russia.");
  }

  @Test
  void aLineWithTheTextButAnotherProposalOutcomeDoesNotCount() {
    TestCase.Builder offer =
        TestCase.newBuilder()
            .setId("OFFER")
            .setSetup(Setup.newBuilder().setTurn(2))
            .addTurns(
                CaseTurn.newBuilder()
                    .addOrders("ARM: JOINT_EXERCISE USA")
                    .setSilenceEngineActors(true));
    ExpectedLine.Builder line =
        ExpectedLine.newBuilder().setViewer("USA").setContains("Armenia offered");
    assertThat(
            CaseRunner.run(
                    SCENARIO,
                    offer
                        .clone()
                        .addExpectReport(line.clone().setProposal(ExpectedLine.Proposal.OFFER))
                        .build())
                .failures())
        .isEmpty();
    var r =
        CaseRunner.run(
            SCENARIO,
            offer
                .clone()
                .addExpectReport(line.clone().setProposal(ExpectedLine.Proposal.AGREED))
                .build());
    assertThat(r.failures())
        .singleElement()
        .asString()
        .contains("no line of the USA report contains 'Armenia offered' marked AGREED")
        .contains("(OFFER) Armenia offered the United States a joint exercise; to accept");
  }

  @Test
  void unparsableOrderAndAcceptedRefusalFailWithReasons() {
    var bad =
        CaseRunner.run(
            SCENARIO,
            TestCase.newBuilder()
                .setId("BAD")
                .addTurns(CaseTurn.newBuilder().addOrders("ARM: GIVE_NOTICE"))
                .addExpect("true == true")
                .build());
    assertThat(bad.failures())
        .singleElement()
        .asString()
        .startsWith("turn 1: 'ARM: GIVE_NOTICE' is not understood");
    var accepted =
        CaseRunner.run(
            SCENARIO,
            statementCase("ACCEPTED")
                .addExpectRefused(
                    ExpectedRefusal.newBuilder().setOrder("ARM: JOINT_EXERCISE USA").setReason("x"))
                .build());
    assertThat(accepted.failures())
        .singleElement()
        .asString()
        .startsWith("expected 'ARM: JOINT_EXERCISE USA' to be refused");
  }

  @Test
  void summaryEndsWithCountsOnItsOwnLine() {
    var summary =
        CaseRunner.runAll(
            SCENARIO,
            List.of(
                statementCase("GOOD").addExpect("trust(RUS, ARM) == -29").build(),
                statementCase("BAD").addExpect("trust(RUS, ARM) == 0").build()));
    assertThat(summary.passed()).isEqualTo(1);
    assertThat(summary.failed()).isEqualTo(1);
    assertThat(summary.render()).startsWith("FAIL BAD\n").endsWith("\n1 passed, 1 failed");
  }
}
