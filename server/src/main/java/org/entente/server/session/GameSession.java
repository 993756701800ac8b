package org.entente.server.session;

import com.google.protobuf.InvalidProtocolBufferException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;
import org.entente.proto.journal.v1.SessionHeader;
import org.entente.proto.journal.v1.Snapshot;
import org.entente.proto.protocol.v1.ClientMessage;
import org.entente.proto.protocol.v1.ErrorCode;
import org.entente.proto.protocol.v1.ServerMessage;
import org.entente.proto.scenario.v1.Press;
import org.entente.server.journal.SessionJournal;
import org.entente.server.rules.ScenarioInfo;
import org.entente.server.rules.SessionRules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One game session: an actor whose state is confined to a serial executor. The public
 * methods may be called from any thread (typically an event loop); each only enqueues a
 * task. Every change made by a task checks that it runs on the session's thread
 * ({@link SessionThread}) and throws otherwise.
 *
 * <p>Every accepted mutation goes through {@link #commit}, which applies it at once (later
 * requests are checked against it). At the end of each task the events it committed go to
 * the journal as one record (with the response, for a request carrying an idempotency
 * key), so a request's changes are durable all together or not at all. Nothing leaves the
 * session before it is durable: events are delivered, and responses sent (in request
 * order), only once the journal has the records they depend on.
 *
 * <p>The pieces, one role each: {@link Outbox} (unwritten events, what waits for the
 * journal, the storage-failed latch), {@link Seating} (who holds which seat),
 * {@link Delivery} (events to connections), {@link RememberedResponses} (answers to retried
 * requests), {@link Recovery} (rebuilding from the journal), {@link SessionDispatch} (which
 * handler answers which request), {@link Turns} and the commands.
 */
public final class GameSession {
  private static final Logger log = LoggerFactory.getLogger(GameSession.class);

  /** Seats per session, game master included: a class with room to spare. */
  public static final int MAX_SEATS = 100;

  final SessionState state;

  /** The events: the newest in memory, the others in the journal. */
  final History history;

  final SessionRules rules;

  /** Every call that changed the rules' state, for snapshots; make rules changes through it. */
  final RulesSteps rulesSteps;

  final Clock clock;
  final Tokens tokens;
  final Turns turns;
  final Seating seating;
  final SessionBriefings briefings;
  private final Executor executor;
  private final SessionThread thread;
  private final Runnable onEnded;
  private final RememberedResponses remembered;
  final Outbox outbox;
  private final Delivery delivery;
  private final GameMasterCommands gameMaster;
  private final SessionDispatch dispatch;
  private final Scheduler scheduler;

  /** The pending check of a session nobody has started; session-thread only. */
  private Scheduler.Cancellable idleCheck;

  /** Told, on the session's thread, which seat a connection now holds. */
  public interface AttachCallback {
    void attached(SeatRef seat);

    /** The request was refused (the error has been sent); the connection may try again. */
    void refused();
  }

  /** A connection's reference to its seat. */
  public record SeatRef(GameSession session, long seatId, Role role) {}

  private GameSession(
      SessionState state,
      SessionRules rules,
      Executor executor,
      Scheduler scheduler,
      Clock clock,
      Tokens tokens,
      Runnable onEnded,
      SessionJournal journal,
      SessionHeader header) {
    this.state = state;
    this.history = new History(journal, History.DEFAULT_TAIL);
    this.rules = rules;
    this.rulesSteps = new RulesSteps(rules);
    this.executor = executor;
    this.clock = clock;
    this.tokens = tokens;
    this.onEnded = onEnded;
    this.thread = new SessionThread(state.sessionId);
    this.remembered = new RememberedResponses(state, thread);
    this.outbox =
        new Outbox(
            state,
            thread,
            clock,
            journal,
            header,
            remembered,
            rulesSteps,
            history,
            this::execute,
            () -> delivery().deliverAll());
    this.delivery = new Delivery(state, history, thread, outbox::durableSeq, this::execute);
    this.scheduler = scheduler;
    this.turns = new Turns(this, scheduler);
    this.seating = new Seating(this, thread, outbox, remembered, delivery);
    this.briefings = new SessionBriefings(rules, state.totalTurns);
    this.state.nobodySinceMillis = clock.millis();
    this.gameMaster = new GameMasterCommands(this);
    this.dispatch = new SessionDispatch(new PlayerCommands(this), gameMaster, seating, turns);
  }

