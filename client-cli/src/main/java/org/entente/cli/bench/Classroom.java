package org.entente.cli.bench;

import io.netty.channel.EventLoopGroup;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.entente.client.ProtocolClient;
import org.entente.proto.protocol.v1.ClientMessage;
import org.entente.proto.protocol.v1.CreateSession;
import org.entente.proto.protocol.v1.Deadline;
import org.entente.proto.protocol.v1.EditDraft;
import org.entente.proto.protocol.v1.Event;
import org.entente.proto.protocol.v1.JoinSession;
import org.entente.proto.protocol.v1.Order;
import org.entente.proto.protocol.v1.ReplaceOrder;
import org.entente.proto.protocol.v1.Resume;
import org.entente.proto.protocol.v1.ServerMessage;
import org.entente.proto.protocol.v1.StartGame;

/**
 * The classroom workload's people: sessions of the built-in scenario, each with a game master
 * and seven seats (Armenia and Russia with two students each, Azerbaijan, the United States
 * and France with one; more seats cycle through the same seven), every seat on a connection of
 * its own, native or a browser's WebSocket ({@link Seating}). Each country's draft holds one
 * statement order, which an order edit replaces (alternating its tone). {@link Entry} creates
 * the sessions and seats them.
 */
final class Classroom implements AutoCloseable {
  static final String SCENARIO = "armenia-csto-2024";

  /** Each seat's country and the target of its statement. */
  static final String[][] SEATS = {
    {"ARM", "AZE"},
    {"ARM", "AZE"},
    {"RUS", "ARM"},
    {"RUS", "ARM"},
    {"AZE", "ARM"},
    {"USA", "ARM"},
    {"FRA", "ARM"}
  };

  /** One student's connection. */
  static final class Seat {
    final SeatConnection client;
    final String country;
    final String statementTarget;
    final Session session;
    volatile long orderId;
    private final AtomicInteger edits = new AtomicInteger();

    Seat(SeatConnection client, String country, String statementTarget, Session session) {
      this.client = client;
      this.country = country;
      this.statementTarget = statementTarget;
      this.session = session;
    }

    /** The next order edit: the country's statement with the other tone. */
    ClientMessage.Builder edit() {
      String tone = edits.incrementAndGet() % 2 == 0 ? "REASSURE" : "CRITICISE";
      return ClientMessage.newBuilder()
          .setEditDraft(
              EditDraft.newBuilder()
                  .setTurn(session.turn)
                  .setReplace(
                      ReplaceOrder.newBuilder()
                          .setOrderId(orderId)
                          .setOrder(
                              Order.newBuilder()
                                  .setText("STATEMENT " + statementTarget + " " + tone))));
    }
  }

  /** One session: its game master and seats, and what its seats have seen of it. */
  static final class Session {
    final int index;
    final String joinCode;
    final String gameMasterToken;

    /** The game master's connection; null once released (see {@link Classroom#startGame}). */
    volatile ProtocolClient gameMaster;

    final List<Seat> seats = new ArrayList<>();
    volatile int turn = 1;

    /** The highest event seq seen in an event or an answer: the session's event count. */
    final AtomicLong lastSeq = new AtomicLong();

    /** Seats holding the report of each turn. */
    final Map<Integer, AtomicInteger> reportsHeld = new ConcurrentHashMap<>();

    final Map<Integer, Long> lastReportNanos = new ConcurrentHashMap<>();

    Session(int index, ProtocolClient gameMaster, String joinCode, String gameMasterToken) {
      this.index = index;
      this.gameMaster = gameMaster;
      this.joinCode = joinCode;
      this.gameMasterToken = gameMasterToken;
    }

    void onEvent(Event e) {
      sawSeq(e.getSeq());
      if (e.hasTurnReport()) {
        int t = e.getTurnReport().getTurn();
        reportsHeld.computeIfAbsent(t, k -> new AtomicInteger()).incrementAndGet();
        lastReportNanos.put(t, System.nanoTime());
      } else if (e.hasPhaseChanged() && e.getPhaseChanged().getTurn() > turn) {
        turn = e.getPhaseChanged().getTurn();
      }
    }

    void sawSeq(long seq) {
      lastSeq.accumulateAndGet(seq, Math::max);
    }
  }

  final String host;
  final int port;
  final EventLoopGroup group;
  final List<Session> sessions = new ArrayList<>();
  final List<Seat> seats = new ArrayList<>();

  /**
   * How the students connect: {@code seatsPerSession} of them in each session, over the
   * browser's WebSocket ({@code web}) or natively. Game masters are always native.
   */
  record Seating(int seatsPerSession, boolean web) {
    /** The seven seats of {@link #SEATS}, native. */
    static final Seating DEFAULT = new Seating(SEATS.length, false);

    /** The seat and statement target of the {@code k}th student of a session. */
    static String[] place(int k) {
      return SEATS[k % SEATS.length];
    }
  }

