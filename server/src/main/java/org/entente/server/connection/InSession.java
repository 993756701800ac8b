package org.entente.server.connection;

import org.entente.proto.protocol.v1.ClientMessage;
import org.entente.proto.protocol.v1.ConnectionStage;
import org.entente.server.session.GameSession;

/** Holding a seat: every in-session request goes to the session, which checks the role. */
final class InSession extends ConnectionState {
  private final GameSession.SeatRef seat;

  InSession(ConnectionHandler connection, GameSession.SeatRef seat) {
    super(connection);
    this.seat = seat;
  }

  @Override
  ConnectionStage stage() {
    return ConnectionStage.IN_SESSION;
  }

  @Override
  String describe() {
    return "in a session";
  }

  @Override
  java.util.Optional<String> limitKey() {
    return java.util.Optional.of("seat:" + seat.session().sessionId() + ":" + seat.seatId());
  }

  @Override
  void onSessionRequest(ClientMessage m) {
    seat.session().handle(seat.seatId(), connection.link(), m);
  }

  @Override
  void onWritable() {
    seat.session().writable(seat.seatId(), connection.link());
  }

  @Override
  void onClosed() {
    seat.session().detach(seat.seatId(), connection.link());
  }
}
