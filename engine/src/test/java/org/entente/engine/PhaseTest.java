package org.entente.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PhaseTest {
  @Test
  void phasesRunInTheirNumberedOrderFromP0ToP10() {
    assertThat(Arrays.stream(Phase.values()).map(Phase::label))
        .containsExactly("P0", "P1", "P2", "P3", "P4", "P5", "P6", "P7", "P8", "P9", "P10");
    for (Phase p : Phase.values()) {
      assertThat(p.number()).isEqualTo(p.ordinal());
    }
  }
}
