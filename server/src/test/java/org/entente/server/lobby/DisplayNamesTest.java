package org.entente.server.lobby;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DisplayNamesTest {

  @Test
  void namesAreNormalisedAndSpacesCollapsed() throws Exception {
    assertThat(DisplayNames.check("  Ani   Petrosyan ", false).shown()).isEqualTo("Ani Petrosyan");
    assertThat(DisplayNames.check("Cafe\u0301", false).shown()).isEqualTo("Caf\u00e9");
    assertThat(DisplayNames.check("", true).shown()).isEmpty();
  }

  @Test
  void lookAlikeAndCaseVariantsHaveTheSameKey() throws Exception {
    String bob = DisplayNames.check("Bob", false).key();
    assertThat(DisplayNames.check("bob", false).key()).isEqualTo(bob);
    assertThat(DisplayNames.check("BOB", false).key()).isEqualTo(bob);
    assertThat(DisplayNames.check("\u0412\u043eb", false).key())
        .as("Cyrillic Ve and o")
        .isEqualTo(bob);
    assertThat(DisplayNames.check("B ob", false).key()).isEqualTo(bob);
    assertThat(DisplayNames.check("Rob", false).key()).isNotEqualTo(bob);
  }

  @Test
  void controlFormatAndSeparatorCharactersAreRefusedWithTheCodePoint() {
    assertThatThrownBy(() -> DisplayNames.check("Ani\u202Enimda", false))
        .isInstanceOf(DisplayNames.Refused.class)
        .hasMessageContaining("U+202E");
    assertThatThrownBy(() -> DisplayNames.check("Ani\u200Bx", false))
        .hasMessageContaining("U+200B");
    assertThatThrownBy(() -> DisplayNames.check("a\u001b[31m", false))
        .hasMessageContaining("U+001B");
    assertThatThrownBy(() -> DisplayNames.check("line\u2028two", false))
        .hasMessageContaining("U+2028");
  }

  @Test
  void reservedWordsAndLookAlikesOfThemAreRefused() {
    assertThatThrownBy(() -> DisplayNames.check("Game master", false))
        .hasMessage("'Game master' is reserved: choose a name of your own.");
    assertThatThrownBy(() -> DisplayNames.check("GAME  MASTER", false))
        .hasMessageContaining("reserved");
    assertThatThrownBy(() -> DisplayNames.check("G\u0430me master", false))
        .as("Cyrillic a")
        .hasMessageContaining("reserved");
    assertThatThrownBy(() -> DisplayNames.check("France (bot)", false))
        .hasMessageContaining("reserved");
  }

  @Test
  void theGameMasterMayUseTheNamesReservedForThatSeat() throws Exception {
    assertThat(DisplayNames.check("Teacher", true).shown()).isEqualTo("Teacher");
    assertThat(DisplayNames.check("Game master", true).shown()).isEqualTo("Game master");
  }

  @Test
  void lengthAndContentAreBounded() {
    assertThatThrownBy(() -> DisplayNames.check("   ", false))
        .hasMessageContaining("1..32 characters");
    assertThatThrownBy(() -> DisplayNames.check("x".repeat(33), false))
        .hasMessageContaining("1..32 characters");
    assertThatThrownBy(() -> DisplayNames.check("!!!", false))
        .hasMessageContaining("letter or digit");
  }
}
