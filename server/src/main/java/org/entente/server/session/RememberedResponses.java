package org.entente.server.session;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.util.Optional;
import org.entente.proto.journal.v1.RequestOutcome;
import org.entente.proto.journal.v1.Snapshot;
import org.entente.proto.protocol.v1.ServerMessage;

/**
 * The responses to keyed requests that changed the session, kept so that a retry gets the
 * first answer instead of a second change (docs/protocol.md, "Retrying requests"): entries
 * (create, join, spectate) per session, everything else per seat. They are journalled with
 * the record of the change they answer, so they survive a restart. Session-thread only.
 */
final class RememberedResponses {
  /** Keyed entry responses a session keeps. */
  static final int MAX_ENTRY_OUTCOMES = 256;

  private final SessionState state;
  private final SessionThread thread;

  RememberedResponses(SessionState state, SessionThread thread) {
    this.state = state;
    this.thread = thread;
  }

  /**
   * Remembers the response to a keyed request that committed events; returns the outcome to
   * journal with them.
   */
  RequestOutcome record(long seatId, long idempotencyKey, ServerMessage response) {
    thread.check("remembering a response");
    RequestOutcome outcome =
        RequestOutcome.newBuilder()
            .setSeatId(seatId)
            .setIdempotencyKey(idempotencyKey)
            .setResponse(response.toByteString())
            .build();
    keep(outcome);
    return outcome;
  }

  /**
   * Remembers the response to a keyed entry that made seat {@code seatId}, if its key has a
   * secret and no other entry holds the key (a key taken by another client keeps its first
   * owner); returns the outcome to journal, or null if nothing is remembered.
   */
  RequestOutcome recordEntry(long seatId, EntryKey key, ServerMessage response) {
    thread.check("remembering an entry");
    if (!key.remembered() || state.entryOutcomes.containsKey(key.key())) {
      return null;
    }
    RequestOutcome outcome =
        RequestOutcome.newBuilder()
            .setSeatId(seatId)
            .setIdempotencyKey(key.key())
            .setResponse(response.toByteString())
            .setEntry(true)
            .setSecretSha256(key.secretSha256())
            .build();
    keep(outcome);
    return outcome;
  }

  /**
   * Remembers a journalled outcome; recovery calls it before the session is reachable. The
   * response is kept encoded, as journalled (checked readable here), and parsed for a retry.
   */
  void remember(RequestOutcome outcome) {
    parse(outcome.getResponse());
    keep(outcome);
  }

  private void keep(RequestOutcome outcome) {
    ByteString response = outcome.getResponse();
    if (outcome.getEntry()) {
      state.entryOutcomes.put(
          outcome.getIdempotencyKey(),
          new SessionState.EntryOutcome(outcome.getSeatId(), response, outcome.getSecretSha256()));
      if (state.entryOutcomes.size() > MAX_ENTRY_OUTCOMES) {
        state.entryOutcomes.remove(state.entryOutcomes.keySet().iterator().next());
      }
    } else {
      state
          .seat(outcome.getSeatId())
          .ifPresent(seat -> seat.recentResponses.put(outcome.getIdempotencyKey(), response));
    }
  }

  /**
   * The first response to a retried create, join or spectate: only for the same key with the
   * same secret (an outcome journalled before secrets existed has none, and matches nothing).
   */
  Optional<SessionState.EntryOutcome> entry(EntryKey key) {
    SessionState.EntryOutcome outcome =
        key.remembered() ? state.entryOutcomes.get(key.key()) : null;
    return outcome != null && key.matches(outcome.secretSha256())
        ? Optional.of(outcome)
        : Optional.empty();
  }

  /** The first response to a retried in-session request of {@code seat} (key 0: none). */
  Optional<ServerMessage> of(Seat seat, long idempotencyKey) {
    ByteString response = idempotencyKey == 0 ? null : seat.recentResponses.get(idempotencyKey);
    return response == null ? Optional.empty() : Optional.of(parse(response));
  }

  /** A remembered response, parsed: it was encoded by this server, or checked when recovered. */
  ServerMessage parse(ByteString response) {
    try {
      return ServerMessage.parseFrom(response);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException(
          "session " + state.sessionId + ": unreadable remembered response", e);
    }
  }

  /** Adds every remembered response to a snapshot: the entries first, then each seat's, oldest first. */
  void addTo(Snapshot.Builder snap) {
    state.entryOutcomes.forEach(
        (key, outcome) ->
            snap.addOutcomes(
                RequestOutcome.newBuilder()
                    .setSeatId(outcome.seatId())
                    .setIdempotencyKey(key)
                    .setResponse(outcome.response())
                    .setEntry(true)
                    .setSecretSha256(outcome.secretSha256())));
    for (Seat seat : state.seats()) {
      seat.recentResponses.forEach(
          (key, response) ->
              snap.addOutcomes(
                  RequestOutcome.newBuilder()
                      .setSeatId(seat.id)
                      .setIdempotencyKey(key)
                      .setResponse(response)));
    }
  }
}
