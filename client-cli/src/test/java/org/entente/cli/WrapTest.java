package org.entente.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WrapTest {
  @Test
  void breaksAtSpacesAndHangsContinuationLines() {
    String wrapped =
        Wrap.text("- Armenia gave notice under CSTO Charter Art. 19; withdrawal takes effect", 30);
    assertThat(wrapped)
        .isEqualTo(
            "- Armenia gave notice under\n  CSTO Charter Art. 19;\n  withdrawal takes effect");
    assertThat(wrapped.lines()).allMatch(l -> l.length() <= 30);
  }

  @Test
  void leavesShortLinesAndZeroWidthAlone() {
    assertThat(Wrap.text("short\nlines", 30)).isEqualTo("short\nlines");
    assertThat(Wrap.text("x".repeat(100), 0)).isEqualTo("x".repeat(100));
  }

  @Test
  void aWordLongerThanTheWidthStaysWhole() {
    assertThat(Wrap.text("a " + "y".repeat(40) + " b", 20))
        .isEqualTo("a\n  " + "y".repeat(40) + "\n  b");
  }
}