  /** The outbox tells the delivery, made after it, that more events are durable. */
  private Delivery delivery() {
    return delivery;
  }

  public String sessionId() {
    return state.sessionId;
  }

  public String joinCode() {
    return state.joinCode;
  }

  /** What the lobby shows of the session's scenario (immutable: any thread may read it). */
  public ScenarioInfo scenario() {
    return rules.scenario();
  }

  /** What a new session is made of. */
  public record Setup(
      String sessionId,
      String joinCode,
      SessionRules rules,
      int totalTurns,
      Press press,
      DeadlinePolicy deadline,
      long seed) {}

  /** A new session in the WAITING phase, with no seats yet, kept in memory only. */
  public static GameSession open(
      Setup setup,
      Executor executor,
      Scheduler scheduler,
      Clock clock,
      Tokens tokens,
      Runnable onEnded) {
    return open(
        setup,
        executor,
        scheduler,
        clock,
        tokens,
        onEnded,
        SessionJournal.memory(SessionJournal.MEMORY_HISTORY_BYTES),
        SessionHeader.getDefaultInstance());
  }

  /**
   * A new session whose changes go to {@code journal}; {@code header} describes it in its
   * snapshots (the journal's first snapshot must hold {@link #initialSnapshot(SessionHeader)}).
   */
  public static GameSession open(
      Setup setup,
      Executor executor,
      Scheduler scheduler,
      Clock clock,
      Tokens tokens,
      Runnable onEnded,
      SessionJournal journal,
      SessionHeader header) {
    SessionState state =
        new SessionState(
            setup.sessionId(),
            setup.joinCode(),
            setup.rules().scenario(),
            setup.totalTurns(),
            setup.press(),
            setup.deadline(),
            setup.seed());
    return new GameSession(
        state, setup.rules(), executor, scheduler, clock, tokens, onEnded, journal, header);
  }

  /** The snapshot a new session's journal starts from. */
  public static byte[] initialSnapshot(SessionHeader header) {
    return Snapshot.newBuilder().setHeader(header).setTurn(0).build().toByteArray();
  }

  /** What recovery rebuilt from a session's files. */
  public record Restored(
      GameSession session,
      long records,
      long lastWrittenMillis,
      Phase phase,
      int turn,
      long lastSeq) {}

  /**
   * Rebuilds a session from its newest snapshot and the journal records written after it
   * ({@link Recovery}), on the caller's thread, before the session is reachable. Then, on
   * the session's thread, a running turn gets back the time it had left when the last
   * record was written (the clock stops while the server is down).
   */
  public static Restored restore(
      Setup setup,
      Executor executor,
      Scheduler scheduler,
      Clock clock,
      Tokens tokens,
      Runnable onEnded,
      SessionJournal journal,
      byte[] snapshot,
      List<byte[]> records)
      throws InvalidProtocolBufferException {
    Snapshot snap = Snapshot.parseFrom(snapshot);
    GameSession session =
        open(setup, executor, scheduler, clock, tokens, onEnded, journal, snap.getHeader());
    long lastWritten =
        new Recovery(session, session.remembered, snap.getHeader().getCreatedEpochMillis())
            .replay(snap, records);
    session.outbox.recovered(session.state.lastSeq(), snap.getTurn());
    session.nobodyConnected(); // not yet
    session.execute(() -> session.turns.restarted(lastWritten));
    return new Restored(
        session,
        records.size(),
        lastWritten,
        session.state.phase,
        session.state.turn,
        session.state.lastSeq());
  }

  /**
   * Nobody is connected any more: the session keeps no history in memory (its journal may
   * close its files) and no debrief rendering half sent.
   */
  void nobodyConnected() {
    history.quiet();
    gameMaster.forgetExport();
  }

