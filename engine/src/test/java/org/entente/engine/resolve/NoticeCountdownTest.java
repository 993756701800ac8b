package org.entente.engine.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.entente.engine.Engine;
import org.entente.engine.model.MemberStatus;
import org.entente.engine.model.Scenario;
import org.entente.engine.order.Order;
import org.entente.engine.report.ReportLine;
import org.entente.engine.report.Viewer;
import org.entente.engine.state.GameState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NoticeCountdownTest {
  private static final Order NOTICE =
      Order.of("AAA", org.entente.engine.model.OrderKind.GIVE_NOTICE).withOrg("PACT");
  private static final Order RESCIND =
      Order.of("AAA", org.entente.engine.model.OrderKind.RESCIND_NOTICE).withOrg("PACT");

  @ParameterizedTest(name = "notice of {0} turns given in T1: withdrawn at the end of T{1}")
  @CsvSource({"1, 2", "2, 3", "6, 7", "12, 13"})
  void noticeTakesEffectNTurnsAfterTheNoticeTurn(int noticeTurns, int withdrawnAt) {
    Scenario s = TinyScenario.withNoticeTurns(noticeTurns, 0);
    GameState state =
        Engine.resolve(s, GameState.initial(s), Map.of("AAA", List.of(NOTICE)), 0).state();
    assertThat(state.memberStatus("AAA", "PACT")).isEqualTo(MemberStatus.NOTICE);
    assertThat(state.noticeLeft("AAA", "PACT")).isEqualTo(noticeTurns);
    for (int turn = 2; turn < withdrawnAt; turn++) {
      state = Engine.resolve(s, state, Map.of(), 0).state();
      assertThat(state.memberStatus("AAA", "PACT"))
          .as("after T%d", turn)
          .isEqualTo(MemberStatus.NOTICE);
      assertThat(state.noticeLeft("AAA", "PACT")).isEqualTo(noticeTurns - (turn - 1));
    }
    var last = Engine.resolve(s, state, Map.of(), 0);
    assertThat(last.state().memberStatus("AAA", "PACT")).isEqualTo(MemberStatus.WITHDRAWN);
    assertThat(last.state().turn()).isEqualTo(withdrawnAt);
    assertThat(last.report().linesFor(Viewer.PUBLIC))
        .extracting(ReportLine::text)
        .anyMatch(
            t ->
                t.startsWith(
                    "Aland's withdrawal from the PACT took effect at the end of T" + withdrawnAt));
  }

  @Test
  void rescindingInTheLastTurnKeepsTheMember() {
    Scenario s = TinyScenario.withNoticeTurns(2, 0);
    GameState state =
        Engine.resolve(s, GameState.initial(s), Map.of("AAA", List.of(NOTICE)), 0).state();
    state = Engine.resolve(s, state, Map.of(), 0).state();
    assertThat(state.noticeLeft("AAA", "PACT")).isEqualTo(1);
    state = Engine.resolve(s, state, Map.of("AAA", List.of(RESCIND)), 0).state();
    assertThat(state.memberStatus("AAA", "PACT")).isEqualTo(MemberStatus.ACTIVE);
    assertThat(state.noticeLeft("AAA", "PACT")).isZero();
  }

  @Test
  void arrivalOrderOfContradictoryOrdersDoesNotMatter() {
    Scenario s = TinyScenario.withNoticeTurns(6, 0);
    Order freeze = Order.of("AAA", org.entente.engine.model.OrderKind.FREEZE).withOrg("PACT");
    var one = Engine.resolve(s, GameState.initial(s), Map.of("AAA", List.of(NOTICE, freeze)), 0);
    var two = Engine.resolve(s, GameState.initial(s), Map.of("AAA", List.of(freeze, NOTICE)), 0);
    assertThat(one.state().hash()).isEqualTo(two.state().hash());
    assertThat(one.report()).isEqualTo(two.report());
    assertThat(one.state().memberStatus("AAA", "PACT")).isEqualTo(MemberStatus.NOTICE);
  }
}
