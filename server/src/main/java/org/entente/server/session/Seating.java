package org.entente.server.session;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.entente.engine.report.Viewer;
import org.entente.proto.protocol.v1.ErrorCode;
import org.entente.proto.protocol.v1.Joined;
import org.entente.proto.protocol.v1.Ok;
import org.entente.proto.protocol.v1.Resumed;
import org.entente.proto.protocol.v1.ServerMessage;
import org.entente.proto.protocol.v1.SessionCreated;
import org.entente.proto.protocol.v1.SessionView;
import org.entente.server.lobby.DisplayNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who holds which seat: the game master's seat at creation, joins and spectators (and their
 * retries), resuming with a token, a connection leaving or closing. A seat's connection is
 * attached only once the change that made the seat is on disk. Session-thread only: each
 * method runs inside one of the session's tasks.
 */
final class Seating {
  private static final Logger log = LoggerFactory.getLogger(Seating.class);

  /**
   * Missed events a resume replays at most: a seat further behind gets the current view and
   * the newest ones (older messages: {@code get_history}).
   */
  static final int MAX_REPLAY = 10_000;

  private final GameSession session;
  private final SessionState state;
  private final SessionThread thread;
  private final Outbox outbox;
  private final RememberedResponses remembered;
  private final Delivery delivery;

  Seating(
      GameSession session,
      SessionThread thread,
      Outbox outbox,
      RememberedResponses remembered,
      Delivery delivery) {
    this.session = session;
    this.state = session.state;
    this.thread = thread;
    this.outbox = outbox;
    this.remembered = remembered;
    this.delivery = delivery;
  }

  void seatGameMaster(
      SessionLink link,
      long requestId,
      EntryKey key,
      String name,
      GameSession.AttachCallback callback) {
    thread.check("seating the game master");
    if (refuseIfFailed(link, requestId, callback)) {
      return;
    }
    byte[] token = session.tokens.newToken();
    long seatId = state.newSeatId();
    long seq =
        session.commit(new SessionEvent.SeatJoined(seatId, token, name, Role.GAME_MASTER, ""));
    ServerMessage response =
        ServerMessage.newBuilder()
            .setSessionCreated(
                SessionCreated.newBuilder()
                    .setSessionId(state.sessionId)
                    .setJoinCode(JoinCodes.display(state.joinCode))
                    .setGameMasterToken(Tokens.encode(token))
                    .setView(
                        Views.connecting(
                            Views.view(state, Viewer.GAME_MASTER, session.rules.snapshot()),
                            seatId)))
            .build();
    enter(link, requestId, key, seatId, seq, response, callback);
  }

  void join(
      SessionLink link,
      long requestId,
      EntryKey key,
      Role role,
      String name,
      String country,
      GameSession.AttachCallback callback) {
    thread.check("taking a seat");
    if (refuseIfFailed(link, requestId, callback) || retriedEntry(link, requestId, key, callback)) {
      return;
    }
    try {
      if (state.phase == Phase.ENDED) {
        throw new RequestException(ErrorCode.WRONG_PHASE, "The game has ended.");
      }
      if (state.seats().size() >= GameSession.MAX_SEATS) {
        throw new RequestException(
            ErrorCode.UNAVAILABLE, "This session is full (" + GameSession.MAX_SEATS + " seats).");
      }
      if (role == Role.PLAYER && !state.scenario.isPlayable(country)) {
        throw new RequestException(
            ErrorCode.NOT_FOUND,
            "No playable country '"
                + country
                + "'; choose one of "
                + state.scenario.playableCountryIds()
                + ".");
      }
      refuseTakenName(name);
      byte[] token = session.tokens.newToken();
      long seatId = state.newSeatId();
      long seq =
          session.commit(
              new SessionEvent.SeatJoined(
                  seatId, token, name, role, role == Role.PLAYER ? country : ""));
      Seat seat = state.seat(seatId).orElseThrow();
      releaseBotFor(seat.country);
      ServerMessage response =
          ServerMessage.newBuilder()
              .setJoined(
                  Joined.newBuilder()
                      .setSeatId(seatId)
                      .setSeatToken(Tokens.encode(token))
                      .setRole(Wire.role(role))
                      .setCountry(seat.country)
                      .setView(
                          Views.connecting(
                              Views.view(state, seat.viewer(), session.rules.snapshot()), seatId)))
              .build();
      enter(link, requestId, key, seatId, seq, response, callback);
    } catch (RequestException e) {
      outbox.afterDurable(
          () -> {
            callback.refused();
            link.send(GameSession.errorResponse(requestId, e));
          },
          () -> refuseStorage(link, requestId, callback));
    }
  }

