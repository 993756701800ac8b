package org.entente.server.fullstack;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.entente.proto.protocol.v1.ClientMessage;
import org.entente.proto.protocol.v1.JoinSession;
import org.entente.proto.protocol.v1.ServerMessage;
import org.entente.server.EntenteServer;
import org.entente.server.ServerConfig;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real server on a loopback port chosen by the system for each test, and the participants
 * connected to it, closed after the test: {@code @RegisterExtension final Loopback net = new
 * Loopback(EntenteServer::builder);}
 */
final class Loopback implements BeforeEachCallback, AfterEachCallback {
  private final Supplier<EntenteServer.Builder> builder;
  private EntenteServer server;
  final List<Participant> participants = new ArrayList<>();

  Loopback(Supplier<EntenteServer.Builder> builder) {
    this.builder = builder;
  }

  @Override
  public void beforeEach(ExtensionContext context) throws Exception {
    server =
        builder
            .get()
            .config(ServerConfig.defaults().withPort(0).withBindAddress("127.0.0.1"))
            .start();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    participants.forEach(Participant::close);
    participants.clear();
    server.close();
  }

  /** The server of the running test. */
  EntenteServer server() {
    return server;
  }

  int port() {
    return server.port();
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
    ServerMessage joined =
        p.ok(
            ClientMessage.newBuilder()
                .setJoinSession(
                    JoinSession.newBuilder()
                        .setJoinCode(code)
                        .setDisplayName(name)
                        .setCountry(country)));
    p.country = country;
    p.token = joined.getJoined().getSeatToken();
    p.seatId = joined.getJoined().getSeatId();
    p.joinedAtSeq = joined.getJoined().getView().getLastSeq();
    return p;
  }
}
