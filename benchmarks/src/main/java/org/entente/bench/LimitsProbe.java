package org.entente.bench;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.entente.proto.protocol.v1.Channel;
import org.entente.proto.protocol.v1.ClientMessage;
import org.entente.proto.protocol.v1.CreateSession;
import org.entente.proto.protocol.v1.Deadline;
import org.entente.proto.protocol.v1.ErrorCode;
import org.entente.proto.protocol.v1.GetHistory;
import org.entente.proto.protocol.v1.GetView;
import org.entente.proto.protocol.v1.JoinSession;
import org.entente.proto.protocol.v1.ScenarioFile;
import org.entente.proto.protocol.v1.SendMessage;
import org.entente.proto.protocol.v1.ServerMessage;
import org.entente.proto.protocol.v1.StartGame;
import org.entente.server.EntenteServer;
import org.entente.server.ServerConfig;
import org.entente.server.limits.Descriptors;
import org.entente.server.limits.Limits;
import org.entente.server.limits.NetworkGuards;
import org.entente.server.limits.RateLimiter;
import org.entente.server.limits.RatePolicy;

/**
 * Probes the server's limits under load (docs/performance.md, "Limits under load"): an
 * in-process server with the default limits on 127.0.0.1, one abusive client per scenario, and
 * a player of another session doing a GetView round trip every 105 ms throughout (its p99 is
 * the figure that matters). Every loop is bounded in count and time; loopback only.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar org.entente.bench.LimitsProbe SCENARIO [SECONDS] [rates=off]
 *   connections  1,000 connections from one address within 5 s: refused, descriptors back to baseline
 *   pipeline     6,000 pipelined GetHistory on one connection that never reads: heap, RSS, outcome
 *   uploads      four connections re-sending a bad scenario file nonstop for SECONDS (default 10)
 *   chat         100 chat messages/s from one seat for SECONDS: accepted, RATE_LIMITED, unanswered
 * </pre>
 * {@code rates=off} lifts the rate limits (to see the other bounds: pipelining, the slow
 * reader, the validation pool).
 */
// Over 400 lines on purpose: four independent probes a run chooses from, each short, sharing
// one server start-up and one way of measuring a bystander's round trips.
public final class LimitsProbe {
  private static final int MAX_SECONDS = 120;
  private final EntenteServer server;
  private final int port;
  private final Histogram roundTrips = new Histogram(60_000_000L, 3);
  private final AtomicLong observerFailures = new AtomicLong();
  private final AtomicBoolean observing = new AtomicBoolean(true);
  private String joinCode;

  private LimitsProbe(EntenteServer server) {
    this.server = server;
    this.port = server.port();
  }

  public static void main(String[] args) throws Exception {
    String scenario = args.length > 0 ? args[0] : "connections";
    int seconds = Math.min(MAX_SECONDS, args.length > 1 ? Integer.parseInt(args[1]) : 10);
    boolean ratesOff = args.length > 2 && args[2].equals("rates=off");
    RatePolicy rates =
        ratesOff
            ? RatePolicy.all(new RatePolicy.Rate(1_000_000, 1_000_000))
            : RatePolicy.defaults();
    NetworkGuards guards =
        new NetworkGuards(
            Limits.defaults(),
            rates,
            Descriptors.ofThisProcess(),
            new RateLimiter(System::nanoTime));
    try (EntenteServer server =
        EntenteServer.builder()
            .config(ServerConfig.defaults().withPort(0).withBindAddress("127.0.0.1"))
            .guards(guards)
            .start()) {
      LimitsProbe probe = new LimitsProbe(server);
      System.out.printf(
          "scenario %s, %d s, rate limits %s, %d cores%n",
          scenario,
          seconds,
          ratesOff ? "off" : "default",
          Runtime.getRuntime().availableProcessors());
      Thread observer = probe.startObserver();
      switch (scenario) {
        case "connections" -> probe.connections();
        case "pipeline" -> probe.pipeline(seconds);
        case "uploads" -> probe.uploads(seconds);
        case "chat" -> probe.chat(seconds);
        default ->
            throw new IllegalArgumentException("scenario: connections, pipeline, uploads or chat");
      }
      probe.observing.set(false);
      observer.join(15_000);
      probe.reportObserver();
    }
  }

  // ---- the player of another session ----

