package org.entente.server.session;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** A session's whole history as tests read it: through {@link History}, from memory or the journal. */
final class Histories {
  private Histories() {}

  static List<History.Numbered> all(GameSession session) {
    List<History.Numbered> all = new ArrayList<>();
    long last = session.state.lastSeq();
    try {
      for (long next = 1; next <= last; ) {
        List<History.Numbered> batch = session.history.read(next, last, 10_000);
        if (batch.isEmpty()) {
          break;
        }
        all.addAll(batch);
        next = batch.get(batch.size() - 1).seq() + 1;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return all;
  }

  static List<SessionEvent> events(GameSession session) {
    return all(session).stream().map(History.Numbered::event).toList();
  }

  /** The text of every message posted, oldest first. */
  static List<String> texts(GameSession session) {
    List<String> texts = new ArrayList<>();
    for (SessionEvent e : events(session)) {
      if (e instanceof SessionEvent.MessagePosted m) {
        texts.add(m.message().text());
      }
    }
    return texts;
  }
}
