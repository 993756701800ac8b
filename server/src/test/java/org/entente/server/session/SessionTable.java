package org.entente.server.session;

import com.google.common.util.concurrent.MoreExecutors;
import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.entente.proto.journal.v1.SessionHeader;
import org.entente.proto.protocol.v1.ClientMessage;
import org.entente.proto.protocol.v1.ServerMessage;
import org.entente.proto.scenario.v1.Press;
import org.entente.server.rules.SessionRules;
import org.entente.server.testing.ManualScheduler;
import org.entente.server.testing.MutableClock;

/**
 * One session driven directly, everything inline (a direct executor, a journal that completes
 * at once): seats by name, each with its own link; a request returns its response.
 */
final class SessionTable {
  static final long T0 = 1_700_000_000_000L;
  static final SessionHeader HEADER =
      SessionHeader.newBuilder()
          .setSessionId("s1")
          .setJoinCode("ABCDEF")
          .setTotalTurns(3)
          .setCreatedEpochMillis(T0)
          .build();

  final GameSession session;
  final RecordingJournal journal;
  final MutableClock clock;
  private final Map<String, Seated> seats = new LinkedHashMap<>();
  private long nextRequestId = 1;

  /** A seat's connection. */
  static final class Seated implements GameSession.AttachCallback {
    final BackpressureTest.FakeLink link = new BackpressureTest.FakeLink();
    long seatId;
    byte[] token;

    @Override
    public void attached(GameSession.SeatRef seat) {
      seatId = seat.seatId();
    }

    @Override
    public void refused() {}
  }

  private SessionTable(GameSession session, RecordingJournal journal, MutableClock clock) {
    this.session = session;
    this.journal = journal;
    this.clock = clock;
  }

  static GameSession.Setup setup(SessionRules rules) {
    return new GameSession.Setup(
        "s1", "ABCDEF", rules, 3, Press.FULL, DeadlinePolicy.gameMasterAdvanced(), 9);
  }

  /** A new session of {@code rules}, journalled to a {@link RecordingJournal}. */
  static SessionTable open(SessionRules rules) {
    MutableClock clock = new MutableClock(T0);
    RecordingJournal journal = new RecordingJournal(GameSession.initialSnapshot(HEADER));
    GameSession session =
        GameSession.open(
            setup(rules),
            MoreExecutors.directExecutor(),
            new ManualScheduler(),
            clock,
            new Tokens(new SecureRandom()),
            () -> {},
            journal,
            HEADER);
    return new SessionTable(session, journal, clock);
  }

  /**
   * The session as a restart rebuilds it from {@code from}'s snapshot {@code snapshot} (an
   * index into its snapshots) and the records after it, on fresh {@code rules}, at the same
   * time on the clock; the new table holds no seats (they resume).
   */
  static SessionTable restore(SessionTable from, int snapshot, Supplier<SessionRules> rules)
      throws InvalidProtocolBufferException {
    var snap = from.journal.snapshots.get(snapshot);
    RecordingJournal journal = RecordingJournal.holding(from.journal, from.session.state.lastSeq());
    MutableClock clock = new MutableClock(from.clock.millis());
    GameSession.Restored restored =
        GameSession.restore(
            setup(rules.get()),
            MoreExecutors.directExecutor(),
            new ManualScheduler(),
            clock,
            new Tokens(new SecureRandom()),
            () -> {},
            journal,
            snap.payload(),
            from.journal.recordsAfter(snap.lastSeq()));
    SessionTable table = new SessionTable(restored.session(), journal, clock);
    from.seats.forEach((name, seat) -> table.seats.put(name, new Seated()));
    return table;
  }

  static ByteString secretOf(long key) {
    return ByteString.copyFromUtf8("secret " + key);
  }

  ServerMessage seatGameMaster(String name, long key) {
    Seated seat = new Seated();
    seats.put(name, seat);
    long id = nextRequestId++;
    session.seatGameMaster(
        seat.link, id, key == 0 ? EntryKey.NONE : EntryKey.of(key, secretOf(key)), name, seat);
    ServerMessage r = response(seat, id);
    seat.token = Tokens.decode(r.getSessionCreated().getGameMasterToken()).orElseThrow();
    return r;
  }

  ServerMessage join(String name, Role role, String country, long key) {
    Seated seat = new Seated();
    seats.put(name, seat);
    long id = nextRequestId++;
    session.join(
        seat.link,
        id,
        key == 0 ? EntryKey.NONE : EntryKey.of(key, secretOf(key)),
        role,
        name,
        country,
        seat);
    ServerMessage r = response(seat, id);
    if (r.hasJoined()) {
      seat.token = Tokens.decode(r.getJoined().getSeatToken()).orElseThrow();
    }
    return r;
  }

  /** {@code name} reconnects on a new link with {@code token}, having seen events up to {@code lastSeq}. */
  ServerMessage resume(String name, byte[] token, long lastSeq) {
    Seated seat = new Seated();
    seat.token = token;
    seats.put(name, seat);
    long id = nextRequestId++;
    session.resume(seat.link, id, token, lastSeq, seat);
    return response(seat, id);
  }

  ServerMessage send(String name, ClientMessage.Builder message, long key) {
    Seated seat = seats.get(name);
    long id = nextRequestId++;
    session.handle(seat.seatId, seat.link, message.setRequestId(id).setIdempotencyKey(key).build());
    return response(seat, id);
  }

  ServerMessage send(String name, ClientMessage.Builder message) {
    return send(name, message, 0);
  }

  /** The seat's connection closes. */
  void detach(String name) {
    Seated seat = seats.get(name);
    session.detach(seat.seatId, seat.link);
  }

  Seated seat(String name) {
    return seats.get(name);
  }

  /** The events {@code name}'s current link received, in order. */
  List<org.entente.proto.protocol.v1.Event> events(String name) {
    return seats.get(name).link.sent.stream()
        .filter(ServerMessage::hasEvent)
        .map(ServerMessage::getEvent)
        .toList();
  }

  private static ServerMessage response(Seated seat, long id) {
    ServerMessage found = null;
    for (ServerMessage m : seat.link.sent) {
      if (m.getRequestId() == id && !m.hasEvent()) {
        found = m;
      }
    }
    if (found == null) {
      throw new AssertionError("no response to request " + id + " in " + seat.link.sent);
    }
    return found;
  }
}
