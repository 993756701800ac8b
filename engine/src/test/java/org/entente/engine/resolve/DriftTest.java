package org.entente.engine.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.entente.engine.Engine;
import org.entente.engine.expr.Quantity;
import org.entente.engine.model.OrderKind;
import org.entente.engine.model.Scenario;
import org.entente.engine.state.GameState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DriftTest {
  @ParameterizedTest(name = "{0} toward {1} at {2}%: step {3}")
  @CsvSource({
    "-45, -25, 10, 2",
    "-35, -30, 10, 1", // 0.5 rounds away from zero
    "-25, -30, 10, -1", // -0.5 rounds away from zero
    "-54, -50, 10, 0", // 0.4 rounds to 0
    "75, 60, 10, -2", // -1.5
    "0, 0, 10, 0",
    "100, -100, 10, -20",
    "7, 0, 50, -4", // -3.5
    "10, 0, 0, 0"
  })
  void driftIsAPercentOfTheDistanceRoundedHalfAwayFromZero(
      int current, int rest, int percent, int step) {
    assertThat(Upkeep.towards(current, rest, percent)).isEqualTo(step);
  }

  @Test
  void trustDriftsTowardItsStartValueAtUpkeep() {
    Scenario s = TinyScenario.withNoticeTurns(6, 10);
    GameState start =
        GameState.initial(s).toBuilder().set(Quantity.TRUST, "AAA", "BBB", -15).build();
    GameState next = Engine.resolve(s, start, Map.of(), 0).state();
    assertThat(next.trust("AAA", "BBB")).isEqualTo(-13);
  }

  @Test
  void withholdingDuesContradictsOnlyResume() {
    assertThat(Conflicts.contradict(OrderKind.WITHHOLD_DUES, OrderKind.RESUME)).isTrue();
    assertThat(Conflicts.contradict(OrderKind.WITHHOLD_DUES, OrderKind.FREEZE)).isFalse();
    assertThat(Conflicts.contradict(OrderKind.GIVE_NOTICE, OrderKind.WITHHOLD_DUES)).isFalse();
    assertThat(Conflicts.contradict(OrderKind.GIVE_NOTICE, OrderKind.FREEZE)).isTrue();
    assertThat(Conflicts.rank(OrderKind.FREEZE))
        .isGreaterThan(Conflicts.rank(OrderKind.WITHHOLD_DUES));
    assertThat(Conflicts.rank(OrderKind.WITHHOLD_DUES))
        .isGreaterThan(Conflicts.rank(OrderKind.RESUME));
  }
}
