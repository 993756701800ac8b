package org.entente.server.session;

import com.google.protobuf.InvalidProtocolBufferException;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.entente.engine.report.Viewer;
import org.entente.proto.journal.v1.JournalEvent;
import org.entente.proto.journal.v1.JournalRecord;
import org.entente.proto.journal.v1.RequestOutcome;
import org.entente.proto.journal.v1.SessionHeader;
import org.entente.proto.journal.v1.Snapshot;
import org.entente.proto.protocol.v1.ClientMessage;
import org.entente.proto.protocol.v1.ErrorCode;
import org.entente.proto.protocol.v1.Joined;
import org.entente.proto.protocol.v1.Resumed;
import org.entente.proto.protocol.v1.ServerMessage;
import org.entente.proto.protocol.v1.SessionCreated;
import org.entente.proto.scenario.v1.Press;
import org.entente.server.journal.SessionJournal;
import org.entente.server.rules.SessionRules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One game session: an actor whose state is confined to a serial executor. The public
 * methods may be called from any thread (typically an event loop); each only enqueues
 * work.
 *
 * <p>Every accepted mutation goes through {@link #commit}, which applies it at once (later
 * requests are checked against it). At the end of each task the events it committed go to
 * the journal as one record (with the response, for a request carrying an idempotency
 * key), so a request's changes are durable all together or not at all. Nothing leaves the
 * session before it is durable: events are delivered, and responses sent (in request
 * order), only once the journal has the records they depend on; until then they wait in
 * {@link #waiting}.
 */
public final class GameSession {
  private static final Logger log = LoggerFactory.getLogger(GameSession.class);
  /** Events sent to one connection per delivery pass; the rest waits for writability. */
  private static final int DELIVERY_BATCH = 256;
  /** Seats per session, game master included: a class with room to spare. */
  public static final int MAX_SEATS = 100;
  /** Keyed entry responses a session keeps. */
  static final int MAX_ENTRY_OUTCOMES = 256;

  final SessionState state;
  final SessionRules rules;
  final Clock clock;
  final Tokens tokens;
  private final Executor executor;
  final Turns turns;
  private final PlayerCommands players;
  private final GameMasterCommands gameMaster;
  final SessionBriefings briefings;
  private final Runnable onEnded;
  private final SessionJournal journal;
  private final SessionHeader header;

  /** Events committed by the running task, not yet handed to the journal. */
  private final List<JournalEvent> unwritten = new ArrayList<>();
  private long unwrittenFirstSeq;
  /** Everything up to this seq is on disk and may be shown. */
  private long durableSeq;
  /** Responses and other actions waiting for the journal, in order. */
  private final ArrayDeque<Waiting> waiting = new ArrayDeque<>();
  private boolean storageFailed;
  private boolean snapshotDue;
  private int snapshotTurn;

  private record Waiting(long seq, Runnable onDurable, Runnable onFailed) {}

  /** Told, on the session's thread, which seat a connection now holds. */
  public interface AttachCallback {
    void attached(SeatRef seat);

    /** The request was refused (the error has been sent); the connection may try again. */
    void refused();
  }

  /** A connection's reference to its seat. */
  public record SeatRef(GameSession session, long seatId, Role role) {}

  GameSession(SessionState state, SessionRules rules, Executor executor, Scheduler scheduler, Clock clock, Tokens tokens,
      Runnable onEnded, SessionJournal journal, SessionHeader header) {
    this.state = state;
    this.rules = rules;
    this.executor = executor;
    this.clock = clock;
    this.tokens = tokens;
    this.onEnded = onEnded;
    this.journal = journal;
    this.header = header;
    this.turns = new Turns(this, scheduler);
    this.players = new PlayerCommands(this);
    this.gameMaster = new GameMasterCommands(this);
    this.briefings = new SessionBriefings(rules, state.totalTurns);
  }

  public String sessionId() {
    return state.sessionId;
  }

  public String joinCode() {
    return state.joinCode;
  }

  /** Runs {@code task} on the session's thread, then journals what it committed. */
  void execute(Runnable task) {
    executor.execute(() -> {
      try {
        task.run();
      } catch (RuntimeException e) {
        log.error("session {}: unexpected failure", state.sessionId, e);
      } finally {
        flush(null);
      }
    });
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
  public static GameSession open(Setup setup, Executor executor, Scheduler scheduler, Clock clock, Tokens tokens, Runnable onEnded) {
    return open(setup, executor, scheduler, clock, tokens, onEnded, SessionJournal.NONE, SessionHeader.getDefaultInstance());
  }

  /**
   * A new session whose changes go to {@code journal}; {@code header} describes it in its
   * snapshots (the journal's first snapshot must hold {@link #initialSnapshot(SessionHeader)}).
   */
  public static GameSession open(Setup setup, Executor executor, Scheduler scheduler, Clock clock, Tokens tokens, Runnable onEnded,
      SessionJournal journal, SessionHeader header) {
    SessionState state = new SessionState(setup.sessionId(), setup.joinCode(), setup.rules().scenario(),
        setup.totalTurns(), setup.press(), setup.deadline(), setup.seed());
    return new GameSession(state, setup.rules(), executor, scheduler, clock, tokens, onEnded, journal, header);
  }

  /** The snapshot a new session's journal starts from. */
  public static byte[] initialSnapshot(SessionHeader header) {
    return Snapshot.newBuilder().setHeader(header).setTurn(0).build().toByteArray();
  }

  /** What recovery rebuilt from a session's files. */
  public record Restored(GameSession session, long records, long lastWrittenMillis, Phase phase, int turn, long lastSeq) {}

  /**
   * Rebuilds a session from its newest snapshot and the journal records written after it,
   * re-resolving each recorded turn with the rules (resolution is deterministic given the
   * scenario, state, orders and seed). Runs on the caller's thread, before the session is
   * reachable. Then, on the session's thread, a running turn gets back the time it had left
   * when the last record was written (the clock stops while the server is down).
   */
  public static Restored restore(Setup setup, Executor executor, Scheduler scheduler, Clock clock, Tokens tokens,
      Runnable onEnded, SessionJournal journal, byte[] snapshot, List<byte[]> records) throws InvalidProtocolBufferException {
    Snapshot snap = Snapshot.parseFrom(snapshot);
    GameSession session = open(setup, executor, scheduler, clock, tokens, onEnded, journal, snap.getHeader());
    session.snapshotTurn = snap.getTurn();
    long lastWritten = snap.getHeader().getCreatedEpochMillis();
    for (JournalRecord r : snap.getRecordsList()) {
      session.replay(r);
      lastWritten = Math.max(lastWritten, r.getWrittenEpochMillis());
    }
    for (byte[] bytes : records) {
      JournalRecord r = JournalRecord.parseFrom(bytes);
      session.replay(r);
      lastWritten = Math.max(lastWritten, r.getWrittenEpochMillis());
    }
    session.durableSeq = session.state.log.lastSeq();
    long downFrom = lastWritten;
    session.execute(() -> session.turns.restarted(downFrom));
    return new Restored(session, records.size(), lastWritten, session.state.phase, session.state.turn, session.durableSeq);
  }

  private void replay(JournalRecord record) {
    if (record.getEventsCount() > 0 && record.getFirstSeq() != state.log.lastSeq() + 1) {
      throw new IllegalStateException("session " + state.sessionId + ": journal record starts at seq " + record.getFirstSeq()
          + " but " + state.log.lastSeq() + " events precede it");
    }
    for (JournalEvent e : record.getEventsList()) {
      SessionEvent event = JournalCodec.decode(e);
      if (event instanceof SessionEvent.TurnResolved t) {
        var result = rules.resolve(Turns.sealedOrders(state), t.seed());
        if (!JournalCodec.sameReport(result.lines(), t.lines())) {
          log.warn("session {}: turn {} re-resolved to a different report than the recorded one (rules changed?); "
              + "keeping the recorded report", state.sessionId, t.turn());
        }
      } else if (event instanceof SessionEvent.NewsPublished n) {
        rules.apply(n.event());
      }
      state.apply(event);
    }
    if (record.hasOutcome()) {
      remember(record.getOutcome());
    }
  }

  private void remember(RequestOutcome outcome) {
    ServerMessage response;
    try {
      response = ServerMessage.parseFrom(outcome.getResponse());
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("session " + state.sessionId + ": unreadable response in the journal", e);
    }
    if (outcome.getEntry()) {
      state.entryOutcomes.put(outcome.getIdempotencyKey(), new SessionState.EntryOutcome(outcome.getSeatId(), response));
      if (state.entryOutcomes.size() > MAX_ENTRY_OUTCOMES) {
        state.entryOutcomes.remove(state.entryOutcomes.keySet().iterator().next());
      }
    } else {
      state.seat(outcome.getSeatId()).ifPresent(seat -> seat.recentResponses.put(outcome.getIdempotencyKey(), response));
    }
  }

  /**
   * Seats the game master on {@code link}, which is answered with SessionCreated carrying
   * the game-master token. Called once by the lobby, first thing after {@link #open}.
   */
  public void seatGameMaster(SessionLink link, long requestId, long idempotencyKey, String name, AttachCallback callback) {
    execute(() -> {
      if (refuseIfFailed(link, requestId, callback)) {
        return;
      }
      byte[] token = tokens.newToken();
      long seatId = state.newSeatId();
      long seq = commit(new SessionEvent.SeatJoined(seatId, token, name, Role.GAME_MASTER, ""));
      ServerMessage response = ServerMessage.newBuilder()
          .setSessionCreated(SessionCreated.newBuilder()
              .setSessionId(state.sessionId)
              .setJoinCode(JoinCodes.display(state.joinCode))
              .setGameMasterToken(Tokens.encode(token))
              .setView(Views.view(state, Viewer.GAME_MASTER, rules.snapshot())))
          .build();
      enter(link, requestId, idempotencyKey, seatId, seq, response, callback);
    });
  }

  /** Seats the game master (a create_session without an idempotency key). */
  public void seatGameMaster(SessionLink link, long requestId, String name, AttachCallback callback) {
    seatGameMaster(link, requestId, 0, name, callback);
  }

  /** Takes a new player or spectator seat (a request without an idempotency key). */
  public void join(SessionLink link, long requestId, Role role, String name, String country, AttachCallback callback) {
    join(link, requestId, 0, role, name, country, callback);
  }

  /** Takes a new player or spectator seat. */
  public void join(SessionLink link, long requestId, long idempotencyKey, Role role, String name, String country,
      AttachCallback callback) {
    execute(() -> {
      if (refuseIfFailed(link, requestId, callback) || retriedEntry(link, requestId, idempotencyKey, callback)) {
        return;
      }
      try {
        if (state.phase == Phase.ENDED) {
          throw new RequestException(ErrorCode.WRONG_PHASE, "The game has ended.");
        }
        if (state.seats().size() >= MAX_SEATS) {
          throw new RequestException(ErrorCode.UNAVAILABLE, "This session is full (" + MAX_SEATS + " seats).");
        }
        if (role == Role.PLAYER && !state.scenario.isPlayable(country)) {
          throw new RequestException(ErrorCode.NOT_FOUND,
              "No playable country '" + country + "'; choose one of " + state.scenario.playableCountryIds() + ".");
        }
        byte[] token = tokens.newToken();
        long seatId = state.newSeatId();
        long seq = commit(new SessionEvent.SeatJoined(seatId, token, name, role, role == Role.PLAYER ? country : ""));
        Seat seat = state.seat(seatId).orElseThrow();
        releaseBotFor(seat.country);
        ServerMessage response = ServerMessage.newBuilder()
            .setJoined(Joined.newBuilder()
                .setSeatId(seatId)
                .setSeatToken(Tokens.encode(token))
                .setRole(Wire.role(role))
                .setCountry(seat.country)
                .setView(Views.view(state, seat.viewer(), rules.snapshot())))
            .build();
        enter(link, requestId, idempotencyKey, seatId, seq, response, callback);
      } catch (RequestException e) {
        afterDurable(() -> {
          callback.refused();
          link.send(errorResponse(requestId, e));
        }, () -> refuseStorage(link, requestId, callback));
      }
    });
  }

  /** Journals a new seat (with the response, if keyed); once durable, attaches the link and answers. */
  private void enter(SessionLink link, long requestId, long key, long seatId, long seq, ServerMessage response,
      AttachCallback callback) {
    if (key != 0) {
      RequestOutcome outcome = RequestOutcome.newBuilder().setSeatId(seatId).setIdempotencyKey(key)
          .setResponse(response.toByteString()).setEntry(true).build();
      remember(outcome);
      flush(outcome);
    }
    afterDurable(() -> attach(link, requestId, seatId, seq, response, callback), () -> refuseStorage(link, requestId, callback));
  }

  /** A retried create, join or spectate: the seat it made, and its original response. */
  private boolean retriedEntry(SessionLink link, long requestId, long key, AttachCallback callback) {
    SessionState.EntryOutcome previous = key == 0 ? null : state.entryOutcomes.get(key);
    if (previous == null) {
      return false;
    }
    long seq = previous.response().hasJoined()
        ? previous.response().getJoined().getView().getLastSeq()
        : previous.response().getSessionCreated().getView().getLastSeq();
    afterDurable(() -> attach(link, requestId, previous.seatId(), seq, previous.response(), callback),
        () -> refuseStorage(link, requestId, callback));
    return true;
  }

  /**
   * A retried create_session: answers as the first time; if the first attempt got no
   * further than making the session, seats the game master now.
   */
  public void retryCreate(SessionLink link, long requestId, long idempotencyKey, String name, AttachCallback callback) {
    execute(() -> {
      if (refuseIfFailed(link, requestId, callback) || retriedEntry(link, requestId, idempotencyKey, callback)) {
        return;
      }
      boolean hasGameMaster = state.seats().stream().anyMatch(s -> s.role == Role.GAME_MASTER);
      if (hasGameMaster) {
        callback.refused();
        link.send(Wire.error(requestId, ErrorCode.UNAVAILABLE, "This session already has its game master; resume with the token."));
      } else {
        seatGameMaster(link, requestId, idempotencyKey, name, callback);
      }
    });
  }

  private void attach(SessionLink link, long requestId, long seatId, long seenSeq, ServerMessage response, AttachCallback callback) {
    Seat seat = state.seat(seatId).orElse(null);
    if (seat == null) {
      callback.refused();
      link.send(Wire.error(requestId, ErrorCode.INVALID_TOKEN, "This seat was removed."));
      return;
    }
    if (seat.link != null && seat.link != link) {
      seat.link.close(Wire.error(0, ErrorCode.REPLACED, "Another connection took over this seat."));
    }
    seat.link = link;
    seat.lastSentSeq = seenSeq;
    callback.attached(new SeatRef(this, seatId, seat.role));
    link.send(response.toBuilder().setRequestId(requestId).build());
    deliver(seat);
  }

  /**
   * Reconnects to the seat holding {@code token}, replacing any connection that holds it,
   * and replays every event after {@code lastSeq} that the seat may see.
   */
  public void resume(SessionLink link, long requestId, byte[] token, long lastSeq, AttachCallback callback) {
    execute(() -> {
      if (refuseIfFailed(link, requestId, callback)) {
        return;
      }
      Seat found = null;
      for (Seat seat : state.seats()) {
        if (seat.tokenMatches(token)) {
          found = seat; // no early exit: every seat is compared
        }
      }
      if (found == null) {
        afterDurable(() -> {
          callback.refused();
          link.send(Wire.error(requestId, ErrorCode.INVALID_TOKEN, "This token does not belong to a seat in this session."));
        }, () -> refuseStorage(link, requestId, callback));
        return;
      }
      long upTo = state.log.lastSeq();
      long from = Math.min(lastSeq, upTo);
      int missed = 0;
      Viewer viewer = found.viewer();
      for (long seq = from + 1; seq <= upTo; seq++) {
        if (Views.project(seq, state.log.get(seq), viewer).isPresent()) {
          missed++;
        }
      }
      ServerMessage response = ServerMessage.newBuilder()
          .setResumed(Resumed.newBuilder()
              .setSeatId(found.id)
              .setRole(Wire.role(found.role))
              .setCountry(found.country)
              .setView(Views.view(state, viewer, rules.snapshot()))
              .setReplayed(missed))
          .build();
      long seatId = found.id;
      afterDurable(() -> attach(link, requestId, seatId, from, response, callback), () -> refuseStorage(link, requestId, callback));
    });
  }

  /** Handles an in-session request from the connection holding {@code seatId}. */
  public void handle(long seatId, SessionLink link, ClientMessage message) {
    execute(() -> {
      long requestId = message.getRequestId();
      Seat seat = state.seat(seatId).orElse(null);
      if (seat == null || seat.link != link) {
        link.close(Wire.error(requestId, ErrorCode.REPLACED, "This connection no longer holds a seat."));
        return;
      }
      if (storageFailed) {
        link.send(storageError(requestId));
        return;
      }
      long key = message.getIdempotencyKey();
      ServerMessage previous = key == 0 ? null : seat.recentResponses.get(key);
      if (previous != null) {
        ServerMessage again = previous.toBuilder().setRequestId(requestId).build();
        afterDurable(() -> link.send(again), () -> link.send(storageError(requestId)));
        return;
      }
      ServerMessage response;
      long before = state.log.lastSeq();
      try {
        if (!Permissions.allows(seat.role, message.getBodyCase())) {
          throw new RequestException(ErrorCode.PERMISSION_DENIED,
              "A " + seat.role.name().toLowerCase(Locale.ROOT).replace('_', ' ')
                  + " may not send " + message.getBodyCase().name().toLowerCase(Locale.ROOT) + ".");
        }
        if (message.hasLeaveSession()) {
          leave(seat, requestId);
          return;
        }
        response = (seat.role == Role.GAME_MASTER && !isSharedRequest(message)
            ? gameMaster.handle(seat, message)
            : players.handle(seat, message)).build();
        if (key != 0 && state.log.lastSeq() > before) {
          RequestOutcome outcome = RequestOutcome.newBuilder().setSeatId(seatId).setIdempotencyKey(key)
              .setResponse(response.toByteString()).build();
          remember(outcome);
          flush(outcome);
        }
      } catch (RequestException e) {
        response = errorResponse(requestId, e);
      } catch (RuntimeException e) {
        log.error("session {}: failure handling {}", state.sessionId, message.getBodyCase(), e);
        response = Wire.error(requestId, ErrorCode.UNAVAILABLE, "The server failed to handle this request.");
      }
      ServerMessage answer = response.toBuilder().setRequestId(requestId).build();
      afterDurable(() -> link.send(answer), () -> link.send(storageError(requestId)));
    });
  }

  private static boolean isSharedRequest(ClientMessage message) {
    switch (message.getBodyCase()) {
      case GET_HISTORY:
      case GET_VIEW:
      case GET_BRIEFING:
        return true;
      default:
        return false;
    }
  }

  /**
   * Players and spectators give up their seat (its token stops working); the game master
   * only disconnects, keeping the token. Either way the connection is closed after the ack.
   */
  private void leave(Seat seat, long requestId) {
    SessionLink link = seat.link;
    seat.link = null;
    if (seat.role != Role.GAME_MASTER) {
      commit(new SessionEvent.SeatRemoved(seat.id));
      turns.resolveIfAllReady();
    }
    flush(null);
    afterDurable(
        () -> link.close(ServerMessage.newBuilder().setRequestId(requestId).setOk(org.entente.proto.protocol.v1.Ok.getDefaultInstance()).build()),
        () -> link.close(storageError(requestId)));
  }

  /** The connection holding {@code seatId} closed; the seat stays for a reconnect. */
  public void detach(long seatId, SessionLink link) {
    execute(() -> state.seat(seatId).ifPresent(seat -> {
      if (seat.link == link) {
        seat.link = null;
      }
    }));
  }

  /** The connection can take more writes: send what it missed while it could not. */
  public void writable(long seatId, SessionLink link) {
    execute(() -> state.seat(seatId).ifPresent(seat -> {
      if (seat.link == link) {
        deliver(seat);
      }
    }));
  }

  /** A student took a seat on {@code country}: its bot, if any, stands down. */
  void releaseBotFor(String country) {
    if (state.bots.contains(country) && state.playersOf(country) > 0) {
      commit(new SessionEvent.BotChanged(country, false, "a student joined"));
    }
  }

  /** Applies and records one accepted change; it is journalled at the end of the task. Session thread only. */
  long commit(SessionEvent event) {
    long seq = state.apply(event);
    if (unwritten.isEmpty()) {
      unwrittenFirstSeq = seq;
    }
    unwritten.add(JournalCodec.encode(event));
    if (event instanceof SessionEvent.PhaseChanged) {
      SessionEvent.PhaseChanged changed = (SessionEvent.PhaseChanged) event;
      if (changed.phase() == Phase.ENDED) {
        onEnded.run();
      } else if (changed.phase() == Phase.RUNNING && changed.turn() > snapshotTurn) {
        snapshotDue = true;
      }
    }
    return seq;
  }

  /** Hands the events committed since the last flush to the journal as one record. */
  private void flush(RequestOutcome outcome) {
    if (unwritten.isEmpty()) {
      return;
    }
    JournalRecord.Builder record = JournalRecord.newBuilder()
        .setFirstSeq(unwrittenFirstSeq)
        .addAllEvents(unwritten)
        .setWrittenEpochMillis(clock.millis());
    if (outcome != null) {
      record.setOutcome(outcome);
    }
    unwritten.clear();
    long last = state.log.lastSeq();
    whenWritten(journal.append(record.build().toByteArray()), last);
    if (snapshotDue) {
      snapshotDue = false;
      snapshotTurn = state.turn;
      whenWritten(journal.snapshot(state.turn, snapshot().toByteArray()), last);
    }
  }

  private void whenWritten(CompletableFuture<Void> written, long seq) {
    if (written.isDone()) {
      written(written, seq);
    } else {
      written.whenComplete((v, e) -> execute(() -> written(written, seq)));
    }
  }

  private void written(CompletableFuture<Void> written, long seq) {
    if (written.isCompletedExceptionally()) {
      storageFailed();
      return;
    }
    if (seq <= durableSeq || storageFailed) {
      return;
    }
    durableSeq = seq;
    for (Seat seat : state.seats()) {
      deliver(seat);
    }
    while (!waiting.isEmpty() && waiting.peekFirst().seq() <= durableSeq) {
      waiting.pollFirst().onDurable().run();
    }
  }

  private void storageFailed() {
    if (!storageFailed) {
      storageFailed = true;
      log.error("session {}: the journal failed; refusing every request until the server is restarted", state.sessionId);
    }
    while (!waiting.isEmpty()) {
      waiting.pollFirst().onFailed().run();
    }
  }

  /** Runs {@code onDurable} once everything committed so far is on disk, after whatever waits already. */
  private void afterDurable(Runnable onDurable, Runnable onFailed) {
    if (storageFailed) {
      onFailed.run();
    } else if (waiting.isEmpty() && unwritten.isEmpty() && state.log.lastSeq() <= durableSeq) {
      onDurable.run();
    } else {
      waiting.addLast(new Waiting(state.log.lastSeq(), onDurable, onFailed));
    }
  }

  private boolean refuseIfFailed(SessionLink link, long requestId, AttachCallback callback) {
    if (storageFailed) {
      refuseStorage(link, requestId, callback);
    }
    return storageFailed;
  }

  private static void refuseStorage(SessionLink link, long requestId, AttachCallback callback) {
    callback.refused();
    link.send(storageError(requestId));
  }

  static ServerMessage storageError(long requestId) {
    return Wire.error(requestId, ErrorCode.STORAGE_UNAVAILABLE,
        "The server could not save this change and accepts no more until it is restarted.");
  }

  /** The session as a snapshot: its header, each event as a record, and the remembered responses. */
  private Snapshot snapshot() {
    Snapshot.Builder snap = Snapshot.newBuilder().setHeader(header).setTurn(state.turn);
    long now = clock.millis();
    for (long seq = 1; seq <= state.log.lastSeq(); seq++) {
      snap.addRecords(JournalRecord.newBuilder().setFirstSeq(seq).addEvents(JournalCodec.encode(state.log.get(seq))));
    }
    state.entryOutcomes.forEach((key, outcome) -> snap.addRecords(JournalRecord.newBuilder().setOutcome(RequestOutcome.newBuilder()
        .setSeatId(outcome.seatId()).setIdempotencyKey(key).setResponse(outcome.response().toByteString()).setEntry(true))));
    for (Seat seat : state.seats()) {
      seat.recentResponses.forEach((key, response) -> snap.addRecords(JournalRecord.newBuilder().setOutcome(RequestOutcome.newBuilder()
          .setSeatId(seat.id).setIdempotencyKey(key).setResponse(response.toByteString()))));
    }
    snap.addRecords(JournalRecord.newBuilder().setWrittenEpochMillis(now));
    return snap.build();
  }

  private void deliver(Seat seat) {
    int sent = 0;
    while (seat.link != null && seat.lastSentSeq < durableSeq && sent < DELIVERY_BATCH && seat.link.isWritable()) {
      long seq = ++seat.lastSentSeq;
      SessionLink link = seat.link;
      Views.project(seq, state.log.get(seq), seat.viewer())
          .ifPresent(event -> link.send(ServerMessage.newBuilder().setEvent(event).build()));
      sent++;
    }
    if (sent == DELIVERY_BATCH && seat.link != null && seat.link.isWritable()) {
      execute(() -> deliver(seat));
    }
  }

  static ServerMessage errorResponse(long requestId, RequestException e) {
    return ServerMessage.newBuilder()
        .setRequestId(requestId)
        .setError(org.entente.proto.protocol.v1.Error.newBuilder()
            .setCode(e.code())
            .setMessage(e.getMessage())
            .addAllProblems(e.problems()))
        .build();
  }
}
