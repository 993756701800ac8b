package org.entente.server.session;

import java.time.Clock;
import java.util.concurrent.Executor;
import org.entente.proto.protocol.v1.ClientMessage;
import org.entente.proto.protocol.v1.ErrorCode;
import org.entente.proto.protocol.v1.Joined;
import org.entente.proto.protocol.v1.Resumed;
import org.entente.proto.protocol.v1.ServerMessage;
import org.entente.proto.protocol.v1.SessionCreated;
import org.entente.proto.scenario.v1.Press;
import org.entente.server.rules.SessionRules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One game session: an actor whose state is confined to a serial executor. The public
 * methods may be called from any thread (typically an event loop); each only enqueues
 * work. Every accepted mutation goes through {@link #commit}, which applies it, records it
 * in the event log and delivers it to every connected seat as that seat may see it; the
 * request is acknowledged after the commit, so a journal added in {@code commit} would
 * make every acknowledged change durable.
 */
public final class GameSession {
  private static final Logger log = LoggerFactory.getLogger(GameSession.class);
  /** Events sent to one connection per delivery pass; the rest waits for writability. */
  private static final int DELIVERY_BATCH = 256;
  /** Seats per session, game master included: a class with room to spare. */
  public static final int MAX_SEATS = 100;

  final SessionState state;
  final SessionRules rules;
  final Clock clock;
  final Tokens tokens;
  private final Executor executor;
  final Turns turns;
  private final PlayerCommands players;
  private final GameMasterCommands gameMaster;
  private final Runnable onEnded;

  /** Told, on the session's thread, which seat a connection now holds. */
  public interface AttachCallback {
    void attached(SeatRef seat);

    /** The request was refused (the error has been sent); the connection may try again. */
    void refused();
  }

  /** A connection's reference to its seat. */
  public record SeatRef(GameSession session, long seatId, Role role) {}

  GameSession(
      SessionState state, SessionRules rules, Executor executor, Scheduler scheduler, Clock clock, Tokens tokens, Runnable onEnded) {
    this.state = state;
    this.rules = rules;
    this.executor = executor;
    this.clock = clock;
    this.tokens = tokens;
    this.onEnded = onEnded;
    this.turns = new Turns(this, scheduler);
    this.players = new PlayerCommands(this);
    this.gameMaster = new GameMasterCommands(this);
  }

  public String sessionId() {
    return state.sessionId;
  }

  public String joinCode() {
    return state.joinCode;
  }

  /** Runs {@code task} on the session's thread. */
  void execute(Runnable task) {
    executor.execute(() -> {
      try {
        task.run();
      } catch (RuntimeException e) {
        log.error("session {}: unexpected failure", state.sessionId, e);
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

  /** A new session in the WAITING phase, with no seats yet. */
  public static GameSession open(Setup setup, Executor executor, Scheduler scheduler, Clock clock, Tokens tokens, Runnable onEnded) {
    SessionState state = new SessionState(setup.sessionId(), setup.joinCode(), setup.rules().scenario(),
        setup.totalTurns(), setup.press(), setup.deadline(), setup.seed());
    return new GameSession(state, setup.rules(), executor, scheduler, clock, tokens, onEnded);
  }

  /**
   * Seats the game master on {@code link}, which is answered with SessionCreated carrying
   * the game-master token. Called once by the lobby, first thing after {@link #open}.
   */
  public void seatGameMaster(SessionLink link, long requestId, String name, AttachCallback callback) {
    execute(() -> {
      byte[] token = tokens.newToken();
      long seatId = state.newSeatId();
      long seq = commit(new SessionEvent.SeatJoined(seatId, token, name, Role.GAME_MASTER, ""));
      Seat seat = state.seat(seatId).orElseThrow();
      seat.link = link;
      seat.lastSentSeq = seq;
      callback.attached(new SeatRef(this, seatId, Role.GAME_MASTER));
      link.send(ServerMessage.newBuilder()
          .setRequestId(requestId)
          .setSessionCreated(SessionCreated.newBuilder()
              .setSessionId(state.sessionId)
              .setJoinCode(JoinCodes.display(state.joinCode))
              .setGameMasterToken(Tokens.encode(token))
              .setView(Views.view(state, Viewer.GAME_MASTER, rules.snapshot())))
          .build());
    });
  }

  /** Takes a new player or spectator seat. */
  public void join(SessionLink link, long requestId, Role role, String name, String country, AttachCallback callback) {
    execute(() -> {
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
        seat.link = link;
        seat.lastSentSeq = seq;
        releaseBotFor(seat.country);
        callback.attached(new SeatRef(this, seatId, role));
        link.send(ServerMessage.newBuilder()
            .setRequestId(requestId)
            .setJoined(Joined.newBuilder()
                .setSeatId(seatId)
                .setSeatToken(Tokens.encode(token))
                .setRole(Wire.role(role))
                .setCountry(seat.country)
                .setView(Views.view(state, seat.viewer(), rules.snapshot())))
            .build());
      } catch (RequestException e) {
        callback.refused();
        link.send(errorResponse(requestId, e));
      }
    });
  }

  /**
   * Reconnects to the seat holding {@code token}, replacing any connection that holds it,
   * and replays every event after {@code lastSeq} that the seat may see.
   */
  public void resume(SessionLink link, long requestId, byte[] token, long lastSeq, AttachCallback callback) {
    execute(() -> {
      Seat found = null;
      for (Seat seat : state.seats()) {
        if (seat.tokenMatches(token)) {
          found = seat; // no early exit: every seat is compared
        }
      }
      if (found == null) {
        callback.refused();
        link.send(Wire.error(requestId, ErrorCode.INVALID_TOKEN, "This token does not belong to a seat in this session."));
        return;
      }
      if (found.link != null && found.link != link) {
        found.link.close(Wire.error(0, ErrorCode.REPLACED, "Another connection took over this seat."));
      }
      found.link = link;
      found.lastSentSeq = Math.min(lastSeq, state.log.lastSeq());
      int missed = 0;
      Viewer viewer = found.viewer();
      for (long seq = found.lastSentSeq + 1; seq <= state.log.lastSeq(); seq++) {
        if (Views.project(seq, state.log.get(seq), viewer).isPresent()) {
          missed++;
        }
      }
      callback.attached(new SeatRef(this, found.id, found.role));
      link.send(ServerMessage.newBuilder()
          .setRequestId(requestId)
          .setResumed(Resumed.newBuilder()
              .setSeatId(found.id)
              .setRole(Wire.role(found.role))
              .setCountry(found.country)
              .setView(Views.view(state, viewer, rules.snapshot()))
              .setReplayed(missed))
          .build());
      deliver(found);
    });
  }

  /** Handles an in-session request from the connection holding {@code seatId}. */
  public void handle(long seatId, SessionLink link, ClientMessage message) {
    execute(() -> {
      Seat seat = state.seat(seatId).orElse(null);
      if (seat == null || seat.link != link) {
        link.close(Wire.error(message.getRequestId(), ErrorCode.REPLACED, "This connection no longer holds a seat."));
        return;
      }
      try {
        if (!Permissions.allows(seat.role, message.getBodyCase())) {
          throw new RequestException(ErrorCode.PERMISSION_DENIED,
              "A " + seat.role.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                  + " may not send " + message.getBodyCase().name().toLowerCase(java.util.Locale.ROOT) + ".");
        }
        if (message.hasLeaveSession()) {
          leave(seat, message.getRequestId());
          return;
        }
        ServerMessage.Builder response = seat.role == Role.GAME_MASTER && !isSharedRequest(message)
            ? gameMaster.handle(seat, message)
            : players.handle(seat, message);
        link.send(response.setRequestId(message.getRequestId()).build());
      } catch (RequestException e) {
        link.send(errorResponse(message.getRequestId(), e));
      } catch (RuntimeException e) {
        log.error("session {}: failure handling {}", state.sessionId, message.getBodyCase(), e);
        link.send(Wire.error(message.getRequestId(), ErrorCode.UNAVAILABLE, "The server failed to handle this request."));
      }
    });
  }

  private static boolean isSharedRequest(ClientMessage message) {
    switch (message.getBodyCase()) {
      case GET_HISTORY:
      case GET_VIEW:
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
    link.close(ServerMessage.newBuilder().setRequestId(requestId).setOk(org.entente.proto.protocol.v1.Ok.getDefaultInstance()).build());
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

  /** Applies, records and delivers one accepted change; the journal seam. Session thread only. */
  long commit(SessionEvent event) {
    long seq = state.apply(event);
    for (Seat seat : state.seats()) {
      deliver(seat);
    }
    if (event instanceof SessionEvent.PhaseChanged && ((SessionEvent.PhaseChanged) event).phase() == Phase.ENDED) {
      onEnded.run();
    }
    return seq;
  }

  private void deliver(Seat seat) {
    int sent = 0;
    while (seat.link != null && seat.lastSentSeq < state.log.lastSeq() && sent < DELIVERY_BATCH && seat.link.isWritable()) {
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
