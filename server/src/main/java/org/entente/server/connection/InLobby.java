package org.entente.server.connection;

import java.util.Optional;
import org.entente.proto.protocol.v1.ClientMessage;
import org.entente.proto.protocol.v1.ConnectionStage;
import org.entente.proto.protocol.v1.Country;
import org.entente.proto.protocol.v1.CreateSession;
import org.entente.proto.protocol.v1.ErrorCode;
import org.entente.proto.protocol.v1.ScenarioList;
import org.entente.proto.protocol.v1.ScenarioSummary;
import org.entente.proto.protocol.v1.ServerMessage;
import org.entente.proto.protocol.v1.SessionInfo;
import org.entente.server.lobby.DisplayNames;
import org.entente.server.lobby.JoinAttempts;
import org.entente.server.rules.ScenarioInfo;
import org.entente.server.session.EntryKey;
import org.entente.server.session.GameSession;
import org.entente.server.session.RequestException;
import org.entente.server.session.Role;
import org.entente.server.session.Tokens;
import org.entente.server.session.Wire;

/**
 * After hello: list scenarios, look up a join code's session, create a session, join, spectate
 * or resume a seat.
 */
final class InLobby extends ConnectionState {
  /** Set once a request to enter a session is in flight, so that a second one is refused. */
  private boolean entering;

  InLobby(ConnectionHandler connection) {
    super(connection);
  }

  @Override
  ConnectionStage stage() {
    return ConnectionStage.LOBBY;
  }

  @Override
  String describe() {
    return "in the lobby";
  }

  @Override
  void onListScenarios(ClientMessage m) {
    ScenarioList.Builder list = ScenarioList.newBuilder();
    for (ScenarioInfo info : connection.lobby().scenarios()) {
      ScenarioSummary.Builder s =
          ScenarioSummary.newBuilder()
              .setId(info.id())
              .setTitle(info.title())
              .setSummary(info.summary())
              .setDefaultTurns(info.defaultTurns())
              .setDefaultPress(info.defaultPress());
      info.countries().forEach(c -> s.addCountries(country(c)));
      list.addScenarios(s);
    }
    connection
        .link()
        .send(
            ServerMessage.newBuilder()
                .setRequestId(m.getRequestId())
                .setScenarioList(list)
                .build());
  }

  /** The scenario and countries of a join code's session; a wrong code counts as a wrong join. */
  @Override
  void onGetSessionInfo(ClientMessage m) {
    find(m, m.getGetSessionInfo().getJoinCode())
        .ifPresent(
            s -> {
              ScenarioInfo info = s.scenario();
              SessionInfo.Builder answer =
                  SessionInfo.newBuilder().setScenarioId(info.id()).setTitle(info.title());
              info.countries().forEach(c -> answer.addCountries(country(c)));
              connection
                  .link()
                  .send(
                      ServerMessage.newBuilder()
                          .setRequestId(m.getRequestId())
                          .setSessionInfo(answer)
                          .build());
            });
  }

  private static Country country(ScenarioInfo.CountryInfo c) {
    return Country.newBuilder().setId(c.id()).setName(c.name()).setPlayable(c.playable()).build();
  }

  @Override
  void onCreateSession(ClientMessage m) {
    Optional<String> name =
        startEntering(m)
            ? displayName(m, m.getCreateSession().getDisplayName(), true)
            : Optional.empty();
    if (name.isPresent()) {
      CreateSession create = m.getCreateSession().toBuilder().setDisplayName(name.get()).build();
      connection.lobby().create(connection.link(), m.getRequestId(), entryKey(m), create, callback);
    }
  }

  @Override
  void onJoinSession(ClientMessage m) {
    var join = m.getJoinSession();
    Optional<String> name =
        startEntering(m) ? displayName(m, join.getDisplayName(), false) : Optional.empty();
    if (name.isPresent()) {
      session(m, join.getJoinCode())
          .ifPresent(
              s ->
                  s.join(
                      connection.link(),
                      m.getRequestId(),
                      entryKey(m),
                      Role.PLAYER,
                      name.get(),
                      join.getCountry().strip().toUpperCase(java.util.Locale.ROOT),
                      joinCallback));
    }
  }

  @Override
  void onSpectate(ClientMessage m) {
    var spectate = m.getSpectate();
    Optional<String> name =
        startEntering(m) ? displayName(m, spectate.getDisplayName(), false) : Optional.empty();
    if (name.isPresent()) {
      session(m, spectate.getJoinCode())
          .ifPresent(
              s ->
                  s.join(
                      connection.link(),
                      m.getRequestId(),
                      entryKey(m),
                      Role.SPECTATOR,
                      name.get(),
                      "",
                      joinCallback));
    }
  }