  private Thread startObserver() throws IOException {
    WireClient gm = WireClient.hello(port, "probe-gm");
    ServerMessage created =
        gm.call(
            ClientMessage.newBuilder()
                .setCreateSession(
                    CreateSession.newBuilder()
                        .setBuiltinScenarioId("armenia-csto-2024")
                        .setDisplayName("Observer GM")
                        .setDeadline(Deadline.newBuilder().setGameMasterAdvanced(true))));
    joinCode = created.getSessionCreated().getJoinCode();
    WireClient player = WireClient.hello(port, "probe-player");
    ServerMessage joined =
        player.call(
            ClientMessage.newBuilder()
                .setJoinSession(
                    JoinSession.newBuilder()
                        .setJoinCode(joinCode)
                        .setDisplayName("Observer")
                        .setCountry("ARM")));
    if (!joined.hasJoined()) {
      throw new IOException("observer did not join: " + joined);
    }
    gm.call(ClientMessage.newBuilder().setStartGame(StartGame.getDefaultInstance()));
    Thread t =
        new Thread(
            () -> {
              long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(MAX_SECONDS + 60);
              while (observing.get() && System.nanoTime() < deadline) {
                long start = System.nanoTime();
                try {
                  ServerMessage view =
                      player.call(
                          ClientMessage.newBuilder().setGetView(GetView.getDefaultInstance()));
                  if (view.hasView()) {
                    roundTrips.recordValue(
                        Math.min(
                            roundTrips.getHighestTrackableValue(),
                            (System.nanoTime() - start) / 1_000));
                  } else {
                    observerFailures.incrementAndGet();
                  }
                  Thread.sleep(105);
                } catch (IOException e) {
                  observerFailures.incrementAndGet();
                  return;
                } catch (InterruptedException e) {
                  return;
                }
              }
              gm.close();
              player.close();
            },
            "observer");
    t.start();
    return t;
  }

  private void reportObserver() {
    System.out.printf(
        "other session: %d round trips, p50 %.2f ms, p99 %.2f ms, max %.2f ms, %d failed%n",
        roundTrips.getTotalCount(),
        roundTrips.getValueAtPercentile(50) / 1000.0,
        roundTrips.getValueAtPercentile(99) / 1000.0,
        roundTrips.getMaxValue() / 1000.0,
        observerFailures.get());
  }

  // ---- (a) many connections from one address ----

  private void connections() throws Exception {
    long baseline = openDescriptors();
    List<Socket> sockets = new ArrayList<>();
    long start = System.nanoTime();
    long deadline = start + TimeUnit.SECONDS.toNanos(5);
    int failedToConnect = 0;
    for (int i = 0; i < 1_000 && System.nanoTime() < deadline; i++) {
      Socket s = new Socket();
      try {
        s.connect(new InetSocketAddress("127.0.0.1", port), 2_000);
        s.setSoTimeout(2_000);
        sockets.add(s);
      } catch (IOException e) {
        failedToConnect++;
        s.close();
      }
    }
    double openedIn = (System.nanoTime() - start) / 1e9;
    long peak = openDescriptors();
    ExecutorService readers = Executors.newFixedThreadPool(128);
    int refused = 0;
    int admitted = 0;
    try {
      List<Future<Boolean>> reads = new ArrayList<>();
      for (Socket s : sockets) {
        reads.add(readers.submit(() -> refusedWithFrame(s)));
      }
      for (Future<Boolean> r : reads) {
        if (r.get(60, TimeUnit.SECONDS)) {
          refused++;
        } else {
          admitted++;
        }
      }
    } finally {
      readers.shutdownNow();
    }
    int serverOpen = server.guards().gate().open();
    for (Socket s : sockets) {
      s.close();
    }
    long closedAt = System.nanoTime();
    long now = openDescriptors();
    while (now > baseline && System.nanoTime() - closedAt < TimeUnit.SECONDS.toNanos(10)) {
      Thread.sleep(50);
      now = openDescriptors();
    }
    double back = (System.nanoTime() - closedAt) / 1e9;
    System.out.printf(
        "%d connections opened in %.2f s (%d failed to connect): %d refused with TOO_MANY_CONNECTIONS, %d admitted "
            + "(server counted %d open, the observer's 2 included)%n",
        sockets.size(), openedIn, failedToConnect, refused, admitted, serverOpen);
    System.out.printf(
        "descriptors of this process (server and probe clients): baseline %d, peak %d, %d after %.2f s%s; "
            + "server connections now %d%n",
        baseline,
        peak,
        now,
        back,
        now <= baseline ? " (back to baseline)" : " (NOT back)",
        server.guards().gate().open());
  }

