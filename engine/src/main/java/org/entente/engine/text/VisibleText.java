package org.entente.engine.text;

/**
 * The one character policy for text that came from another person or a scenario file, shared
 * by the terminal and the HTML renderers: nothing in it may control a terminal, reorder or hide
 * text, or break a line where the reader would take it for another speaker's. Such characters
 * are shown, not obeyed: C0 controls as {@code ^X} (ESC as {@code ^[}), DEL as {@code ^?}, and
 * every other control, format character (the bidi controls U+202A-U+202E, U+2066-U+2069,
 * U+200E, U+200F, U+061C; the zero-width U+200B-U+200D, U+2060, U+FEFF; the soft hyphen) and
 * line or paragraph separator (U+2028, U+2029) as {@code \\uXXXX}. A lone surrogate becomes
 * U+FFFD. Tabs become a space; line feeds are kept only where the caller renders continuation
 * lines itself (indented under the speaker).
 */
public final class VisibleText {
  private VisibleText() {}

  /** Whether {@code cp} may be shown as itself (line feed and tab excluded). */
  public static boolean isShownAsItself(int cp) {
    switch (Character.getType(cp)) {
      case Character.CONTROL:
      case Character.FORMAT:
      case Character.LINE_SEPARATOR:
      case Character.PARAGRAPH_SEPARATOR:
      case Character.SURROGATE:
        return false;
      default:
        return true;
    }
  }

  /** {@code s} on one line: line breaks are shown as {@code ^J} like any control. */
  public static String line(String s) {
    return visible(s, false);
  }

  /** {@code s} keeping its line feeds (CR LF and lone CR count as one): the caller indents continuation lines. */
  public static String lines(String s) {
    return visible(s, true);
  }

  private static String visible(String s, boolean keepLineFeeds) {
    StringBuilder b = null;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      int n = Character.charCount(cp);
      String replacement = replacement(s, i, cp, keepLineFeeds);
      if (replacement != null && b == null) {
        b = new StringBuilder(s.length() + 16).append(s, 0, i);
      }
      if (b != null) {
        if (replacement == null) {
          b.appendCodePoint(cp);
        } else {
          b.append(replacement);
        }
      }
      i += n;
      if (keepLineFeeds && cp == '\r' && i < s.length() && s.charAt(i) == '\n') {
        i++; // CR LF: one line break
      }
    }
    return b == null ? s : b.toString();
  }

  /** What stands for {@code cp} at {@code i}, or null to keep it. */
  private static String replacement(String s, int i, int cp, boolean keepLineFeeds) {
    if (isShownAsItself(cp)) {
      return null;
    }
    if (cp == '\t') {
      return " ";
    }
    if (keepLineFeeds && (cp == '\n' || cp == '\r')) {
      return "\n";
    }
    if (cp < 0x20) {
      return "^" + (char) (cp + 64);
    }
    if (cp == 0x7f) {
      return "^?";
    }
    if (Character.getType(cp) == Character.SURROGATE) {
      return "\uFFFD";
    }
    return String.format("\\u%04x", cp);
  }
}
