package org.entente.engine.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VisibleTextTest {

  @Test
  void noCodePointOfTheBasicPlaneThatCouldControlOrReorderSurvives() {
    int kept = 0;
    for (int cp = 0; cp <= 0xFFFF; cp++) {
      String in = "a" + (char) cp + "b";
      assertOnlyVisible(VisibleText.line(in), cp, false);
      assertOnlyVisible(VisibleText.lines(in), cp, true);
      if (VisibleText.line(in).equals(in)) {
        kept++;
      }
    }
    // Letters, marks, symbols and spaces pass as they are: most of the plane.
    assertThat(kept).isGreaterThan(50_000);
  }

  private static void assertOnlyVisible(String out, int from, boolean lineFeedsAllowed) {
    assertThat(out).as("from U+%04X", from).startsWith("a").endsWith("b");
    out.codePoints()
        .forEach(
            c -> {
              if (!(lineFeedsAllowed && c == '\n')) {
                int type = Character.getType(c);
                assertThat(
                        type == Character.CONTROL
                            || type == Character.FORMAT
                            || type == Character.LINE_SEPARATOR
                            || type == Character.PARAGRAPH_SEPARATOR
                            || type == Character.SURROGATE)
                    .as("U+%04X left in the output for U+%04X", c, from)
                    .isFalse();
              }
            });
  }

  @Test
  void everyTerminalAndBidiControlNamedByTrojanSourceIsShown() {
    int[] dangerous = {
      0x1b, 0x07, 0x0d, 0x9b, 0x9d, 0x90, 0x7f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066,
      0x2067, 0x2068, 0x2069, 0x200e, 0x200f, 0x061c, 0x200b, 0x200c, 0x200d, 0xfeff, 0x2028,
      0x2029, 0x2060
    };
    for (int cp : dangerous) {
      String out = VisibleText.line("x" + (char) cp + "y");
      assertThat(out).as("U+%04X", cp).doesNotContain(String.valueOf((char) cp)).isNotEqualTo("xy");
    }
    assertThat(VisibleText.line("\u001b[31mred")).isEqualTo("^[[31mred");
    assertThat(VisibleText.line("\u001b]52;c;aGk=\u0007")).isEqualTo("^[]52;c;aGk=^G");
    assertThat(VisibleText.line("evil\u202Etxt.exe")).isEqualTo("evil\\u202etxt.exe");
    assertThat(VisibleText.line("\u009b2J")).isEqualTo("\\u009b2J");
  }

  @Test
  void lineBreaksAreKeptOnlyWhereTheCallerIndentsThem() {
    assertThat(VisibleText.lines("one\r\ntwo\rthree\nfour")).isEqualTo("one\ntwo\nthree\nfour");
    assertThat(VisibleText.line("one\ntwo")).isEqualTo("one^Jtwo");
    assertThat(VisibleText.line("a\tb")).isEqualTo("a b");
  }

  @Test
  void loneSurrogatesBecomeTheReplacementCharacterAndPairsStay() {
    assertThat(VisibleText.line("a\uD800b")).isEqualTo("a\uFFFDb");
    assertThat(VisibleText.line("a\uDC00")).isEqualTo("a\uFFFD");
    String emoji = "\uD83D\uDE00";
    assertThat(VisibleText.line(emoji)).isEqualTo(emoji);
  }

  @Test
  void plainTextIsReturnedAsItIs() {
    String s = "Ani (Armenia): Shall we talk? Ça va, Ерևан, 東京";
    assertThat(VisibleText.line(s)).isSameAs(s);
  }
}
