package org.entente.cli.connect;

import java.io.IOException;
import org.jline.reader.impl.LineReaderImpl;
import org.jline.terminal.Terminal;

/**
 * The shell's line reader, with its lock lent out: everything the shell draws (lines printed above
 * the prompt, the status line, the prompt itself) is drawn under the lock the reader holds while it
 * redisplays what is being typed. JLine's {@code Status} is not thread-safe: it saves the cursor,
 * narrows the scroll region and restores the cursor, and the reader redraws it during redisplay;
 * the same steps interleaved from the status ticker or the event thread left the cursor restored
 * outside the scroll region, and the shell showed nothing more until Ctrl-L redrew the screen.
 */
final class ShellReader extends LineReaderImpl {
  ShellReader(Terminal terminal) throws IOException {
    super(terminal, "entente");
  }

  /** Runs {@code drawing} while nothing else writes to the terminal through this reader. */
  void draw(Runnable drawing) {
    lock.lock();
    try {
      drawing.run();
    } finally {
      lock.unlock();
    }
  }

  /** Like {@link #draw}, but gives up after {@code millis} if the lock stays taken (a shutdown hook must not hang). */
  boolean drawIfFree(Runnable drawing, long millis) {
    try {
      if (!lock.tryLock(millis, java.util.concurrent.TimeUnit.MILLISECONDS)) {
        return false;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
    try {
      drawing.run();
      return true;
    } finally {
      lock.unlock();
    }
  }
}
