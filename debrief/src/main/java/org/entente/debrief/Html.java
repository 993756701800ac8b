package org.entente.debrief;

import org.entente.engine.text.VisibleText;

/** Escaping for text that came from players, game masters or scenario files, one method per medium. */
final class Html {
  private Html() {}

  /**
   * Escapes text for HTML element content and quoted attribute values. Controls, bidi and
   * other invisible format characters are shown, not obeyed ({@link VisibleText}).
   */
  static String esc(String s) {
    String visible = VisibleText.lines(s);
    StringBuilder b = new StringBuilder(visible.length() + 16);
    for (int i = 0; i < visible.length(); i++) {
      char c = visible.charAt(i);
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
          b.append(c);
      }
    }
    return b.toString();
  }

  /**
   * Escapes text for one Markdown line, table cell or heading so that a CommonMark (or GFM)
   * reader shows exactly the text: the characters that open inline markup, HTML, entities,
   * links, table cells or heading marks are backslash-escaped anywhere, and a leading mark
   * that would open a block (list, quote, heading, ordered list "1.") is escaped at the
   * start. Line breaks become spaces and outer spaces are dropped (no code block, no hard
   * break). No HTML entities: debrief.md is read as plain text too, so commas and full stops
   * stay as they are.
   */
  static String md(String s) {
    String visible =
        VisibleText.line(s.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ')).strip();
    StringBuilder b = new StringBuilder(visible.length() + 16);
    int digits = 0;
    while (digits < visible.length()
        && visible.charAt(digits) >= '0'
        && visible.charAt(digits) <= '9') {
      digits++;
    }
    for (int i = 0; i < visible.length(); i++) {
      char c = visible.charAt(i);
      boolean blockMark =
          i == 0 && isAsciiPunctuation(c) || i == digits && digits > 0 && (c == '.' || c == ')');
      // An underscore between letters or digits (PROPOSE_PARTNERSHIP) can neither open nor close
      // emphasis.
      boolean intraword =
          c == '_'
              && i > 0
              && i + 1 < visible.length()
              && Character.isLetterOrDigit(visible.charAt(i - 1))
              && Character.isLetterOrDigit(visible.charAt(i + 1));
      if (blockMark || INLINE_MARKS.indexOf(c) >= 0 && !intraword) {
        b.append('\\');
      }
      b.append(c);
    }
    return b.toString();
  }

  /** What can open markup in the middle of a line: emphasis, code, links and images, HTML, entities, cells, headings. */
  private static final String INLINE_MARKS = "\\`*_[]<>&|~!#$";

  private static boolean isAsciiPunctuation(char c) {
    return c >= '!' && c <= '/'
        || c >= ':' && c <= '@'
        || c >= '[' && c <= '`'
        || c >= '{' && c <= '~';
  }
}
