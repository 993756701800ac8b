package org.entente.server.session;

import java.util.ArrayList;
import java.util.List;

/** The session's events in order; seq n is at index n - 1. Session-thread only. */
final class EventLog {
  private final List<SessionEvent> events = new ArrayList<>();

  long append(SessionEvent event) {
    events.add(event);
    return events.size();
  }

  long lastSeq() {
    return events.size();
  }

  SessionEvent get(long seq) {
    return events.get((int) (seq - 1));
  }
}
