package org.entente.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.entente.proto.protocol.v1.Channel;
import org.entente.proto.protocol.v1.ClientMessage;
import org.entente.proto.protocol.v1.CreateSession;
import org.entente.proto.protocol.v1.SendMessage;
import org.entente.proto.protocol.v1.ServerMessage;
import org.entente.server.journal.FileStorage;
import org.entente.server.journal.JournalWriter;
import org.entente.server.lobby.Lobby;
import org.entente.server.rules.EngineScenarioCatalog;
import org.entente.server.session.GameSession;
import org.entente.server.session.Role;
import org.entente.server.session.Scheduler;
import org.entente.server.session.SessionLink;

/**
 * Durable acknowledgements per second: sessions journalled on the real disk with group
 * commit, players each keeping one message request in flight (a closed loop, as a class
 * does), latency from the request to its acknowledgement (which waits for the fsync)
 * recorded with HdrHistogram, and fsyncs counted per acknowledgement. No network: this
 * measures the session and the journal, not Netty.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar org.entente.bench.DurableAcks [SESSIONS] [PLAYERS] [SECONDS] [DIR]
 * </pre>
 */
public final class DurableAcks {

  public static void main(String[] args) throws Exception {
    int sessions = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    int players = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
    Path dir = args.length > 3 ? Path.of(args[3]) : Files.createTempDirectory("entente-bench");
    ExecutorService workers =
        Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
    ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
    Scheduler scheduler =
        (delay, task) -> {
          var f = timers.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
          return () -> f.cancel(false);
        };
    JournalWriter writer = JournalWriter.start(new FileStorage(), dir);
    Lobby lobby =
        new Lobby(
            new EngineScenarioCatalog(),
            workers,
            scheduler,
            Clock.systemUTC(),
            new SecureRandom(),
            writer);
    lobby.recover();
    String scenario = lobby.scenarios().get(0).id();
    List<String> countries = lobby.scenarios().get(0).playableCountryIds();

    Recorder recorder = new Recorder(3);
    AtomicBoolean running = new AtomicBoolean(true);
    AtomicLong acks = new AtomicLong();
    List<Player> all = new ArrayList<>();
    for (int s = 0; s < sessions; s++) {
      Link gm = new Link();
      lobby.create(gm, 1, CreateSession.newBuilder().setBuiltinScenarioId(scenario).build(), gm);
      ServerMessage created =
          gm.responses
              .computeIfAbsent(1L, k -> new CompletableFuture<>())
              .get(10, TimeUnit.SECONDS);
      GameSession session = lobby.find(created.getSessionCreated().getJoinCode()).orElseThrow();
      for (int p = 0; p < players; p++) {
        Player player = new Player(session, recorder, running, acks);
        session.join(
            player, 1, Role.PLAYER, "Player " + p, countries.get(p % countries.size()), player);
        player
            .responses
            .computeIfAbsent(1L, k -> new CompletableFuture<>())
            .get(10, TimeUnit.SECONDS);
        all.add(player);
      }
    }
    System.out.printf("%d sessions x %d players, journal in %s%n", sessions, players, dir);
    all.forEach(Player::next);
    Thread.sleep(3000); // warm-up
    recorder.getIntervalHistogram();
    long acks0 = acks.get();
    long forces0 = writer.forces();
    long start = System.nanoTime();
    Thread.sleep(seconds * 1000L);
    Histogram h = recorder.getIntervalHistogram();
    double elapsed = (System.nanoTime() - start) / 1e9;
    long n = acks.get() - acks0;
    long forces = writer.forces() - forces0;
    running.set(false);
    System.out.printf(
        "durable acks/s: %.0f  p50 %.2f ms  p99 %.2f ms  p99.9 %.2f ms  max %.2f ms  fsyncs/ack %.3f  (%d acks, %d fsyncs, %.1f s)%n",
        n / elapsed,
        h.getValueAtPercentile(50) / 1e6,
        h.getValueAtPercentile(99) / 1e6,
        h.getValueAtPercentile(99.9) / 1e6,
        h.getMaxValue() / 1e6,
        (double) forces / n,
        n,
        forces,
        elapsed);
    Thread.sleep(200);
    writer.close();
    workers.shutdownNow();
    timers.shutdownNow();
    System.exit(0);
  }

  /** Collects responses by request id; enough of a connection for the game master. */
  private static class Link implements SessionLink, GameSession.AttachCallback {
    final Map<Long, CompletableFuture<ServerMessage>> responses = new ConcurrentHashMap<>();
    volatile long seatId;

    @Override
    public void send(ServerMessage message) {
      if (!message.hasEvent()) {
        responses
            .computeIfAbsent(message.getRequestId(), k -> new CompletableFuture<>())
            .complete(message);
      }
    }

    @Override
    public boolean isWritable() {
      return true;
    }

    @Override
    public void close(ServerMessage lastWords) {}

    @Override
    public void attached(GameSession.SeatRef seat) {
      seatId = seat.seatId();
    }

    @Override
    public void refused() {}
  }

  /** A player who posts a message, waits for its acknowledgement, and posts again. */
  private static final class Player extends Link {
    private final GameSession session;
    private final Recorder recorder;
    private final AtomicBoolean running;
    private final AtomicLong acks;
    private long requestId = 1;
    private long sentAt;

    Player(GameSession session, Recorder recorder, AtomicBoolean running, AtomicLong acks) {
      this.session = session;
      this.recorder = recorder;
      this.running = running;
      this.acks = acks;
    }

    @Override
    public void send(ServerMessage message) {
      if (message.hasEvent()) {
        return;
      }
      if (message.getRequestId() <= 1) {
        super.send(message);
        return;
      }
      if (message.hasError()) {
        System.err.println("refused: " + message.getError().getMessage());
        running.set(false);
        return;
      }
      recorder.recordValue(System.nanoTime() - sentAt);
      acks.incrementAndGet();
      next();
    }

    void next() {
      if (!running.get()) {
        return;
      }
      long id = ++requestId;
      sentAt = System.nanoTime();
      session.handle(
          seatId,
          this,
          ClientMessage.newBuilder()
              .setRequestId(id)
              .setSendMessage(
                  SendMessage.newBuilder().setChannel(Channel.TEAM).setText("message " + id))
              .build());
    }
  }
}
