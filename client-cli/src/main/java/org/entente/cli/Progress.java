package org.entente.cli;

import java.io.PrintStream;
import java.util.function.IntConsumer;

/**
 * A progress bar redrawn in place ({@code [#####     ] 53/100}) for long runs. Draws only when
 * the process talks to a terminal, so pipes, files and tests get no control characters.
 */
final class Progress implements IntConsumer {
  private static final int WIDTH = 30;

  private final PrintStream err;
  private final int total;
  private final boolean enabled;
  private int offset;
  private int lastDrawn = -1;

  Progress(PrintStream err, int total, boolean enabled) {
    this.err = err;
    this.total = total;
    this.enabled = enabled && total > 0;
  }

  /** A bar on standard error when there is a console (Java cannot ask about stderr alone). */
  static Progress onTerminal(int total) {
    return new Progress(System.err, total, System.console() != null);
  }

  /** Later calls count from {@code done} games already finished (one run after another). */
  Progress startingAt(int done) {
    this.offset = done;
    return this;
  }

  @Override
  public void accept(int doneInRun) {
    if (!enabled) {
      return;
    }
    int done = offset + doneInRun;
    int filled = (int) ((long) WIDTH * done / total);
    if (filled == lastDrawn && done != total) {
      return;
    }
    lastDrawn = filled;
    err.print("\r[" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + done + "/" + total);
    if (done >= total) {
      err.println();
    }
    err.flush();
  }
}