  @Override
  void onResume(ClientMessage m) {
    var resume = m.getResume();
    if (!startEntering(m)) {
      return;
    }
    Optional<byte[]> token = Tokens.decode(resume.getToken());
    if (token.isEmpty()) {
      refuse(
          m,
          ErrorCode.INVALID_TOKEN,
          "That is not a seat token (26 characters, letters a-z and digits 2-7).");
      return;
    }
    JoinAttempts attempts = connection.lobby().joinAttempts();
    String host = connection.remoteHost();
    if (!attempts.blocked(host)) {
      session(m, resume.getJoinCode())
          .ifPresent(
              s ->
                  s.resume(
                      connection.link(),
                      m.getRequestId(),
                      token.get(),
                      resume.getLastSeq(),
                      callback));
      return;
    }
    // A blocked address may still take back its own seat, but learns nothing else: an unknown
    // code and a wrong token get the same answer as a blocked join.
    RequestException blocked = tooManyAttempts(attempts, host);
    Optional<GameSession> session = connection.lobby().find(resume.getJoinCode());
    if (session.isEmpty()) {
      refuse(m, blocked.code(), blocked.getMessage());
      connection.closeSoon();
      return;
    }
    session
        .get()
        .resume(
            connection.link(),
            m.getRequestId(),
            token.get(),
            resume.getLastSeq(),
            blocked,
            closingCallback);
  }

  /**
   * Called on the session's thread before the reply is written: the state change is queued
   * on the event loop first, so it happens before the client can act on the reply.
   */
  private final GameSession.AttachCallback callback =
      new GameSession.AttachCallback() {
        @Override
        public void attached(GameSession.SeatRef seat) {
          connection.onEventLoop(() -> connection.become(new InSession(connection, seat)));
        }

        @Override
        public void refused() {
          connection.onEventLoop(() -> entering = false);
        }
      };

  /** A join or spectate that took a seat earns its address a larger allowance of wrong codes. */
  private final GameSession.AttachCallback joinCallback =
      new GameSession.AttachCallback() {
        @Override
        public void attached(GameSession.SeatRef seat) {
          connection.lobby().joinAttempts().joined(connection.remoteHost());
          callback.attached(seat);
        }

        @Override
        public void refused() {
          callback.refused();
        }
      };

  /** A blocked address's resume: refused, it closes the connection as a blocked join does. */
  private final GameSession.AttachCallback closingCallback =
      new GameSession.AttachCallback() {
        @Override
        public void attached(GameSession.SeatRef seat) {
          callback.attached(seat);
        }

        @Override
        public void refused() {
          callback.refused();
          connection.onEventLoop(connection::closeSoon);
        }
      };

  private static RequestException tooManyAttempts(JoinAttempts attempts, String host) {
    return new RequestException(
        ErrorCode.TOO_MANY_ATTEMPTS,
        "Too many wrong join codes from this address; try again in "
            + attempts.secondsLeft(host)
            + " s.");
  }

  private boolean startEntering(ClientMessage m) {
    if (entering) {
      refuse(
          m, ErrorCode.UNEXPECTED_MESSAGE, "A request to enter a session is already in progress.");
      return false;
    }
    entering = true;
    return true;
  }

  /** The session of a join code for an attempt to enter it (refused: the connection may try again). */
  private Optional<GameSession> session(ClientMessage m, String joinCode) {
    Optional<GameSession> session = find(m, joinCode);
    if (session.isEmpty()) {
      entering = false;
    }
    return session;
  }

  /**
   * The session of a join code, or empty after answering {@code m} with the error: a wrong
   * code counts against the address, and a blocked address is refused and disconnected.
   */
  private Optional<GameSession> find(ClientMessage m, String joinCode) {
    JoinAttempts attempts = connection.lobby().joinAttempts();
    String host = connection.remoteHost();
    if (attempts.blocked(host)) {
      RequestException blocked = tooManyAttempts(attempts, host);
      connection.link().send(Wire.error(m.getRequestId(), blocked.code(), blocked.getMessage()));
      connection.closeSoon();
      return Optional.empty();
    }
    Optional<GameSession> session = connection.lobby().find(joinCode);
    if (session.isEmpty()) {
      attempts.failed(host);
      connection
          .link()
          .send(
              Wire.error(
                  m.getRequestId(),
                  ErrorCode.UNKNOWN_SESSION,
                  "No session has the join code '" + joinCode + "'."));
    }
    return session;
  }

  /** The name as the session will show it, or empty after refusing the request (see {@link DisplayNames}). */
  private Optional<String> displayName(ClientMessage m, String raw, boolean mayBeEmpty) {
    try {
      return Optional.of(DisplayNames.check(raw, mayBeEmpty).shown());
    } catch (DisplayNames.Refused e) {
      refuse(m, ErrorCode.INVALID_REQUEST, e.getMessage());
      return Optional.empty();
    }
  }

  private static EntryKey entryKey(ClientMessage m) {
    return EntryKey.of(m.getIdempotencyKey(), m.getIdempotencySecret());
  }

  /** Refuses an attempt to enter; the connection may try again. */
  private void refuse(ClientMessage m, ErrorCode code, String message) {
    entering = false;
    connection.link().send(Wire.error(m.getRequestId(), code, message));
  }
}