  /** Runs {@code task} on the session's thread, then journals what it committed. */
  void execute(Runnable task) {
    executor.execute(
        () ->
            thread.run(
                () -> {
                  try {
                    task.run();
                  } catch (RuntimeException e) {
                    log.error("session {}: unexpected failure", state.sessionId, e);
                  } finally {
                    outbox.flush(null);
                    if (history.isQuiet()) {
                      // nobody connected when the task ends (the last one left, or a timed
                      // turn resolved without them): the rules steps wait deflated, and the
                      // rules keep no snapshot for a join that may not come
                      rulesSteps.pack();
                      rules.quiet();
                    }
                  }
                }));
  }

  /**
   * Seats the game master on {@code link}, which is answered with SessionCreated carrying
   * the game-master token. Called once by the lobby, first thing after {@link #open}.
   */
  public void seatGameMaster(
      SessionLink link, long requestId, EntryKey key, String name, AttachCallback callback) {
    execute(() -> seating.seatGameMaster(link, requestId, key, name, callback));
  }

  /** Seats the game master (a create_session without an idempotency key). */
  public void seatGameMaster(
      SessionLink link, long requestId, String name, AttachCallback callback) {
    seatGameMaster(link, requestId, EntryKey.NONE, name, callback);
  }

  /** Takes a new player or spectator seat (a request without an idempotency key). */
  public void join(
      SessionLink link,
      long requestId,
      Role role,
      String name,
      String country,
      AttachCallback callback) {
    join(link, requestId, EntryKey.NONE, role, name, country, callback);
  }

  /** Takes a new player or spectator seat. */
  public void join(
      SessionLink link,
      long requestId,
      EntryKey key,
      Role role,
      String name,
      String country,
      AttachCallback callback) {
    execute(() -> seating.join(link, requestId, key, role, name, country, callback));
  }

  /**
   * A retried create_session: answers as the first time; if the first attempt got no
   * further than making the session, seats the game master now.
   */
  public void retryCreate(
      SessionLink link, long requestId, EntryKey key, String name, AttachCallback callback) {
    execute(() -> seating.retryCreate(link, requestId, key, name, callback));
  }

  /**
   * Reconnects to the seat holding {@code token}, replacing any connection that holds it,
   * and replays every event after {@code lastSeq} that the seat may see.
   */
  public void resume(
      SessionLink link, long requestId, byte[] token, long lastSeq, AttachCallback callback) {
    execute(() -> seating.resume(link, requestId, token, lastSeq, null, callback));
  }

  /**
   * As {@link #resume(SessionLink, long, byte[], long, AttachCallback)} for an address the
   * join limiter blocks: a valid token still takes its seat back, but a wrong one is answered
   * with {@code blocked}, as a blocked join is, so the address learns nothing.
   */
  public void resume(
      SessionLink link,
      long requestId,
      byte[] token,
      long lastSeq,
      RequestException blocked,
      AttachCallback callback) {
    execute(() -> seating.resume(link, requestId, token, lastSeq, blocked, callback));
  }

  /** Handles an in-session request from the connection holding {@code seatId}. */
  public void handle(long seatId, SessionLink link, ClientMessage message) {
    execute(() -> answer(seatId, link, message));
  }

  private void answer(long seatId, SessionLink link, ClientMessage message) {
    long requestId = message.getRequestId();
    Seat seat = state.seat(seatId).orElse(null);
    if (seat == null || seat.link != link) {
      link.close(
          Wire.error(requestId, ErrorCode.REPLACED, "This connection no longer holds a seat."));
      return;
    }
    if (outbox.failed()) {
      link.send(outbox.storageError(requestId));
      return;
    }
    boolean closes = SessionDispatch.closesConnection(message.getBodyCase());
    long key = message.getIdempotencyKey();
    ServerMessage previous = remembered.of(seat, key).orElse(null);
    if (previous != null) {
      ServerMessage again = previous.toBuilder().setRequestId(requestId).build();
      outbox.afterDurable(
          () -> reply(link, again, closes),
          () -> reply(link, outbox.storageError(requestId), closes));
      return;
    }
    ServerMessage response;
    long before = state.lastSeq();
    try {
      response = dispatch.answer(seat, message).build();
      if (key != 0 && state.lastSeq() > before) {
        outbox.flush(remembered.record(seatId, key, response));
      }
    } catch (RequestException e) {
      response = errorResponse(requestId, e);
    } catch (RuntimeException e) {
      log.error("session {}: failure handling {}", state.sessionId, message.getBodyCase(), e);
      response =
          Wire.error(requestId, ErrorCode.UNAVAILABLE, "The server failed to handle this request.");
    }
    ServerMessage answer = response.toBuilder().setRequestId(requestId).build();
    outbox.afterDurable(
        () -> reply(link, answer, closes),
        () -> reply(link, outbox.storageError(requestId), closes));
  }

