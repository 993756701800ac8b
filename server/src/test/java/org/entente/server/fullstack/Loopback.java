package org.entente.server.fullstack;

import java.util.ArrayList;
import java.util.List;
import org.entente.proto.protocol.v1.ClientMessage;
import org.entente.proto.protocol.v1.JoinSession;
import org.entente.proto.protocol.v1.ServerMessage;
import org.entente.server.EntenteServer;
import org.entente.server.ServerConfig;

/** A real server on a loopback port chosen by the system, and the participants connected to it. */
final class Loopback implements AutoCloseable {
  final EntenteServer server;
  final List<Participant> participants = new ArrayList<>();

  private Loopback(EntenteServer server) {
    this.server = server;
  }

  /** Starts the server the builder describes on 127.0.0.1, port 0. */
  static Loopback start(EntenteServer.Builder builder) throws Exception {
    return new Loopback(builder.config(ServerConfig.defaults().withPort(0).withBindAddress("127.0.0.1")).start());
  }

  /** A connected client that said hello. */
  Participant connect(String name) throws Exception {
    Participant p = new Participant(name, server.port());
    participants.add(p);
    return p;
  }

  /** A player who joined {@code country}'s team; its token, seat and join sequence are kept. */
  Participant join(String code, String name, String country) throws Exception {
    Participant p = connect(name);
    ServerMessage joined = p.ok(ClientMessage.newBuilder()
        .setJoinSession(JoinSession.newBuilder().setJoinCode(code).setDisplayName(name).setCountry(country)));
    p.country = country;
    p.token = joined.getJoined().getSeatToken();
    p.seatId = joined.getJoined().getSeatId();
    p.joinedAtSeq = joined.getJoined().getView().getLastSeq();
    return p;
  }

  @Override
  public void close() {
    participants.forEach(Participant::close);
    server.close();
  }
}
