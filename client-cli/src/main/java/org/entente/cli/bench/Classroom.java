package org.entente.cli.bench;

import io.netty.channel.EventLoopGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.entente.client.ProtocolClient;
import org.entente.proto.protocol.v1.ClientMessage;
import org.entente.proto.protocol.v1.CreateSession;
import org.entente.proto.protocol.v1.Deadline;
import org.entente.proto.protocol.v1.EditDraft;
import org.entente.proto.protocol.v1.Event;
import org.entente.proto.protocol.v1.JoinSession;
import org.entente.proto.protocol.v1.Order;
import org.entente.proto.protocol.v1.ReplaceOrder;
import org.entente.proto.protocol.v1.ServerMessage;
import org.entente.proto.protocol.v1.StartGame;

/**
 * The classroom workload's people: G sessions of the built-in scenario, each with a game
 * master and seven seats (Armenia and Russia with two students each, Azerbaijan, the United
 * States and France with one; more seats cycle through the same seven), every seat on a
 * connection of its own, native or a browser's WebSocket. Each country's draft
 * holds one statement order, which an order edit replaces (alternating its tone).
 */
final class Classroom implements AutoCloseable {
  static final String SCENARIO = "armenia-csto-2024";
  private static final String[][] SEATS = {
    {"ARM", "AZE"},
    {"ARM", "AZE"},
    {"RUS", "ARM"},
    {"RUS", "ARM"},
    {"AZE", "ARM"},
    {"USA", "ARM"},
    {"FRA", "ARM"}
  };

  /** The seats of the default session, and the order more seats cycle through. */
  static final int DEFAULT_SEATS = SEATS.length;

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

  /** One session: its game master and seats, and the turn whose report each seat has. */
  static final class Session {
    final ProtocolClient gameMaster;
    final String joinCode;
    final List<Seat> seats = new ArrayList<>();
    volatile int turn = 1;

    /** Seats holding the report of each turn. */
    final Map<Integer, AtomicInteger> reportsHeld = new ConcurrentHashMap<>();

    final Map<Integer, Long> lastReportNanos = new ConcurrentHashMap<>();

    Session(ProtocolClient gameMaster, String joinCode) {
      this.gameMaster = gameMaster;
      this.joinCode = joinCode;
    }

    void onEvent(Event e) {
      if (e.hasTurnReport()) {
        int t = e.getTurnReport().getTurn();
        reportsHeld.computeIfAbsent(t, k -> new AtomicInteger()).incrementAndGet();
        lastReportNanos.put(t, System.nanoTime());
      } else if (e.hasPhaseChanged() && e.getPhaseChanged().getTurn() > turn) {
        turn = e.getPhaseChanged().getTurn();
      }
    }
  }

  final List<Session> sessions = new ArrayList<>();
  final List<Seat> seats = new ArrayList<>();

  /** The JDK's HTTP client behind every WebSocket seat, made at the first. */
  private java.net.http.HttpClient http;

  private java.net.http.HttpClient http() {
    if (http == null) {
      http = java.net.http.HttpClient.newHttpClient();
    }
    return http;
  }

  /** How the students connect: seats per session, and over the browser's WebSocket or not. */
  record Seating(int seatsPerSession, boolean web) {}

  /**
   * Creates the sessions and seats them ({@code seating.seatsPerSession()} each, cycling over
   * the seven seats above; game masters always native); {@code progress} is told each
   * session made.
   */
  static Classroom open(
      String host,
      int port,
      int count,
      Seating seating,
      EventLoopGroup group,
      java.util.function.IntConsumer progress)
      throws Exception {
    Classroom c = new Classroom();
    try {
      for (int i = 0; i < count; i++) {
        ProtocolClient gm = hello(host, port, group);
        ServerMessage created =
            ok(
                gm.request(
                        ClientMessage.newBuilder()
                            .setCreateSession(
                                CreateSession.newBuilder()
                                    .setBuiltinScenarioId(SCENARIO)
                                    .setDisplayName("Bench teacher " + i)
                                    .setDeadline(
                                        Deadline.newBuilder().setGameMasterAdvanced(true))))
                    .get(30, TimeUnit.SECONDS));
        Session s = new Session(gm, created.getSessionCreated().getJoinCode());
        c.sessions.add(s);
        for (int k = 0; k < seating.seatsPerSession(); k++) {
          String[] place = SEATS[k % SEATS.length];
          SeatConnection client =
              seating.web()
                  ? WebSocketSeat.connect(c.http(), host, port)
                  : SeatConnection.of(hello(host, port, group));
          ok(
              client
                  .request(
                      ClientMessage.newBuilder()
                          .setJoinSession(
                              JoinSession.newBuilder()
                                  .setJoinCode(s.joinCode)
                                  .setDisplayName("Student " + i + "-" + k)
                                  .setCountry(place[0])))
                  .get(30, TimeUnit.SECONDS));
          Seat seat = new Seat(client, place[0], place[1], s);
          client.onEvent(s::onEvent);
          s.seats.add(seat);
          c.seats.add(seat);
        }
        ok(
            gm.request(ClientMessage.newBuilder().setStartGame(StartGame.getDefaultInstance()))
                .get(30, TimeUnit.SECONDS));
        c.placeOrders(s);
        progress.accept(i + 1);
      }
      return c;
    } catch (Exception e) {
      c.close();
      throw e;
    }
  }

  /** The first seat of each country adds its statement; teammates share its id. */
  private void placeOrders(Session s) throws Exception {
    Map<String, Long> ids = new java.util.HashMap<>();
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
                    .get(30, TimeUnit.SECONDS));
        id = r.getDraftUpdated().getDraft().getOrders(0).getOrderId();
        ids.put(seat.country, id);
      }
      seat.orderId = id;
    }
  }

  private static ProtocolClient hello(String host, int port, EventLoopGroup group)
      throws Exception {
    ProtocolClient client = ProtocolClient.connect(host, port, group);
    ok(client.hello("entente-bench").get(30, TimeUnit.SECONDS));
    return client;
  }

  static ServerMessage ok(ServerMessage m) {
    if (m.hasError()) {
      throw new IllegalStateException(m.getError().getCode() + ": " + m.getError().getMessage());
    }
    return m;
  }

  @Override
  public void close() {
    for (Session s : sessions) {
      s.seats.forEach(seat -> seat.client.close());
      s.gameMaster.close();
    }
  }
}