  final Seating seating;

  /** The JDK's HTTP client behind every WebSocket seat; null when the seats are native. */
  private final HttpClient http;

  Classroom(String host, int port, EventLoopGroup group, Seating seating) {
    this.host = host;
    this.port = port;
    this.group = group;
    this.seating = seating;
    this.http = seating.web() ? HttpClient.newHttpClient() : null;
  }

  /** A new native connection that has said hello (a game master's, or a native seat's). */
  ProtocolClient connect() throws Exception {
    ProtocolClient client = ProtocolClient.connect(host, port, group);
    try {
      ok(client.hello("entente-bench").get(Meter.ANSWER_WAIT_SECONDS, TimeUnit.SECONDS));
      return client;
    } catch (Exception e) {
      client.close();
      throw e;
    }
  }

  /** A new student's connection that has said hello, native or a WebSocket as {@link #seating} says. */
  SeatConnection connectSeat() throws Exception {
    return seating.web() ? WebSocketSeat.connect(http, host, port) : SeatConnection.of(connect());
  }

  /** The create_session of the {@code index}th session, lasting {@code turns} turns. */
  static ClientMessage.Builder creation(int index, int turns) {
    return ClientMessage.newBuilder()
        .setCreateSession(
            CreateSession.newBuilder()
                .setBuiltinScenarioId(SCENARIO)
                .setTurns(turns)
                .setDisplayName("Bench teacher " + index)
                .setDeadline(Deadline.newBuilder().setGameMasterAdvanced(true)));
  }

  static ClientMessage.Builder joining(String joinCode, String name, String country) {
    return ClientMessage.newBuilder()
        .setJoinSession(
            JoinSession.newBuilder()
                .setJoinCode(joinCode)
                .setDisplayName(name)
                .setCountry(country));
  }

  /** Seats in their session and the room, in the order of their places (they joined in any order). */
  void seat(Session s, Seat[] joined) {
    for (Seat seat : joined) {
      s.seats.add(seat);
      seats.add(seat);
    }
  }

  /**
   * Starts the session's game through its game master; a released game master reconnects with
   * its token first and leaves again after.
   */
  void startGame(Session s) throws Exception {
    ProtocolClient gm = s.gameMaster;
    boolean resumed = gm == null;
    if (resumed) {
      gm = connect();
      ok(
          gm.request(
                  ClientMessage.newBuilder()
                      .setResume(
                          Resume.newBuilder().setJoinCode(s.joinCode).setToken(s.gameMasterToken)))
              .get(Meter.ANSWER_WAIT_SECONDS, TimeUnit.SECONDS));
    }
    try {
      ok(
          gm.request(ClientMessage.newBuilder().setStartGame(StartGame.getDefaultInstance()))
              .get(Meter.ANSWER_WAIT_SECONDS, TimeUnit.SECONDS));
    } finally {
      if (resumed) {
        gm.close();
      }
    }
  }

  /** The first seat of each country adds its statement; teammates share its id. */
  void placeOrders(Session s) throws Exception {
    Map<String, Long> ids = new HashMap<>();
    for (Seat seat : s.seats) {
      Long id = ids.get(seat.country);
      if (id == null) {
        ServerMessage r =
            ok(
                seat.client
                    .request(
                        ClientMessage.newBuilder()
                            .setEditDraft(
                                EditDraft.newBuilder()
                                    .setTurn(1)
                                    .setAdd(
                                        Order.newBuilder()
                                            .setText(
                                                "STATEMENT "
                                                    + seat.statementTarget
                                                    + " REASSURE"))))
                    .get(Meter.ANSWER_WAIT_SECONDS, TimeUnit.SECONDS));
        id = r.getDraftUpdated().getDraft().getOrders(0).getOrderId();
        ids.put(seat.country, id);
      }
      seat.orderId = id;
    }
  }

  static ServerMessage ok(ServerMessage m) {
    if (m.hasError()) {
      throw new IllegalStateException(m.getError().getCode() + ": " + m.getError().getMessage());
    }
    return m;
  }

  /** Connections open now: every seat's and every game master's not yet released. */
  int openConnections() {
    int open = 0;
    for (Session s : sessions) {
      ProtocolClient gm = s.gameMaster;
      open += gm != null && gm.isOpen() ? 1 : 0;
      for (Seat seat : s.seats) {
        open += seat.client.isOpen() ? 1 : 0;
      }
    }
    return open;
  }

  /** Closes the session's connections (the session stays on the server, nobody connected). */
  static void leave(Session s) {
    s.seats.forEach(seat -> seat.client.close());
    ProtocolClient gm = s.gameMaster;
    if (gm != null) {
      gm.close();
    }
  }

  @Override
  public void close() {
    sessions.forEach(Classroom::leave);
  }
}