  /**
   * Names are unique in a session, the game master's included, compared by
   * {@link DisplayNames#key} so that "bob" and a Cyrillic "Воb" count as "Bob"; a removed
   * seat's name is free again.
   */
  private void refuseTakenName(String name) throws RequestException {
    String key = DisplayNames.key(name);
    for (Seat seat : state.seats()) {
      if (seat.nameKey.equals(key)) {
        throw new RequestException(
            ErrorCode.INVALID_REQUEST,
            "The name '" + name + "' is taken in this session; choose another.");
      }
    }
  }

  /** A retried create_session: answers as the first time, or seats the game master if the first got no further than the session. */
  void retryCreate(
      SessionLink link,
      long requestId,
      EntryKey key,
      String name,
      GameSession.AttachCallback callback) {
    thread.check("retrying a creation");
    if (refuseIfFailed(link, requestId, callback) || retriedEntry(link, requestId, key, callback)) {
      return;
    }
    boolean hasGameMaster = state.seats().stream().anyMatch(s -> s.role == Role.GAME_MASTER);
    if (hasGameMaster) {
      callback.refused();
      link.send(
          Wire.error(
              requestId,
              ErrorCode.UNAVAILABLE,
              "This session already has its game master; resume with the token."));
    } else {
      seatGameMaster(link, requestId, key, name, callback);
    }
  }

