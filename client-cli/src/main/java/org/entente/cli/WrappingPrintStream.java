package org.entente.cli;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** A print stream that word-wraps whole lines to the terminal's width. */
final class WrappingPrintStream extends PrintStream {
  private final int width;

  WrappingPrintStream(OutputStream out, int width) {
    super(out, true, StandardCharsets.UTF_8);
    this.width = width;
  }

  @Override
  public void println(String x) {
    super.println(Wrap.text(x, width));
  }

  @Override
  public void print(String s) {
    super.print(s.indexOf('\n') >= 0 ? Wrap.text(s, width) : s);
  }

  /** Standard output, wrapped to the terminal's width when it is a terminal. */
  static PrintStream forStdout() {
    if (System.console() == null) {
      return System.out;
    }
    int width = 0;
    try (org.jline.terminal.Terminal t =
        org.jline.terminal.TerminalBuilder.builder().system(true).dumb(true).build()) {
      width = t.getColumns();
    } catch (java.io.IOException | RuntimeException e) {
      width = 0;
    }
    return width >= 40 ? new WrappingPrintStream(System.out, width - 1) : System.out;
  }
}
