package org.entente.server.session;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.entente.proto.journal.v1.JournalEvent;
import org.entente.proto.journal.v1.JournalRecord;
import org.entente.proto.journal.v1.RequestOutcome;
import org.entente.proto.journal.v1.SessionHeader;
import org.entente.proto.journal.v1.Snapshot;
import org.entente.proto.protocol.v1.ErrorCode;
import org.entente.proto.protocol.v1.ServerMessage;
import org.entente.server.journal.SessionJournal;
import org.entente.server.journal.TransientStorageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A session's durable outbox: the events committed by the running task, handed to the
 * journal as one record when it ends; the seq up to which everything is on disk; and what
 * waits for that (responses, in request order). Once the journal fails, the latch stays
 * set: everything waiting and everything later is refused, until a restart. Session-thread
 * only; the journal's completions hop back to the session's thread.
 */
final class Outbox {
  private static final Logger log = LoggerFactory.getLogger(Outbox.class);

  private final SessionState state;
  private final SessionThread thread;
  private final Clock clock;
  private final SessionJournal journal;
  private final SessionHeader header;
  private final RememberedResponses remembered;
  private final RulesSteps rulesSteps;
  private final History history;

  /** Runs a task on the session's thread. */
  private final Consumer<Runnable> onSessionThread;

  /** Told, on the session's thread, that more events are durable (to deliver them). */
  private final Runnable onDurable;

  /** Events committed by the running task, not yet handed to the journal. */
  private final List<JournalEvent> unwritten = new ArrayList<>();

  private long unwrittenFirstSeq;

  /** Everything up to this seq is on disk and may be shown. */
  private long durableSeq;

  /** Responses and other actions waiting for the journal, in order. */
  private final ArrayDeque<Waiting> waiting = new ArrayDeque<>();

  private boolean storageFailed;

  /** The journal failed while creating the session's files: nothing was ever acknowledged. */
  private boolean neverCreated;

  private boolean snapshotDue;
  private int snapshotTurn;

  private record Waiting(long seq, Runnable onDurable, Runnable onFailed) {}

  Outbox(
      SessionState state,
      SessionThread thread,
      Clock clock,
      SessionJournal journal,
      SessionHeader header,
      RememberedResponses remembered,
      RulesSteps rulesSteps,
      History history,
      Consumer<Runnable> onSessionThread,
      Runnable onDurable) {
    this.state = state;
    this.thread = thread;
    this.clock = clock;
    this.journal = journal;
    this.header = header;
    this.remembered = remembered;
    this.rulesSteps = rulesSteps;
    this.history = history;
    this.onSessionThread = onSessionThread;
    this.onDurable = onDurable;
  }

  /** After recovery: everything replayed is on disk, and the newest snapshot is of {@code turn}. */
  void recovered(long lastSeq, int turn) {
    durableSeq = lastSeq;
    snapshotTurn = turn;
  }

  long durableSeq() {
    return durableSeq;
  }

  boolean failed() {
    return storageFailed;
  }

  /** Queues a committed event (already applied, with {@code seq}) for the journal. */
  void add(long seq, SessionEvent event) {
    thread.check("committing an event");
    if (unwritten.isEmpty()) {
      unwrittenFirstSeq = seq;
    }
    unwritten.add(JournalCodec.encode(event));
    if (event instanceof SessionEvent.PhaseChanged changed
        && changed.phase() == Phase.RUNNING
        && changed.turn() > snapshotTurn) {
      snapshotDue = true;
    }
  }

  /** Hands the events committed since the last flush to the journal as one record, with {@code outcome} if not null. */
  void flush(RequestOutcome outcome) {
    thread.check("flushing the journal");
    if (unwritten.isEmpty()) {
      return;
    }
    JournalRecord.Builder record =
        JournalRecord.newBuilder()
            .setFirstSeq(unwrittenFirstSeq)
            .addAllEvents(unwritten)
            .setWrittenEpochMillis(clock.millis());
    if (outcome != null) {
      record.setOutcome(outcome);
    }
    unwritten.clear();
    long last = state.lastSeq();
    whenWritten(journal.append(unwrittenFirstSeq, last, record.build().toByteArray()), last);
    if (snapshotDue) {
      snapshotDue = false;
      snapshotTurn = state.turn;
      CompletableFuture<Void> snapshot = journal.snapshot(last, snapshot(last));
      whenDone(snapshot, failure -> snapshotWritten(failure, last));
    }
  }