  /** True if the server sent TOO_MANY_CONNECTIONS and closed; false if the socket stayed open and silent. */
  private static boolean refusedWithFrame(Socket s) throws IOException {
    InputStream in = s.getInputStream();
    byte[] buf = new byte[512];
    int total = 0;
    try {
      for (int n; (n = in.read(buf, total, buf.length - total)) > 0; ) {
        total += n;
      }
    } catch (SocketTimeoutException e) {
      return false;
    }
    return total > 0
        && ServerMessage.parseFrom(java.util.Arrays.copyOfRange(buf, 1, total)).getError().getCode()
            == ErrorCode.TOO_MANY_CONNECTIONS;
  }

  private static long openDescriptors() throws IOException {
    try (var files = Files.list(Path.of("/proc/self/fd"))) {
      return files.count();
    }
  }

  // ---- (b) a pipelining client that never reads ----

  private void pipeline(int seconds) throws Exception {
    long heapBefore = heapAfterGc();
    long rssBefore = rssKiB();
    WireClient attacker = WireClient.hello(port, "probe-pipeline");
    ServerMessage created =
        attacker.call(
            ClientMessage.newBuilder()
                .setCreateSession(
                    CreateSession.newBuilder()
                        .setBuiltinScenarioId("armenia-csto-2024")
                        .setDeadline(Deadline.newBuilder().setGameMasterAdvanced(true))));
    if (!created.hasSessionCreated()) {
      throw new IOException("attacker did not create a session: " + created);
    }
    java.io.ByteArrayOutputStream frames = new java.io.ByteArrayOutputStream();
    for (int i = 0; i < 6_000; i++) {
      frames.writeBytes(
          WireClient.frame(
              ClientMessage.newBuilder()
                  .setRequestId(attacker.nextId())
                  .setGetHistory(GetHistory.newBuilder().setLimit(100))
                  .build()));
    }
    byte[] all = frames.toByteArray();
    AtomicLong written = new AtomicLong();
    Thread writer =
        new Thread(
            () -> {
              try {
                var out = attacker.socket.getOutputStream();
                for (int off = 0; off < all.length; off += 1_024) {
                  int n = Math.min(1_024, all.length - off);
                  out.write(all, off, n);
                  written.addAndGet(n);
                }
                out.flush();
              } catch (IOException e) {
                // the server closed the connection, or the watchdog did
              }
            },
            "pipeline-writer");
    writer.start();
    long peakHeap = 0;
    long peakRss = 0;
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() < end) {
      peakHeap =
          Math.max(peakHeap, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
      peakRss = Math.max(peakRss, rssKiB());
      Thread.sleep(100);
    }
    boolean writerBlocked = writer.isAlive();
    long heapAfter = heapAfterGc();
    long rssAfter = rssKiB();
    Map<ErrorCode, Integer> errors = new EnumMap<>(ErrorCode.class);
    int histories = 0;
    boolean closedByServer = false;
    attacker.socket.setSoTimeout(2_000);
    try {
      for (int i = 0; i < 10_000; i++) {
        ServerMessage m = attacker.read();
        if (m == null) {
          closedByServer = true;
          break;
        }
        if (m.hasError()) {
          errors.merge(m.getError().getCode(), 1, Integer::sum);
        } else if (m.hasHistoryPage()) {
          histories++;
        }
      }
    } catch (SocketTimeoutException e) {
      // still open, nothing more to read
    } catch (IOException e) {
      closedByServer = true;
    }
    attacker.close();
    writer.join(5_000);
    System.out.printf(
        "wrote %d of %d bytes (6,000 GetHistory; writer %s after %d s); the client then read %d histories, errors %s; "
            + "connection %s%n",
        written.get(),
        all.length,
        writerBlocked ? "blocked" : "finished",
        seconds,
        histories,
        errors,
        closedByServer ? "closed by the server" : "still open (throttled)");
    System.out.printf(
        "heap after GC: %.1f MiB before, %.1f MiB after (growth %.1f MiB); peak heap in use %.1f MiB%n",
        mib(heapBefore), mib(heapAfter), mib(heapAfter - heapBefore), mib(peakHeap));
    System.out.printf(
        "resident: %.1f MiB before, peak %.1f MiB, %.1f MiB after (peak growth %.1f MiB)%n",
        rssBefore / 1024.0, peakRss / 1024.0, rssAfter / 1024.0, (peakRss - rssBefore) / 1024.0);
  }

