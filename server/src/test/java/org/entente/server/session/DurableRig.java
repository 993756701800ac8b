package org.entente.server.session;

import com.google.common.util.concurrent.MoreExecutors;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import org.entente.proto.protocol.v1.ClientMessage;
import org.entente.proto.protocol.v1.CreateSession;
import org.entente.proto.protocol.v1.Deadline;
import org.entente.proto.protocol.v1.ServerMessage;
import org.entente.server.journal.JournalWriter;
import org.entente.server.journal.Storage;
import org.entente.server.lobby.Lobby;
import org.entente.server.testing.FakeRules;
import org.entente.server.testing.ManualScheduler;
import org.entente.server.testing.MutableClock;

/**
 * A lobby journalled on a given storage, everything inline (direct executors, the journal
 * written in the caller's thread): each call returns with its response sent, or not.
 */
final class DurableRig {
  static final Path DATA = Path.of("/data");
  final Storage storage;
  final JournalWriter writer;
  final ManualScheduler scheduler = new ManualScheduler();
  final MutableClock clock;
  final Lobby lobby;
  Lobby.Recovery recovery;

  DurableRig(Storage storage, MutableClock clock) throws IOException {
    this.storage = storage;
    this.clock = clock;
    this.writer = JournalWriter.inline(storage, DATA);
    this.lobby =
        new Lobby(
            FakeRules.catalog(),
            MoreExecutors.directExecutor(),
            scheduler,
            clock,
            new SecureRandom(),
            writer);
    this.recovery = lobby.recover();
  }

  GameSession session(String code) {
    return lobby.find(code).orElse(null);
  }

  /** One client connection. */
  static final class Client implements GameSession.AttachCallback {
    final BackpressureTest.FakeLink link = new BackpressureTest.FakeLink();
    long seatId;
    GameSession session;
    String token;
    long nextId = 1;

    @Override
    public void attached(GameSession.SeatRef seat) {
      seatId = seat.seatId();
      session = seat.session();
    }

    @Override
    public void refused() {}

    /** The response to request {@code id}, or null if none was sent. */
    ServerMessage response(long id) {
      ServerMessage found = null;
      for (ServerMessage m : link.sent) {
        if (m.getRequestId() == id && !m.hasEvent()) {
          found = m;
        }
      }
      return found;
    }

    ServerMessage request(ClientMessage.Builder message, long key) {
      long id = nextId++;
      session.handle(seatId, link, message.setRequestId(id).setIdempotencyKey(key).build());
      return response(id);
    }
  }

  /** The secret an honest client sends with {@code key}: the same for every retry. */
  static com.google.protobuf.ByteString secretOf(long key) {
    return com.google.protobuf.ByteString.copyFromUtf8("secret of key " + key);
  }

  ServerMessage create(Client gm, long key, int secondsPerTurn) {
    return create(gm, EntryKey.of(key, secretOf(key)), secondsPerTurn);
  }

  ServerMessage create(Client gm, EntryKey key, int secondsPerTurn) {
    long id = gm.nextId++;
    lobby.create(
        gm.link,
        id,
        key,
        CreateSession.newBuilder()
            .setBuiltinScenarioId("test-crisis")
            .setTurns(3)
            .setDeadline(
                secondsPerTurn == 0
                    ? Deadline.newBuilder().setGameMasterAdvanced(true)
                    : Deadline.newBuilder().setSecondsPerTurn(secondsPerTurn))
            .setDisplayName("Teacher")
            .build(),
        gm);
    ServerMessage r = gm.response(id);
    if (r != null && r.hasSessionCreated()) {
      gm.token = r.getSessionCreated().getGameMasterToken();
    }
    return r;
  }

  ServerMessage join(Client c, String code, long key, String name, String country) {
    return join(c, code, EntryKey.of(key, secretOf(key)), name, country);
  }

  ServerMessage join(Client c, String code, EntryKey key, String name, String country) {
    long id = c.nextId++;
    GameSession s = session(code);
    s.join(c.link, id, key, Role.PLAYER, name, country, c);
    ServerMessage r = c.response(id);
    if (r != null && r.hasJoined()) {
      c.token = r.getJoined().getSeatToken();
    }
    return r;
  }

  ServerMessage resume(Client c, String code, String token, long lastSeq) {
    long id = c.nextId++;
    session(code).resume(c.link, id, Tokens.decode(token).orElseThrow(), lastSeq, c);
    return c.response(id);
  }

  static List<String> texts(GameSession s) {
    return Histories.texts(s);
  }
}
