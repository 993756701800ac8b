package org.entente.server.lobby;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Limits how many wrong join codes one network host (an IPv4 address, an IPv6 /64) may try:
 * {@link #LIMIT} in a window of {@link #WINDOW_MILLIS}, after which its lookups are refused
 * until the window ends. With six characters from a 30-letter alphabet (over 700 million
 * codes) that makes guessing a class's code hopeless, while a student who mistypes a few
 * times is never blocked. A school behind one NAT address shares the allowance, so each
 * successful join in the window adds {@link #BONUS_PER_JOIN} (up to {@link #MAX_BONUS}): a
 * class that is joining mistypes freely, a scanner that never joins does not. A resume with a
 * valid token is never refused (docs/protocol.md). Failures and lockouts are logged with the
 * host, never with the codes tried, at most {@link #LOG_LINES_PER_WINDOW} lines a window.
 * Thread-safe: event loops share one instance.
 */
public final class JoinAttempts {
  private static final Logger log = LoggerFactory.getLogger(JoinAttempts.class);
  public static final int LIMIT = 20;
  public static final long WINDOW_MILLIS = 60_000;

  /** Wrong codes allowed for each successful join from the host in the window. */
  public static final int BONUS_PER_JOIN = 5;

  /** The most wrong codes successful joins can add: a class of 40 behind one address. */
  public static final int MAX_BONUS = 200;

  /** Lines about failed joins the server logs per window, across all hosts. */
  public static final int LOG_LINES_PER_WINDOW = 30;

  /** Above this many hosts, expired windows are dropped so the map cannot grow without bound. */
  private static final int PRUNE_ABOVE = 10_000;

  private record Window(long startMillis, int failures, int joins) {
    int allowance() {
      return LIMIT + (int) Math.min((long) joins * BONUS_PER_JOIN, MAX_BONUS);
    }
  }

  private final Clock clock;
  private final ConcurrentHashMap<String, Window> byHost = new ConcurrentHashMap<>();
  private long logWindowStart = -WINDOW_MILLIS;
  private int logLines;
  private int suppressed;

  public JoinAttempts(Clock clock) {
    this.clock = clock;
  }

  /** Whether {@code host} has used up its wrong guesses for the current window. */
  public boolean blocked(String host) {
    Window w = current(host, clock.millis());
    return w != null && w.failures() >= w.allowance();
  }

  /** Records a wrong join code from {@code host}. */
  public void failed(String host) {
    long now = clock.millis();
    Window w =
        byHost.compute(
            host,
            (h, old) ->
                old == null || now - old.startMillis() >= WINDOW_MILLIS
                    ? new Window(now, 1, 0)
                    : new Window(old.startMillis(), old.failures() + 1, old.joins()));
    if (w.failures() == 1) {
      logLine(false, "wrong join code from {}", host, 0);
    } else if (w.failures() == w.allowance()) {
      logLine(
          true,
          "{} is blocked from joining for the rest of the minute after {} wrong join codes",
          host,
          w.failures());
    }
    prune(now);
  }

  /** Records a successful join or spectate from {@code host}: it may mistype more this window. */
  public void joined(String host) {
    long now = clock.millis();
    byHost.compute(
        host,
        (h, old) ->
            old == null || now - old.startMillis() >= WINDOW_MILLIS
                ? new Window(now, 0, 1)
                : new Window(old.startMillis(), old.failures(), old.joins() + 1));
    prune(now);
  }

  /** Seconds until {@code host} may try again (0 if not blocked). */
  public long secondsLeft(String host) {
    Window w = byHost.get(host);
    if (w == null) {
      return 0;
    }
    long left = WINDOW_MILLIS - (clock.millis() - w.startMillis());
    return left <= 0 ? 0 : (left + 999) / 1000;
  }

  private Window current(String host, long now) {
    Window w = byHost.get(host);
    return w != null && now - w.startMillis() < WINDOW_MILLIS ? w : null;
  }

  private void prune(long now) {
    if (byHost.size() > PRUNE_ABOVE) {
      byHost.values().removeIf(w -> now - w.startMillis() >= WINDOW_MILLIS);
    }
  }

  /** One log line, unless this window's lines are used up; the next window's first line says how many were left out. */
  private synchronized void logLine(boolean warn, String format, String host, int count) {
    long now = clock.millis();
    if (now - logWindowStart >= WINDOW_MILLIS) {
      if (suppressed > 0) {
        log.info("{} more lines about failed joins were left out in the last minute", suppressed);
      }
      logWindowStart = now;
      logLines = 0;
      suppressed = 0;
    }
    if (logLines >= LOG_LINES_PER_WINDOW) {
      suppressed++;
      return;
    }
    logLines++;
    if (warn) {
      log.warn(format, host, count);
    } else {
      log.info(format, host);
    }
  }

  /** Lines left out in the current log window (for tests). */
  synchronized int suppressedLines() {
    return suppressed;
  }
}
