package org.entente.server.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.util.concurrent.MoreExecutors;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.entente.proto.protocol.v1.ClientMessage;
import org.entente.proto.protocol.v1.CreateSession;
import org.entente.proto.protocol.v1.Deadline;
import org.entente.proto.protocol.v1.Event;
import org.entente.proto.protocol.v1.Hello;
import org.entente.proto.protocol.v1.JoinSession;
import org.entente.proto.protocol.v1.ProtocolVersion;
import org.entente.proto.protocol.v1.ServerMessage;
import org.entente.proto.protocol.v1.Spectate;
import org.entente.server.limits.Descriptors;
import org.entente.server.limits.Limits;
import org.entente.server.limits.NetworkGuards;
import org.entente.server.limits.RateLimiter;
import org.entente.server.limits.RatePolicy;
import org.entente.server.lobby.Lobby;
import org.entente.server.net.ServerInitializer;

/**
 * The real pipeline and lobby on EmbeddedChannels, with sessions run inline (direct
 * executor), a manual scheduler and a clock that moves only when told: fully deterministic.
 */
public final class EmbeddedHarness implements AutoCloseable {
  private final List<Client> clients = new ArrayList<>();
  public final ManualScheduler scheduler = new ManualScheduler();
  public final MutableClock clock = new MutableClock(1_700_000_000_000L);
  public final Lobby lobby;
  private final NetworkGuards guards;

  public EmbeddedHarness() {
    this(
        new NetworkGuards(
            Limits.defaults(),
            RatePolicy.all(new RatePolicy.Rate(100_000, 100_000)),
            Descriptors.ofThisProcess(),
            new RateLimiter(System::nanoTime)),
        MoreExecutors.directExecutor());
  }

  /** With these limits, and sessions run by {@code sessions} (e.g. a queue the test drains). */
  public EmbeddedHarness(NetworkGuards guards, java.util.concurrent.Executor sessions) {
    this(guards, sessions, FakeRules.catalog(), Lobby.Admission.inline());
  }

  /** With this scenario catalog and these admission rules (creation key, validation pool). */
  public EmbeddedHarness(
      NetworkGuards guards,
      java.util.concurrent.Executor sessions,
      org.entente.server.rules.ScenarioCatalog catalog,
      Lobby.Admission admission) {
    this.guards = guards;
    this.lobby =
        new Lobby(catalog, sessions, scheduler, clock, new SecureRandom(), null, admission);
  }

  /** Generous rate limits, the default connection limits: for tests of other things than rates. */
  public static NetworkGuards relaxedGuards() {
    return new NetworkGuards(
        Limits.defaults(),
        RatePolicy.all(new RatePolicy.Rate(100_000, 100_000)),
        Descriptors.ofThisProcess(),
        new RateLimiter(System::nanoTime));
  }

  public Client client() {
    Client client =
        new Client(new EmbeddedChannel(new ServerInitializer(lobby, "test-server", guards)));
    clients.add(client);
    return client;
  }

  /** Releases every buffer the clients did not read. */
  @Override
  public void close() {
    clients.forEach(c -> c.channel.finishAndReleaseAll());
    lobby.close();
  }

  public Client helloClient() {
    Client c = client();
    assertThat(
            c.request(
                    ClientMessage.newBuilder()
                        .setHello(
                            Hello.newBuilder()
                                .setProtocolVersion(ProtocolVersion.PROTOCOL_VERSION_1)))
                .hasWelcome())
        .isTrue();
    return c;
  }

  /** A game master who created a game-master-advanced session of the test scenario. */
  public Client gameMaster(int turns) {
    Client gm = helloClient();
    ServerMessage created =
        gm.request(
            ClientMessage.newBuilder()
                .setCreateSession(
                    CreateSession.newBuilder()
                        .setBuiltinScenarioId("test-crisis")
                        .setTurns(turns)
                        .setDeadline(Deadline.newBuilder().setGameMasterAdvanced(true))
                        .setDisplayName("Ms Teacher")));
    assertThat(created.hasSessionCreated()).as(created.toString()).isTrue();
    gm.joinCode = created.getSessionCreated().getJoinCode();
    gm.token = created.getSessionCreated().getGameMasterToken();
    return gm;
  }

  public Client player(String joinCode, String name, String country) {
    Client c = helloClient();
    ServerMessage joined =
        c.request(
            ClientMessage.newBuilder()
                .setJoinSession(
                    JoinSession.newBuilder()
                        .setJoinCode(joinCode)
                        .setDisplayName(name)
                        .setCountry(country)));
    assertThat(joined.hasJoined()).as(joined.toString()).isTrue();
    c.joinCode = joinCode;
    c.token = joined.getJoined().getSeatToken();
    c.seatId = joined.getJoined().getSeatId();
    return c;
  }

  public Client spectator(String joinCode) {
    Client c = helloClient();
    ServerMessage joined =
        c.request(
            ClientMessage.newBuilder()
                .setSpectate(
                    Spectate.newBuilder().setJoinCode(joinCode).setDisplayName("Visitor")));
    assertThat(joined.hasJoined()).as(joined.toString()).isTrue();
    c.joinCode = joinCode;
    c.token = joined.getJoined().getSeatToken();
    return c;
  }

  /** One client connection on an EmbeddedChannel. */
  public static final class Client {
    public final EmbeddedChannel channel;
    public final List<Event> events = new ArrayList<>();
    public final List<ServerMessage> unsolicited = new ArrayList<>();
    public String joinCode;
    public String token;
    public long seatId;
    private long nextId = 1;

    Client(EmbeddedChannel channel) {
      this.channel = channel;
    }

    /** Sends a request and returns its response; events that arrive meanwhile are collected. */
    public ServerMessage request(ClientMessage.Builder message) {
      long id = nextId++;
      List<ServerMessage> got = send(Frames.frame(message.setRequestId(id).build()));
      ServerMessage response = null;
      for (ServerMessage m : got) {
        if (m.getRequestId() == id && response == null) {
          response = m;
        }
      }
      assertThat(response).as("a response to request %s in %s", id, got).isNotNull();
      return response;
    }

    /** Writes raw bytes and returns every message the server sent as a result (events are also collected). */
    public List<ServerMessage> send(byte[] bytes) {
      ByteBuf in = Unpooled.wrappedBuffer(bytes);
      channel.writeInbound(in);
      return poll();
    }

    /** Reads whatever the server has written since the last poll. */
    public List<ServerMessage> poll() {
      // Twice: a task that writes (a timeout's last words, a session's answer) leaves its
      // flush to a task of its own (the pipeline folds flushes), which the first pass queued.
      channel.runPendingTasks();
      channel.runPendingTasks();
      List<ByteBuf> out = new ArrayList<>();
      for (Object o; (o = channel.readOutbound()) != null; ) {
        out.add((ByteBuf) o);
      }
      List<ServerMessage> got = Frames.parseAll(Frames.drain(out));
      for (ServerMessage m : got) {
        if (m.hasEvent()) {
          events.add(m.getEvent());
        } else if (m.getRequestId() == 0) {
          unsolicited.add(m);
        }
      }
      return got;
    }

    public long lastSeq() {
      return events.isEmpty() ? 0 : events.get(events.size() - 1).getSeq();
    }
  }
}
