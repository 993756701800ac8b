package org.entente.debrief;

/** Escaping for text that came from players, game masters or scenario files. */
final class Html {
  private Html() {}

  /** Escapes text for HTML element content and quoted attribute values; drops control characters. */
  static String esc(String s) {
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<':
          b.append("&lt;");
          break;
        case '>':
          b.append("&gt;");
          break;
        case '&':
          b.append("&amp;");
          break;
        case '"':
          b.append("&quot;");
          break;
        case '\'':
          b.append("&#39;");
          break;
        default:
          if (c < 0x20 && c != '\n' && c != '\t' || c == 0x7f || (c >= 0x80 && c < 0xa0) || isBidiControl(c)) {
            b.append('\uFFFD');
          } else {
            b.append(c);
          }
      }
    }
    return b.toString();
  }

  /** Escapes text for one Markdown table cell or line: HTML-significant characters, pipes, newlines. */
  static String md(String s) {
    return esc(s).replace("|", "\\|").replace("\n", " ").replace("*", "\\*").replace("`", "\\`")
        .replace("[", "\\[");
  }

  private static boolean isBidiControl(char c) {
    return c == '\u202a' || c == '\u202b' || c == '\u202c' || c == '\u202d' || c == '\u202e'
        || (c >= '\u2066' && c <= '\u2069');
  }
}
