package org.entente.cli;

import org.entente.engine.text.VisibleText;

/**
 * The command line's side of the one text policy ({@link VisibleText}, shared with the HTML
 * debrief): text that came from another person, the server or a scenario file is shown, never
 * obeyed. Escape sequences, other controls, bidi and zero-width characters and the Unicode line
 * separators appear visibly ({@code ^[}, {@code \u202e}). A line feed either shows as {@code ^J}
 * ({@link #line}) or starts a continuation line that the caller indents under the speaker
 * ({@link #text}, used only where the renderer wraps with an indent), so no text can pose as a
 * line of its own.
 */
public final class Safe {
  private Safe() {}

  /** {@code s} on one line: names, ids, orders, a server's error sentence. */
  public static String line(String s) {
    return VisibleText.line(s);
  }

  /**
   * {@code s} with its line feeds kept (CR LF and CR count as one), for a renderer that indents
   * every line after the first: message bodies, report lines, news, whole documents.
   */
  public static String text(String s) {
    return VisibleText.lines(s);
  }
}
