package org.entente.server.session;

import java.util.ArrayList;
import java.util.List;

/**
 * The session's events in order, from the first after {@link #startAfter}'s seq (a session
 * restored from a state snapshot holds none of the events before it). Session-thread only.
 */
final class EventLog {
  private final List<SessionEvent> events = new ArrayList<>();
  private long base;

  /** A session restored from a snapshot of {@code seq}: the next event is {@code seq + 1}. */
  void startAfter(long seq) {
    if (!events.isEmpty() || base != 0) {
      throw new IllegalStateException("the log already holds events");
    }
    base = seq;
  }

  long append(SessionEvent event) {
    events.add(event);
    return base + events.size();
  }

  long lastSeq() {
    return base + events.size();
  }

  SessionEvent get(long seq) {
    if (seq <= base) {
      throw new IllegalArgumentException(
          "event " + seq + " is before the snapshot this session was restored from");
    }
    return events.get((int) (seq - base - 1));
  }
}
