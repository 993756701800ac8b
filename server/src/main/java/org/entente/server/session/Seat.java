package org.entente.server.session;

import java.security.MessageDigest;
import org.entente.engine.report.Viewer;
import org.entente.server.lobby.DisplayNames;

/** A place in a session: a player on a team, a spectator, or the game master. Session-thread only. */
final class Seat {
  final long id;
  private final byte[] token;
  final String name;

  /** The name compared for uniqueness in the session: case-folded, look-alikes made alike ({@link DisplayNames#key}). */
  final String nameKey;

  final Role role;
  String country;

  /** Muted by the game master: may not send messages. */
  boolean muted;

  /** The connection now holding the seat, or null. */
  SessionLink link;

  /** The turn this member said ready for (0: not ready); the team is ready when every connected member is. */
  int readyTurn;

  /** The seat's connection closed and no other has taken it since (not journalled: a restart starts afresh). */
  boolean dropped;

  /** The highest event seq considered for this seat's connection. */
  long lastSentSeq;

  /**
   * Responses to this seat's recent keyed requests, by idempotency key, oldest first: each
   * ServerMessage encoded, parsed only for a retry.
   */
  final java.util.LinkedHashMap<Long, com.google.protobuf.ByteString> recentResponses =
      new java.util.LinkedHashMap<>() {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(
            java.util.Map.Entry<Long, com.google.protobuf.ByteString> eldest) {
          return size() > RECENT_RESPONSES;
        }
      };

  /**
   * How many keyed responses a seat keeps: as many as a connection may have requests being handled
   * at once (Limits' maxInFlight, 16), which bounds what a drop can take before the client reads
   * the answers it retries. Kept small because an idle session keeps them too (encoded, tens of
   * bytes for most answers, a few hundred for a draft).
   */
  static final int RECENT_RESPONSES = 16;

  Seat(long id, byte[] token, String name, Role role, String country) {
    this.id = id;
    this.token = token.clone();
    this.name = name;
    this.nameKey = DisplayNames.key(name);
    this.role = role;
    this.country = country;
  }

  /** Copy of the token, for snapshots. */
  byte[] token() {
    return token.clone();
  }

  /** Who this seat is as a viewer: its country's actor for a player, the public for a spectator. */
  Viewer viewer() {
    if (role == Role.PLAYER) {
      return Viewer.actor(country);
    }
    return role == Role.GAME_MASTER ? Viewer.GAME_MASTER : Viewer.PUBLIC;
  }

  /** Constant-time comparison, whatever the candidate's length or content. */
  boolean tokenMatches(byte[] candidate) {
    return MessageDigest.isEqual(token, candidate);
  }
}
