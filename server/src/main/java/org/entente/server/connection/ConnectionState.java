package org.entente.server.connection;

import org.entente.proto.protocol.v1.ClientMessage;
import org.entente.proto.protocol.v1.ErrorCode;
import org.entente.server.session.Wire;

/**
 * One state of a connection: awaiting hello, in the lobby, or in a session. One method
 * per message kind; each answers "unexpected in this state" unless the state overrides it.
 * All methods run on the connection's event loop and must not block.
 */
abstract class ConnectionState {
  protected final ConnectionHandler connection;

  ConnectionState(ConnectionHandler connection) {
    this.connection = connection;
  }

  /** A name for error messages: "before hello", "in the lobby", "in a session". */
  abstract String describe();

  final void dispatch(ClientMessage m) {
    switch (m.getBodyCase()) {
      case HELLO:
        onHello(m);
        break;
      case LIST_SCENARIOS:
        onListScenarios(m);
        break;
      case CREATE_SESSION:
        onCreateSession(m);
        break;
      case JOIN_SESSION:
        onJoinSession(m);
        break;
      case SPECTATE:
        onSpectate(m);
        break;
      case RESUME:
        onResume(m);
        break;
      case PONG:
        break; // consumed by the heartbeat before it gets here
      case BODY_NOT_SET:
        connection.link().send(Wire.error(m.getRequestId(), ErrorCode.INVALID_REQUEST,
            "The message has no body this server understands (protocol version 1)."));
        break;
      default:
        onSessionRequest(m);
        break;
    }
  }

  void onHello(ClientMessage m) {
    unexpected(m);
  }

  void onListScenarios(ClientMessage m) {
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

  /** Every in-session request (drafts, chat, game-master controls...). */
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
    connection.link().send(Wire.error(m.getRequestId(), ErrorCode.UNEXPECTED_MESSAGE,
        m.getBodyCase().name().toLowerCase(java.util.Locale.ROOT) + " is unexpected " + describe() + "."));
  }
}