  /** Runs {@code onDurable} once everything committed so far is on disk, after whatever waits already. */
  void afterDurable(Runnable onDurable, Runnable onFailed) {
    thread.check("waiting for the journal");
    if (storageFailed) {
      onFailed.run();
    } else if (waiting.isEmpty() && unwritten.isEmpty() && state.lastSeq() <= durableSeq) {
      onDurable.run();
    } else {
      waiting.addLast(new Waiting(state.lastSeq(), onDurable, onFailed));
    }
  }

  private void whenWritten(CompletableFuture<Void> written, long seq) {
    whenDone(written, failure -> written(failure, seq));
  }

  /** Runs {@code then} with the failure (null: success) on the session's thread once {@code future} is done. */
  private void whenDone(CompletableFuture<Void> future, Consumer<Throwable> then) {
    if (future.isDone()) {
      then.accept(failureOf(future));
    } else {
      future.whenComplete((v, e) -> onSessionThread.accept(() -> then.accept(failureOf(future))));
    }
  }

  private static Throwable failureOf(CompletableFuture<Void> done) {
    try {
      done.join();
      return null;
    } catch (java.util.concurrent.CompletionException
        | java.util.concurrent.CancellationException e) {
      return e.getCause() == null ? e : e.getCause();
    }
  }

  /**
   * A snapshot that could not be written for a passing reason (the old journal still holds
   * everything) is tried again at the next change; any other failure stops the session.
   */
  private void snapshotWritten(Throwable failure, long seq) {
    thread.check("acknowledging a snapshot");
    if (failure instanceof TransientStorageException) {
      snapshotDue = true;
      return;
    }
    written(failure, seq);
  }

  private void written(Throwable failure, long seq) {
    thread.check("acknowledging a journal write");
    if (failure != null) {
      neverCreated |= durableSeq == 0 && failure instanceof TransientStorageException;
      storageFailed();
      return;
    }
    if (seq <= durableSeq || storageFailed) {
      return;
    }
    durableSeq = seq;
    history.durable(seq);
    onDurable.run();
    while (!waiting.isEmpty() && waiting.peekFirst().seq() <= durableSeq) {
      waiting.pollFirst().onDurable().run();
    }
  }

  private void storageFailed() {
    if (!storageFailed) {
      storageFailed = true;
      if (neverCreated) {
        log.warn(
            "session {}: its files could not be created; the session is refused and dropped",
            state.sessionId);
      } else {
        log.error(
            "session {}: its journal failed; refusing this session's requests until the server is restarted "
                + "(other sessions go on; docs/operations.md, \"When storage fails\")",
            state.sessionId);
      }
    }
    while (!waiting.isEmpty()) {
      waiting.pollFirst().onFailed().run();
    }
  }

  /**
   * The session as of {@code lastSeq} (every event committed so far): its header and its
   * state, the rules' as the steps that rebuild it. Its size follows the seats, the drafts and
   * the turns played, never the number of events.
   */
  byte[] snapshot(long lastSeq) {
    Snapshot.Builder snap =
        Snapshot.newBuilder()
            .setHeader(header)
            .setTurn(state.turn)
            .setLastSeq(lastSeq)
            .setWrittenEpochMillis(clock.millis());
    remembered.addTo(snap);
    return StateCodec.snapshot(snap.build(), state, rulesSteps);
  }

  /** The answer to every request once the journal has failed. */
  ServerMessage storageError(long requestId) {
    return Wire.error(
        requestId,
        ErrorCode.STORAGE_UNAVAILABLE,
        neverCreated
            ? "The server could not save the new session; try again."
            : "The server could not save this change and accepts no more in this session until it is restarted.");
  }
}
