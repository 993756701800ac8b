package org.entente.cli.connect;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a command line into words: blanks separate words, {@code "..."} groups words (with
 * {@code \"} and {@code \\} inside). Each word remembers where it starts, so a command can take
 * "the rest of the line" verbatim (an order keeps its own quotes).
 */
final class Words {
  /** One word: its text without quotes, and its offset in the line. */
  record Word(String text, int start) {}

  private final String line;
  private final List<Word> words;

  private Words(String line, List<Word> words) {
    this.line = line;
    this.words = List.copyOf(words);
  }

  /**
   * Splits {@code line}.
   *
   * @throws IllegalArgumentException if a quote is not closed
   */
  static Words split(String line) {
    List<Word> out = new ArrayList<>();
    int i = 0;
    int n = line.length();
    while (i < n) {
      while (i < n && Character.isWhitespace(line.charAt(i))) {
        i++;
      }
      if (i >= n) {
        break;
      }
      int start = i;
      StringBuilder b = new StringBuilder();
      boolean quoted = false;
      while (i < n && (quoted || !Character.isWhitespace(line.charAt(i)))) {
        char c = line.charAt(i);
        if (c == '"') {
          quoted = !quoted;
        } else if (c == '\\'
            && quoted
            && i + 1 < n
            && (line.charAt(i + 1) == '"' || line.charAt(i + 1) == '\\')) {
          b.append(line.charAt(++i));
        } else {
          b.append(c);
        }
        i++;
      }
      if (quoted) {
        throw new IllegalArgumentException(
            "the quote at column " + (line.indexOf('"', start) + 1) + " is not closed");
      }
      out.add(new Word(b.toString(), start));
    }
    return new Words(line, out);
  }

  int size() {
    return words.size();
  }

  String get(int i) {
    return words.get(i).text();
  }

  /** The words from {@code i} on, unquoted. */
  List<String> from(int i) {
    return words.subList(Math.min(i, words.size()), words.size()).stream().map(Word::text).toList();
  }

  /** The line from word {@code i} to the end, exactly as typed ("" if there is no such word). */
  String rawFrom(int i) {
    return i < words.size() ? line.substring(words.get(i).start()).strip() : "";
  }

  /**
   * Free text from word {@code i}: a single quoted word is unquoted, anything else is taken as
   * typed, so {@code tell RUS "hi"} and {@code tell RUS hi there} both work.
   */
  String textFrom(int i) {
    if (words.size() == i + 1) {
      return words.get(i).text();
    }
    return rawFrom(i);
  }
}
