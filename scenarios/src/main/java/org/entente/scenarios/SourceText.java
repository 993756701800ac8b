package org.entente.scenarios;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The text of a scenario file, for turning protobuf's field locations into positions of values
 * and of characters inside string values. Lines and columns here are 0-based, as protobuf's
 * {@code TextFormatParseLocation}; {@link Pos} is 1-based.
 *
 * <p>Protobuf records where a field's <em>name</em> starts, once per {@code name: value}; a list
 * ({@code source: ["A", "B"]}) gets one location for all its elements. This class scans from
 * that location to the value (or to each list element) with a small tokenizer that knows
 * comments, strings and brackets. Positions inside strings follow escapes and adjacent literals
 * ({@code "a" "b"}); a {@code \\u} escape counts as one character, so a position after an escaped
 * supplementary character is off by one column: good enough for pointing at an expression token.
 */
final class SourceText {
  /** A 1-based position. */
  record Pos(int line, int column) {
    static final Pos START = new Pos(1, 1);
  }

  private final String text;
  private final int[] lineStarts;

  SourceText(String text) {
    this.text = text;
    List<Integer> starts = new ArrayList<>();
    starts.add(0);
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        starts.add(i + 1);
      }
    }
    lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
  }

  int lineCount() {
    return lineStarts.length;
  }

  /** Character index of a 0-based line and column, clamped into the text. */
  int index(int line0, int column0) {
    if (line0 < 0) {
      return 0;
    }
    if (line0 >= lineStarts.length) {
      return text.length();
    }
    return Math.min(text.length(), lineStarts[line0] + Math.max(0, column0));
  }

  /** The 1-based position of a character index. */
  Pos pos(int index) {
    int i = Math.max(0, Math.min(index, text.length()));
    int line = Arrays.binarySearch(lineStarts, i);
    if (line < 0) {
      line = -line - 2;
    }
    return new Pos(line + 1, i - lineStarts[line] + 1);
  }

  /**
   * Indexes where the values of one {@code name: value} (or {@code name { ... }}) start, given the
   * index of the name: one index, or one per element of a {@code [...]} list.
   */
  List<Integer> valueStarts(int nameIndex) {
    List<Integer> out = new ArrayList<>();
    int i = nameIndex;
    if (i < text.length() && text.charAt(i) == '[') { // extension or Any name: [a.b.c]
      i = skipBracketed(i, '[', ']');
    }
    while (i < text.length() && isNameChar(text.charAt(i))) {
      i++;
    }
    i = skipSpace(i);
    if (i < text.length() && text.charAt(i) == ':') {
      i = skipSpace(i + 1);
    }
    if (i < text.length() && text.charAt(i) == '[') {
      i = skipSpace(i + 1);
      while (i < text.length() && text.charAt(i) != ']') {
        out.add(i);
        i = skipSpace(skipValue(i));
        if (i < text.length() && text.charAt(i) == ',') {
          i = skipSpace(i + 1);
        } else {
          break;
        }
      }
      if (out.isEmpty()) {
        out.add(i);
      }
      return out;
    }
    out.add(Math.min(i, text.length()));
    return out;
  }

  /**
   * The index of the character at {@code offset} in the decoded value of the string literal whose
   * opening quote is at {@code quoteIndex}; follows escapes and adjacent literals. If the literal
   * is shorter, the index after its last character.
   */
  int indexInString(int quoteIndex, int offset) {
    if (quoteIndex >= text.length()) {
      return text.length();
    }
    char quote = text.charAt(quoteIndex);
    if (quote != '"' && quote != '\'') {
      return quoteIndex;
    }
    int i = quoteIndex + 1;
    int decoded = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == quote) {
        int next = skipSpace(i + 1);
        if (next < text.length() && (text.charAt(next) == '"' || text.charAt(next) == '\'')) {
          quote = text.charAt(next);
          i = next + 1;
          continue;
        }
        return i;
      }
      if (c == '\n') {
        return i;
      }
      if (decoded == offset) {
        return i;
      }
      i = c == '\\' ? skipEscape(i) : i + 1;
      decoded++;
    }
    return text.length();
  }

  private int skipEscape(int backslash) {
    int i = backslash + 1;
    if (i >= text.length()) {
      return i;
    }
    char c = text.charAt(i);
    if (c == 'x' || c == 'X') {
      return skipWhile(i + 1, 2, "0123456789abcdefABCDEF");
    }
    if (c == 'u') {
      return skipWhile(i + 1, 4, "0123456789abcdefABCDEF");
    }
    if (c == 'U') {
      return skipWhile(i + 1, 8, "0123456789abcdefABCDEF");
    }
    if (c >= '0' && c <= '7') {
      return skipWhile(i, 3, "01234567");
    }
    return i + 1;
  }

  private int skipWhile(int i, int max, String chars) {
    int n = 0;
    while (i < text.length() && n < max && chars.indexOf(text.charAt(i)) >= 0) {
      i++;
      n++;
    }
    return i;
  }

  private int skipValue(int i) {
    char c = text.charAt(i);
    if (c == '"' || c == '\'') {
      int j = i + 1;
      while (j < text.length() && text.charAt(j) != c && text.charAt(j) != '\n') {
        j = text.charAt(j) == '\\' ? j + 2 : j + 1;
      }
      return Math.min(text.length(), j + 1);
    }
    if (c == '{' || c == '<') {
      return skipBracketed(i, c, c == '{' ? '}' : '>');
    }
    int j = i;
    while (j < text.length() && ",]} \t\r\n#".indexOf(text.charAt(j)) < 0) {
      j++;
    }
    return Math.max(j, i + 1);
  }

  private int skipBracketed(int i, char open, char close) {
    int depth = 0;
    int j = i;
    while (j < text.length()) {
      char c = text.charAt(j);
      if (c == '"' || c == '\'') {
        j = skipValue(j);
        continue;
      }
      if (c == '#') {
        j = skipSpace(j);
        continue;
      }
      if (c == open) {
        depth++;
      } else if (c == close && --depth == 0) {
        return j + 1;
      }
      j++;
    }
    return text.length();
  }

  /** Skips whitespace and {@code #} comments. */
  private int skipSpace(int i) {
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '#') {
        while (i < text.length() && text.charAt(i) != '\n') {
          i++;
        }
      } else if (Character.isWhitespace(c)) {
        i++;
      } else {
        break;
      }
    }
    return i;
  }

  private static boolean isNameChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '.';
  }
}
