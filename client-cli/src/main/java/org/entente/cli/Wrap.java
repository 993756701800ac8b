package org.entente.cli;

/** Word wrapping for terminal output: long lines break at spaces, continuation lines indented. */
final class Wrap {
  private Wrap() {}

  /**
   * Wraps each line of {@code text} to {@code width} columns; a continuation keeps the
   * line's leading indentation plus two spaces (so "- " items hang). Width 0 means no wrapping.
   */
  static String text(String text, int width) {
    if (width <= 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    String[] lines = text.split("\n", -1);
    for (int li = 0; li < lines.length; li++) {
      String line = lines[li];
      if (li > 0) {
        out.append('\n');
      }
      if (line.length() <= width) {
        out.append(line);
        continue;
      }
      int lead = 0;
      while (lead < line.length() && line.charAt(lead) == ' ') {
        lead++;
      }
      String hang = " ".repeat(Math.min(lead + 2, width / 2));
      int col = 0;
      int i = 0;
      boolean first = true;
      while (i < line.length()) {
        int next = line.indexOf(' ', i + 1);
        String word = next < 0 ? line.substring(i) : line.substring(i, next);
        if (!first && col + word.length() > width) {
          out.append('\n').append(hang);
          col = hang.length();
          word = word.stripLeading();
        }
        out.append(word);
        col += word.length();
        first = false;
        i = next < 0 ? line.length() : next;
      }
    }
    return out.toString();
  }
}
