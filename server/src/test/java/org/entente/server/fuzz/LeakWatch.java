package org.entente.server.fuzz;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.LoggerFactory;

/**
 * Turns Netty's leak reports into test failures: leak detection at PARANOID (every buffer
 * tracked), and an appender on the detector's logger that keeps each "LEAK:" report. Netty
 * reports a leak only after the garbage collector found the lost buffer and another buffer is
 * allocated, so {@link #collectAndCheck()} runs a GC and allocates before it looks.
 */
final class LeakWatch {
  private static final List<String> REPORTS = new CopyOnWriteArrayList<>();

  static {
    ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.PARANOID);
    Logger logger = (Logger) LoggerFactory.getLogger(ResourceLeakDetector.class);
    AppenderBase<ILoggingEvent> appender =
        new AppenderBase<>() {
          @Override
          protected void append(ILoggingEvent event) {
            if (event.getLevel().isGreaterOrEqual(Level.ERROR)
                && event.getFormattedMessage().contains("LEAK")) {
              REPORTS.add(event.getFormattedMessage());
            }
          }
        };
    appender.setName("entente-leak-watch");
    appender.setContext(logger.getLoggerContext());
    appender.start();
    logger.addAppender(appender);
  }

  private LeakWatch() {}

  /** Installs the watch (idempotent). */
  static void install() {}

  /** Fails if a leak was reported so far (cheap: no GC). */
  static void check() {
    if (!REPORTS.isEmpty()) {
      throw new AssertionError("Netty reported a ByteBuf leak:\n" + REPORTS.get(0));
    }
  }

  /** Forgets the reports so far (for the test that leaks on purpose). */
  static void clear() {
    REPORTS.clear();
  }

  /** Lets the collector find lost buffers, prompts the detector, then {@link #check()}s. */
  static void collectAndCheck() {
    for (int round = 0; round < 3; round++) {
      System.gc();
      System.runFinalization();
      for (int i = 0; i < 32; i++) {
        ByteBuf probe = ByteBufAllocator.DEFAULT.buffer(8);
        probe.release();
      }
    }
    check();
  }
}
