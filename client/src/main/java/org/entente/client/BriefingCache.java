package org.entente.client;

import java.util.Optional;
import org.entente.proto.protocol.v1.Briefing;

/**
 * The scenario's {@link Briefing} for one seat, asked for once. A briefing belongs to a seat
 * (session, role, country: {@link SessionModel#briefingKey}); a reconnect to the same seat keeps
 * it, another seat or a move to another country asks again, and an answer with the same
 * digest keeps the copy already held.
 *
 * <p>Not thread-safe: {@link ClientSession} calls it under its lock.
 */
final class BriefingCache {
  private Briefing briefing;

  /** The seat {@link #briefing} answers for; "" for none. */
  private String answeredFor = "";

  private boolean asking;

  /** Whether to ask the server now for {@code key}'s briefing; if so, the caller asks and reports back. */
  boolean startAsking(String key) {
    if (key.isEmpty() || key.equals(answeredFor) || asking) {
      return false;
    }
    asking = true;
    return true;
  }

  /** The request ended: a briefing, none (a server that sends none: do not ask again), or a lost connection. */
  void answered(String key, String currentKey, Optional<Briefing> answer, boolean lost) {
    asking = false;
    if (!lost) {
      keep(key, currentKey, answer.orElse(null));
    }
  }

  /** A briefing arrived for {@code key} while the seat is {@code currentKey}. */
  void keep(String key, String currentKey, Briefing b) {
    if (!key.equals(currentKey)) {
      return;
    }
    if (b == null || briefing == null || !b.getDigest().equals(briefing.getDigest())) {
      briefing = b;
    }
    answeredFor = key;
  }

  Optional<Briefing> get(String currentKey) {
    return !currentKey.isEmpty() && answeredFor.equals(currentKey)
        ? Optional.ofNullable(briefing)
        : Optional.empty();
  }

  /** Nothing more will arrive for {@code currentKey} without asking again. */
  boolean settled(String currentKey) {
    return answeredFor.equals(currentKey) || !asking;
  }
}
