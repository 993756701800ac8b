package org.entente.cli;

/**
 * Neutralises text that came from another user or a scenario file before it reaches a
 * terminal: control characters and escape sequences are shown visibly ({@code ^[}, {@code
 * \u009b}), never interpreted.
 */
public final class Safe {
  private Safe() {}

  public static String text(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\n' || c == '\t') {
        b.append(c);
      } else if (c < 0x20) {
        b.append('^').append((char) (c + 64));
      } else if (c == 0x7f) {
        b.append("^?");
      } else if (c >= 0x80 && c < 0xa0) {
        b.append(String.format("\\u%04x", (int) c));
      } else if (c == '\u202e' || c == '\u202d' || c == '\u2066' || c == '\u2067' || c == '\u2068' || c == '\u2069') {
        b.append(String.format("\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }
}
