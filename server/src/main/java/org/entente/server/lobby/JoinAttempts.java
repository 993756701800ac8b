package org.entente.server.lobby;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Limits how many wrong join codes one network host may try: {@link #LIMIT} in a window of
 * {@link #WINDOW_MILLIS}, after which its lookups are refused until the window ends. With six
 * characters from a 30-letter alphabet (over 700 million codes) that makes guessing a class's
 * code hopeless, while a student who mistypes a few times is never blocked. Thread-safe: event
 * loops share one instance.
 */
public final class JoinAttempts {
  public static final int LIMIT = 20;
  public static final long WINDOW_MILLIS = 60_000;
  /** Above this many hosts, expired windows are dropped so the map cannot grow without bound. */
  private static final int PRUNE_ABOVE = 10_000;

  private record Window(long startMillis, int failures) {}

  private final Clock clock;
  private final ConcurrentHashMap<String, Window> byHost = new ConcurrentHashMap<>();

  public JoinAttempts(Clock clock) {
    this.clock = clock;
  }

  /** Whether {@code host} has used up its wrong guesses for the current window. */
  public boolean blocked(String host) {
    Window w = byHost.get(host);
    return w != null && clock.millis() - w.startMillis() < WINDOW_MILLIS && w.failures() >= LIMIT;
  }

  /** Records a wrong join code from {@code host}. */
  public void failed(String host) {
    long now = clock.millis();
    byHost.compute(host, (h, w) -> w == null || now - w.startMillis() >= WINDOW_MILLIS
        ? new Window(now, 1)
        : new Window(w.startMillis(), w.failures() + 1));
    if (byHost.size() > PRUNE_ABOVE) {
      byHost.values().removeIf(w -> now - w.startMillis() >= WINDOW_MILLIS);
    }
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
}