  /** {@code blocked}: the answer to a wrong token when the address is blocked from joining, or null. */
  void resume(
      SessionLink link,
      long requestId,
      byte[] token,
      long lastSeq,
      RequestException blocked,
      GameSession.AttachCallback callback) {
    thread.check("resuming a seat");
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
      outbox.afterDurable(
          () -> {
            callback.refused();
            link.send(
                blocked != null
                    ? Wire.error(requestId, blocked)
                    : Wire.error(
                        requestId,
                        ErrorCode.INVALID_TOKEN,
                        "This token does not belong to a seat in this session."));
          },
          () -> refuseStorage(link, requestId, callback));
      return;
    }
    long upTo = state.lastSeq();
    long from = Math.max(Math.min(lastSeq, upTo), upTo - MAX_REPLAY);
    Viewer viewer = found.viewer();
    int missed;
    try {
      missed = visibleEvents(from + 1, upTo, viewer);
    } catch (IOException e) {
      log.warn(
          "session {}: could not read events after {} back for a resume ({})",
          state.sessionId,
          from,
          e.toString());
      outbox.afterDurable(
          () -> {
            callback.refused();
            link.send(
                Wire.error(
                    requestId,
                    ErrorCode.STORAGE_UNAVAILABLE,
                    "The server could not read this session's history back to replay what you missed; "
                        + "try again."));
          },
          () -> refuseStorage(link, requestId, callback));
      return;
    }
    ServerMessage response =
        ServerMessage.newBuilder()
            .setResumed(
                Resumed.newBuilder()
                    .setSeatId(found.id)
                    .setRole(Wire.role(found.role))
                    .setCountry(found.country)
                    .setView(
                        Views.connecting(
                            Views.view(state, viewer, session.rules.snapshot()), found.id))
                    .setReplayed(missed)
                    .setReplayedFromSeq(from + 1))
            .build();
    long seatId = found.id;
    outbox.afterDurable(
        () -> attach(link, requestId, seatId, from, response, callback),
        () -> refuseStorage(link, requestId, callback));
  }

  /** How many of the events {@code fromSeq..toSeq} {@code viewer} may see. */
  private int visibleEvents(long fromSeq, long toSeq, Viewer viewer) throws IOException {
    int visible = 0;
    for (long next = fromSeq; next <= toSeq; ) {
      List<History.Numbered> events = session.history.read(next, toSeq, Delivery.BATCH * 4);
      if (events.isEmpty()) {
        break; // the journal keeps nothing older (a bounded one in memory)
      }
      for (History.Numbered n : events) {
        if (Views.project(n.seq(), n.event(), viewer).isPresent()) {
          visible++;
        }
      }
      next = events.get(events.size() - 1).seq() + 1;
    }
    return visible;
  }

  /**
   * Players and spectators give up their seat (its token stops working); the game master
   * only disconnects, keeping the token. Either way the connection is closed after the ack.
   */
  ServerMessage.Builder leave(Seat seat) {
    thread.check("leaving a seat");
    seat.link = null;
    noteIfNobody();
    if (seat.role != Role.GAME_MASTER) {
      session.commit(new SessionEvent.SeatRemoved(seat.id));
      session.turns.syncTeamReadiness(seat.country);
      session.turns.resolveIfAllReady();
    }
    return ServerMessage.newBuilder().setOk(Ok.getDefaultInstance());
  }

  /** The connection holding {@code seatId} closed; the seat stays for a reconnect. */
  void detach(long seatId, SessionLink link) {
    thread.check("detaching a connection");
    state
        .seat(seatId)
        .ifPresent(
            seat -> {
              if (seat.link == link) {
                seat.link = null;
                if (seat.role == Role.PLAYER) {
                  // The game master and the team see the drop; a member who dropped no longer holds
                  // the team back.
                  seat.dropped = true;
                  session.commit(
                      new SessionEvent.SeatStatusChanged(
                          seat.id, seat.country, false, seat.readyTurn, "connection lost"));
                  session.turns.syncTeamReadiness(seat.country);
                  session.turns.resolveIfAllReady();
                }
                noteIfNobody();
              }
            });
  }

  /**
   * Remembers when the last connection left, for {@link GameSession#endWhenIdle}; the session
   * then keeps no history in memory, and its journal may close its files.
   */
  void noteIfNobody() {
    if (state.seats().stream().allMatch(s -> s.link == null)) {
      state.nobodySinceMillis = session.clock.millis();
      session.nobodyConnected();
    }
  }

  /** A student took a seat on {@code country}: its bot, if any, stands down. */
  void releaseBotFor(String country) {
    if (state.bots.contains(country) && state.playersOf(country) > 0) {
      session.commit(new SessionEvent.BotChanged(country, false, "a student joined"));
    }
  }

  /** Journals a new seat (with the response, if keyed); once durable, attaches the link and answers. */
  private void enter(
      SessionLink link,
      long requestId,
      EntryKey key,
      long seatId,
      long seq,
      ServerMessage response,
      GameSession.AttachCallback callback) {
    var outcome = remembered.recordEntry(seatId, key, withoutView(response));
    if (outcome != null) {
      outbox.flush(outcome);
    }
    outbox.afterDurable(
        () -> attach(link, requestId, seatId, seq, response, callback),
        () -> refuseStorage(link, requestId, callback));
  }

  /** A retried create, join or spectate with its first secret: the seat it made, and its original response. */
  private boolean retriedEntry(
      SessionLink link, long requestId, EntryKey key, GameSession.AttachCallback callback) {
    SessionState.EntryOutcome previous = remembered.entry(key).orElse(null);
    if (previous == null) {
      return false;
    }
    ServerMessage kept = remembered.parse(previous.response());
    Seat seat = state.seat(previous.seatId()).orElse(null);
    ServerMessage response = seat != null && viewOf(kept).isEmpty() ? withView(kept, seat) : kept;
    long seq = viewOf(response).map(SessionView::getLastSeq).orElse(state.lastSeq());
    outbox.afterDurable(
        () -> attach(link, requestId, previous.seatId(), seq, response, callback),
        () -> refuseStorage(link, requestId, callback));
    return true;
  }

  /**
   * A create's or join's answer as an entry key remembers it: without its view of the session
   * (most of the answer, about 2 KB), which a retry gets as the session is then. Answers
   * journalled with their view by an earlier server are given back as they were.
   */
  private static ServerMessage withoutView(ServerMessage response) {
    ServerMessage.Builder b = response.toBuilder();
    if (b.hasJoined()) {
      b.getJoinedBuilder().clearView();
    } else if (b.hasSessionCreated()) {
      b.getSessionCreatedBuilder().clearView();
    }
    return b.build();
  }

  private ServerMessage withView(ServerMessage response, Seat seat) {
    SessionView view =
        Views.connecting(Views.view(state, seat.viewer(), session.rules.snapshot()), seat.id);
    ServerMessage.Builder b = response.toBuilder();
    if (b.hasJoined()) {
      b.getJoinedBuilder().setView(view);
    } else if (b.hasSessionCreated()) {
      b.getSessionCreatedBuilder().setView(view);
    }
    return b.build();
  }

  private static Optional<SessionView> viewOf(ServerMessage response) {
    if (response.hasJoined() && response.getJoined().hasView()) {
      return Optional.of(response.getJoined().getView());
    }
    if (response.hasSessionCreated() && response.getSessionCreated().hasView()) {
      return Optional.of(response.getSessionCreated().getView());
    }
    return Optional.empty();
  }

  private void attach(
      SessionLink link,
      long requestId,
      long seatId,
      long seenSeq,
      ServerMessage response,
      GameSession.AttachCallback callback) {
    thread.check("attaching a connection");
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
    session.history.inUse();
    if (seat.dropped) {
      seat.dropped = false;
      session.commit(
          new SessionEvent.SeatStatusChanged(
              seat.id, seat.country, true, seat.readyTurn, "reconnected"));
    }
    callback.attached(new GameSession.SeatRef(session, seatId, seat.role));
    link.send(response.toBuilder().setRequestId(requestId).build());
    delivery.deliver(seat);
  }

  private boolean refuseIfFailed(
      SessionLink link, long requestId, GameSession.AttachCallback callback) {
    if (outbox.failed()) {
      refuseStorage(link, requestId, callback);
    }
    return outbox.failed();
  }

  private void refuseStorage(
      SessionLink link, long requestId, GameSession.AttachCallback callback) {
    callback.refused();
    link.send(outbox.storageError(requestId));
  }
}