  private static long heapAfterGc() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(50);
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private static long rssKiB() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    return 0;
  }

  private static double mib(long bytes) {
    return bytes / (1024.0 * 1024.0);
  }

  // ---- (c) a flood of bad scenario uploads ----

  private void uploads(int seconds) throws Exception {
    // Parses, then fails validation: the whole validator runs, and the answer lists many problems.
    String text;
    try (InputStream in =
        LimitsProbe.class.getResourceAsStream("/scenarios/veyla-strait-2031.textproto")) {
      text =
          new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("actor: \"", "actor: \"ZZ");
    }
    ClientMessage.Builder upload =
        ClientMessage.newBuilder()
            .setCreateSession(
                CreateSession.newBuilder()
                    .setScenarioFile(
                        ScenarioFile.newBuilder().setFileName("bad.textproto").setText(text)));
    Map<ErrorCode, AtomicLong> answers = new java.util.concurrent.ConcurrentHashMap<>();
    AtomicLong reconnects = new AtomicLong();
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    List<Thread> attackers = new ArrayList<>();
    for (int a = 0; a < 4; a++) {
      Thread t =
          new Thread(
              () -> {
                WireClient c = null;
                for (int i = 0; i < 1_000_000 && System.nanoTime() < end; i++) {
                  try {
                    if (c == null) {
                      c = WireClient.hello(port, "probe-upload");
                      reconnects.incrementAndGet();
                    }
                    ServerMessage m = c.call(upload.clone());
                    ErrorCode code =
                        m.hasError() ? m.getError().getCode() : ErrorCode.ERROR_CODE_UNSPECIFIED;
                    answers.computeIfAbsent(code, k -> new AtomicLong()).incrementAndGet();
                  } catch (IOException e) {
                    if (c != null) {
                      c.close();
                    }
                    c = null;
                  }
                }
                if (c != null) {
                  c.close();
                }
              },
              "upload-" + a);
      t.start();
      attackers.add(t);
    }
    for (Thread t : attackers) {
      t.join(TimeUnit.SECONDS.toMillis(seconds + 30));
    }
    System.out.printf(
        "4 connections uploading a 38 KB scenario that parses but names unknown actors for %d s: answers %s, %d connections opened%n",
        seconds, new java.util.TreeMap<>(answers), reconnects.get());
  }

  // ---- (d) 100 chat messages per second from one seat ----

  private void chat(int seconds) throws Exception {
    WireClient seat = WireClient.hello(port, "probe-chat");
    ServerMessage joined =
        seat.call(
            ClientMessage.newBuilder()
                .setJoinSession(
                    JoinSession.newBuilder()
                        .setJoinCode(joinCode)
                        .setDisplayName("Chatty")
                        .setCountry("RUS")));
    if (!joined.hasJoined()) {
      throw new IOException("chat seat did not join: " + joined);
    }
    AtomicLong sent = new AtomicLong();
    AtomicLong accepted = new AtomicLong();
    AtomicLong limited = new AtomicLong();
    AtomicLong other = new AtomicLong();
    AtomicBoolean closed = new AtomicBoolean();
    java.util.Set<Long> answeredIds = java.util.concurrent.ConcurrentHashMap.newKeySet();
    long firstChatId = seat.nextId() + 1;
    Thread reader =
        new Thread(
            () -> {
              try {
                seat.socket.setSoTimeout(3_000);
                for (ServerMessage m; (m = seat.read()) != null; ) {
                  if (m.hasEvent() || m.getRequestId() < firstChatId) {
                    continue;
                  }
                  answeredIds.add(m.getRequestId());
                  if (m.hasError() && m.getError().getCode() == ErrorCode.RATE_LIMITED) {
                    limited.incrementAndGet();
                  } else if (m.hasError()) {
                    other.incrementAndGet();
                  } else {
                    accepted.incrementAndGet();
                  }
                }
                closed.set(true);
              } catch (SocketTimeoutException e) {
                // the writer stopped and everything was read
              } catch (IOException e) {
                closed.set(true);
              }
            },
            "chat-reader");
    reader.start();
    long start = System.nanoTime();
    for (int i = 0; i < seconds * 100; i++) {
      long due = start + i * 10_000_000L;
      long wait = due - System.nanoTime();
      if (wait > 0) {
        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
      }
      try {
        seat.send(
            ClientMessage.newBuilder()
                .setSendMessage(
                    SendMessage.newBuilder().setChannel(Channel.PUBLIC).setText("message " + i)));
        sent.incrementAndGet();
      } catch (IOException e) {
        break;
      }
    }
    reader.join(10_000);
    seat.close();
    System.out.printf(
        "chat at 100/s for %d s: %d sent, %d answered (%d accepted, %d RATE_LIMITED, %d other errors), "
            + "%d unanswered; connection %s%n",
        seconds,
        sent.get(),
        answeredIds.size(),
        accepted.get(),
        limited.get(),
        other.get(),
        sent.get() - answeredIds.size(),
        closed.get() ? "closed by the server" : "open");
  }
}
