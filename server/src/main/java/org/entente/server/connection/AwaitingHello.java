package org.entente.server.connection;

import org.entente.proto.protocol.v1.ClientMessage;
import org.entente.proto.protocol.v1.ConnectionStage;
import org.entente.proto.protocol.v1.ErrorCode;
import org.entente.proto.protocol.v1.ProtocolVersion;
import org.entente.proto.protocol.v1.ServerMessage;
import org.entente.proto.protocol.v1.Welcome;
import org.entente.server.session.Wire;

/** The first state: only Hello is expected; a version mismatch closes the connection. */
final class AwaitingHello extends ConnectionState {

  AwaitingHello(ConnectionHandler connection) {
    super(connection);
  }

  @Override
  ConnectionStage stage() {
    return ConnectionStage.AWAITING_HELLO;
  }

  @Override
  String describe() {
    return "before hello";
  }

  @Override
  void onHello(ClientMessage m) {
    ProtocolVersion version = m.getHello().getProtocolVersion();
    if (version != ProtocolVersion.PROTOCOL_VERSION_1) {
      connection
          .link()
          .close(
              Wire.error(
                  m.getRequestId(),
                  ErrorCode.UNSUPPORTED_VERSION,
                  "This server speaks protocol version 1; the client asked for "
                      + m.getHello().getProtocolVersionValue()
                      + "."));
      return;
    }
    connection.become(new InLobby(connection));
    connection
        .link()
        .send(
            ServerMessage.newBuilder()
                .setRequestId(m.getRequestId())
                .setWelcome(
                    Welcome.newBuilder()
                        .setProtocolVersion(ProtocolVersion.PROTOCOL_VERSION_1)
                        .setServerName(connection.serverName()))
                .build());
  }
}
