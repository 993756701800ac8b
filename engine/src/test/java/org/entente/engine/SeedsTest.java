package org.entente.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SeedsTest {
  @Test
  void turnSeedsKeepTheValuesJournalsRecorded() {
    assertThat(Seeds.turn(0, 1)).isEqualTo(1);
    assertThat(Seeds.turn(7, 3)).isEqualTo(7 * 31 + 3);
  }

  @Test
  void theSameArgumentsGiveTheSameStreamAndBotsAndRandomPlayersDrawApart() {
    assertThat(Seeds.bot(42, 3, 1).nextLong()).isEqualTo(Seeds.bot(42, 3, 1).nextLong());
    assertThat(Seeds.bot(42, 3, 1).nextLong()).isNotEqualTo(Seeds.bot(42, 3, 2).nextLong());
    assertThat(Seeds.bot(42, 3, 1).nextLong())
        .isNotEqualTo(Seeds.randomPlayer(42, 3, 1).nextLong());
    assertThat(Seeds.game(1, 0)).isEqualTo(Seeds.game(1, 0)).isNotEqualTo(Seeds.game(1, 1));
  }
}