  private static void reply(SessionLink link, ServerMessage response, boolean closes) {
    if (closes) {
      link.close(response);
    } else {
      link.send(response);
    }
  }

  /**
   * Ends the session if nobody has started it and nobody has been connected to it for
   * {@code timeout} (journalled, so a restart does not bring it back; then it goes the way of
   * every ended session). The check stops once the session starts or ends.
   */
  public void endWhenIdle(Duration timeout) {
    execute(() -> scheduleIdleCheck(timeout, timeout));
  }

  /** Stops the idle check (a session being dropped). */
  public void stopIdleCheck() {
    execute(this::cancelIdleCheck);
  }

  private void scheduleIdleCheck(Duration timeout, Duration delay) {
    cancelIdleCheck();
    if (state.phase == Phase.WAITING) {
      idleCheck = scheduler.schedule(delay, () -> execute(() -> checkIdle(timeout)));
    }
  }

  private void checkIdle(Duration timeout) {
    idleCheck = null;
    if (state.phase != Phase.WAITING) {
      return;
    }
    if (state.seats().stream().anyMatch(seat -> seat.link != null)) {
      scheduleIdleCheck(timeout, timeout);
      return;
    }
    long idle = clock.millis() - state.nobodySinceMillis;
    if (idle < timeout.toMillis()) {
      scheduleIdleCheck(timeout, Duration.ofMillis(timeout.toMillis() - idle));
      return;
    }
    log.info(
        "session {} ({}) ended: nobody started it, and nobody was connected for {} minutes",
        state.sessionId,
        JoinCodes.display(state.joinCode),
        idle / 60_000);
    commit(new SessionEvent.PhaseChanged(Phase.ENDED, 0, 0, 0, "nobody started it"));
  }

  private void cancelIdleCheck() {
    if (idleCheck != null) {
      idleCheck.cancel();
      idleCheck = null;
    }
  }

  /** The connection holding {@code seatId} closed; the seat stays for a reconnect. */
  public void detach(long seatId, SessionLink link) {
    execute(() -> seating.detach(seatId, link));
  }

  /** The connection can take more writes: send what it missed while it could not. */
  public void writable(long seatId, SessionLink link) {
    execute(
        () ->
            state
                .seat(seatId)
                .ifPresent(
                    seat -> {
                      if (seat.link == link) {
                        delivery.deliver(seat);
                      }
                    }));
  }

  /**
   * Throws unless called from one of the session's tasks: the guard of every entry point
   * that changes the session.
   */
  void checkThread(String what) {
    thread.check(what);
  }

  /**
   * Applies and records one accepted change; it is journalled at the end of the task.
   *
   * @throws IllegalStateException if not called from one of the session's tasks
   */
  long commit(SessionEvent event) {
    thread.check("committing " + event.getClass().getSimpleName());
    long seq = state.apply(event);
    history.append(seq, event);
    outbox.add(seq, event);
    if (event instanceof SessionEvent.PhaseChanged changed && changed.phase() != Phase.WAITING) {
      cancelIdleCheck();
    }
    if (event instanceof SessionEvent.PhaseChanged changed && changed.phase() == Phase.ENDED) {
      onEnded.run();
    }
    return seq;
  }

  static ServerMessage errorResponse(long requestId, RequestException e) {
    return Wire.error(requestId, e);
  }
}
