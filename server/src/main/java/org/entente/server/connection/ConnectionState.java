package org.entente.server.connection;

import java.util.Locale;
import org.entente.proto.protocol.v1.ClientMessage;
import org.entente.proto.protocol.v1.ClientMessage.BodyCase;
import org.entente.proto.protocol.v1.ConnectionStage;
import org.entente.proto.protocol.v1.ErrorCode;
import org.entente.protocol.Requests;
import org.entente.server.session.Wire;

/**
 * One state of a connection: awaiting hello, in the lobby, or in a session. A message is
 * accepted only in the stage its request contract declares (protocol.proto, read through
 * {@link Requests}); anything else is "unexpected in this state". Then one method per
 * message kind, each answering "unexpected" unless the state overrides it. All methods run
 * on the connection's event loop and must not block.
 */
abstract class ConnectionState {
  protected final ConnectionHandler connection;

  ConnectionState(ConnectionHandler connection) {
    this.connection = connection;
  }

  /** The stage whose requests this state accepts. */
  abstract ConnectionStage stage();

  /** A name for error messages: "before hello", "in the lobby", "in a session". */
  abstract String describe();

  /** One message kind's handler. */
  @FunctionalInterface
  private interface Handler {
    void handle(ClientMessage m);
  }

  final void dispatch(ClientMessage m) {
    BodyCase body = m.getBodyCase();
    if (body == BodyCase.BODY_NOT_SET) {
      connection
          .link()
          .send(
              Wire.error(
                  m.getRequestId(),
                  ErrorCode.INVALID_REQUEST,
                  "The message has no body this server understands (protocol version 1)."));
      return;
    }
    ConnectionStage needed = Requests.of(body).stage();
    if (needed != ConnectionStage.ANY_STAGE && needed != stage()) {
      unexpected(m);
      return;
    }
    // Exhaustive, with no default: a request kind added to the protocol does not compile until it
    // is routed.
    Handler handler =
        switch (body) {
          case HELLO -> this::onHello;
          case LIST_SCENARIOS -> this::onListScenarios;
          case GET_SESSION_INFO -> this::onGetSessionInfo;
          case CREATE_SESSION -> this::onCreateSession;
          case JOIN_SESSION -> this::onJoinSession;
          case SPECTATE -> this::onSpectate;
          case RESUME -> this::onResume;
          case EDIT_DRAFT,
              SET_READY,
              SEND_MESSAGE,
              GET_HISTORY,
              GET_VIEW,
              GET_BRIEFING,
              LEAVE_SESSION,
              START_GAME,
              PAUSE_GAME,
              RESUME_GAME,
              EXTEND_DEADLINE,
              FORCE_RESOLUTION,
              INJECT_EVENT,
              MOVE_SEAT,
              REMOVE_SEAT,
              END_GAME,
              ANNOUNCE,
              EXPORT_RECORD,
              ASSIGN_BOT,
              RELEASE_BOT,
              MUTE_SEAT ->
              this::onSessionRequest;
          case PONG -> pong -> {}; // the heartbeat consumes pongs before they get here
          case BODY_NOT_SET -> this::unexpected; // answered above
        };
    handler.handle(m);
  }

  void onHello(ClientMessage m) {
    unexpected(m);
  }

  void onListScenarios(ClientMessage m) {
    unexpected(m);
  }

  void onGetSessionInfo(ClientMessage m) {
    unexpected(m);
  }

  void onCreateSession(ClientMessage m) {
    unexpected(m);
  }

  void onJoinSession(ClientMessage m) {
    unexpected(m);
  }

  void onSpectate(ClientMessage m) {
    unexpected(m);
  }

  void onResume(ClientMessage m) {
    unexpected(m);
  }

  /** Every in-session request (drafts, chat, game-master controls...); the session checks the role. */
  void onSessionRequest(ClientMessage m) {
    unexpected(m);
  }

  /** The key rate limits count this connection's requests under; empty: its network address. */
  java.util.Optional<String> limitKey() {
    return java.util.Optional.empty();
  }

  void onWritable() {}

  void onClosed() {}

  final void unexpected(ClientMessage m) {
    connection
        .link()
        .send(
            Wire.error(
                m.getRequestId(),
                ErrorCode.UNEXPECTED_MESSAGE,
                m.getBodyCase().name().toLowerCase(Locale.ROOT)
                    + " is unexpected "
                    + describe()
                    + "."));
  }
}
