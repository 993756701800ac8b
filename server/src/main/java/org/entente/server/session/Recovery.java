package org.entente.server.session;

import com.google.protobuf.InvalidProtocolBufferException;
import java.util.List;
import org.entente.proto.journal.v1.JournalEvent;
import org.entente.proto.journal.v1.JournalRecord;
import org.entente.proto.journal.v1.Snapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds a session from its newest snapshot and the journal records written after it. A
 * snapshot with state gives the seats, drafts and counters, and the rules' steps made again;
 * one without (a new session's, or Entente 0.x's with the history embedded) gives the records
 * to replay from seq 1. Then each later event is applied again in order, each recorded turn
 * re-resolved with the rules (resolution is deterministic given the scenario, state, orders
 * and seed), each remembered response remembered again. Runs on the caller's thread, before
 * the session is reachable.
 */
final class Recovery {
  private static final Logger log = LoggerFactory.getLogger(Recovery.class);

  private final GameSession session;
  private final SessionState state;
  private final RememberedResponses remembered;

  /** The newest time a replayed record was written. */
  private long lastWrittenMillis;

  Recovery(GameSession session, RememberedResponses remembered, long createdMillis) {
    this.session = session;
    this.state = session.state;
    this.remembered = remembered;
    this.lastWrittenMillis = createdMillis;
  }

  /**
   * Restores the snapshot (its state, or, from a snapshot without one, its embedded records),
   * then replays {@code records}, which must continue it; returns when the last of them was
   * written.
   */
  long replay(Snapshot snapshot, List<byte[]> records) throws InvalidProtocolBufferException {
    lastWrittenMillis = Math.max(lastWrittenMillis, snapshot.getWrittenEpochMillis());
    if (snapshot.hasState()) {
      restore(snapshot);
    } else {
      // A new session's first snapshot (no records) or one written by Entente 0.x.
      for (JournalRecord r : snapshot.getRecordsList()) {
        replay(r);
      }
    }
    for (byte[] bytes : records) {
      replay(JournalRecord.parseFrom(bytes));
    }
    return lastWrittenMillis;
  }

  /**
   * The state as the snapshot kept it, and the rules rebuilt by making their steps again in
   * order (resolution and injects are deterministic); the responses a retry may ask for.
   */
  private void restore(Snapshot snapshot) {
    for (RulesSteps.Step step :
        StateCodec.decode(snapshot.getState(), snapshot.getLastSeq(), state)) {
      session.rulesSteps.replay(step);
    }
    session.history.startAfter(snapshot.getLastSeq());
    snapshot.getOutcomesList().forEach(remembered::remember);
  }

  private void replay(JournalRecord record) {
    lastWrittenMillis = Math.max(lastWrittenMillis, record.getWrittenEpochMillis());
    if (record.getEventsCount() > 0 && record.getFirstSeq() != state.lastSeq() + 1) {
      throw new IllegalStateException(
          "session "
              + state.sessionId
              + ": journal record starts at seq "
              + record.getFirstSeq()
              + " but "
              + state.lastSeq()
              + " events precede it");
    }
    for (JournalEvent e : record.getEventsList()) {
      SessionEvent event = JournalCodec.decode(e);
      if (event instanceof SessionEvent.TurnResolved t) {
        var result =
            session.rulesSteps.resolve(
                t.turn(), Turns.sealedOrders(state), t.seed(), t.turn() >= state.totalTurns);
        if (!JournalCodec.sameReport(result.lines(), t.lines())) {
          log.warn(
              "session {}: turn {} re-resolved to a different report than the recorded one (rules changed?); "
                  + "keeping the recorded report",
              state.sessionId,
              t.turn());
        }
      } else if (event instanceof SessionEvent.NewsPublished n) {
        session.rulesSteps.inject(n.event(), n.turn());
      }
      session.history.append(state.apply(event), event);
    }
    session.history.durable(state.lastSeq()); // replayed records are on disk
    if (record.hasOutcome()) {
      remembered.remember(record.getOutcome());
    }
  }
}
