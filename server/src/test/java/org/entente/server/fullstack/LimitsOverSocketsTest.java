package org.entente.server.fullstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.entente.proto.protocol.v1.ClientMessage;
import org.entente.proto.protocol.v1.CreateSession;
import org.entente.proto.protocol.v1.Deadline;
import org.entente.proto.protocol.v1.ErrorCode;
import org.entente.proto.protocol.v1.GetView;
import org.entente.proto.protocol.v1.ListScenarios;
import org.entente.proto.protocol.v1.ScenarioFile;
import org.entente.proto.protocol.v1.ServerMessage;
import org.entente.server.EntenteServer;
import org.entente.server.limits.Descriptors;
import org.entente.server.limits.Limits;
import org.entente.server.limits.NetworkGuards;
import org.entente.server.limits.RateLimiter;
import org.entente.server.limits.RatePolicy;
import org.entente.server.lobby.Lobby;
import org.entente.server.rules.ScenarioCatalog;
import org.entente.server.rules.ScenarioInfo;
import org.entente.server.testing.FakeRules;
import org.entente.server.testing.Frames;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Limits reached over real loopback sockets: the per-address cap under a flood, and the validation pool's bound. */
class LimitsOverSocketsTest {
  private static final int CAP = 50;
  private static final int FLOOD = 300;

  private final CountDownLatch release = new CountDownLatch(1);
  private final AtomicInteger validating = new AtomicInteger();

  @RegisterExtension
  final Loopback net =
      new Loopback(
          () ->
              EntenteServer.builder(blockingCatalog())
                  // A long hello timeout: on a loaded machine the admitted, silent sockets must not
                  // be
                  // closed for saying nothing before the test has read them all.
                  .guards(
                      new NetworkGuards(
                          Limits.defaults()
                              .withConnections(5_000, CAP)
                              .withTimeouts(
                                  Duration.ofSeconds(120),
                                  Duration.ofSeconds(20),
                                  Duration.ofSeconds(15)),
                          RatePolicy.all(new RatePolicy.Rate(100_000, 100_000)),
                          Descriptors.ofThisProcess(),
                          new RateLimiter(System::nanoTime)))
                  .admission(Lobby.Admission.defaults()));

  /** The test scenarios, where checking an uploaded file waits until the test releases it. */
  private ScenarioCatalog blockingCatalog() {
    ScenarioCatalog fake = FakeRules.catalog();
    return new ScenarioCatalog() {
      @Override
      public ImmutableList<ScenarioInfo> builtIns() {
        return fake.builtIns();
      }

      @Override
      public Optional<Loaded> loadBuiltIn(String id) {
        return fake.loadBuiltIn(id);
      }

      @Override
      public Loaded loadFile(String fileName, String text) {
        validating.incrementAndGet();
        try {
          release.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return fake.loadFile(fileName, text);
      }
    };
  }

  private static ClientMessage.Builder upload() {
    return ClientMessage.newBuilder()
        .setCreateSession(
            CreateSession.newBuilder()
                .setScenarioFile(
                    ScenarioFile.newBuilder()
                        .setFileName("mine.textproto")
                        .setText("not a scenario")));
  }

  @Test
  void whileTheValidatorIsBusyAndItsQueueFullTheNextUploadIsUnavailable() throws Exception {
    // One upload per connection: a connection has at most one entry request pending.
    CompletableFuture<ServerMessage> running = net.connect("Teacher 0").client.request(upload());
    waitFor(() -> validating.get() == 1, "the first upload on the validation thread");
    List<CompletableFuture<ServerMessage>> queued = new ArrayList<>();
    for (int i = 1; i <= 4; i++) {
      Participant teacher = net.connect("Teacher " + i);
      queued.add(teacher.client.request(upload()));
      // Answered only after the upload before it was handed to the validator: a barrier.
      assertThat(
              teacher
                  .call(
                      ClientMessage.newBuilder()
                          .setListScenarios(ListScenarios.getDefaultInstance()))
                  .hasScenarioList())
          .isTrue();
    }
    Participant fifth = net.connect("Teacher 5");
    ServerMessage refused = fifth.call(upload());
    assertThat(refused.getError().getCode()).isEqualTo(ErrorCode.UNAVAILABLE);
    assertThat(refused.getError().getMessage())
        .isEqualTo(
            "The server is checking too many scenario files at once; try again in a few seconds.");
    assertThat(running).as("still validating").isNotDone();
    release.countDown();
    assertThat(running.get(10, TimeUnit.SECONDS).getError().getCode())
        .isEqualTo(ErrorCode.INVALID_SCENARIO);
    for (CompletableFuture<ServerMessage> q : queued) {
      assertThat(q.get(10, TimeUnit.SECONDS).getError().getCode())
          .as("a queued upload is checked in turn")
          .isEqualTo(ErrorCode.INVALID_SCENARIO);
    }
    assertThat(validating.get()).isEqualTo(5);
  }

  @Test
  void aFloodFromOneAddressIsRefusedPastTheCapWhileAnotherSessionPlaysOn() throws Exception {
    release.countDown();
    Participant gm = net.connect("Ms Lee");
    ServerMessage created =
        gm.ok(
            ClientMessage.newBuilder()
                .setCreateSession(
                    CreateSession.newBuilder()
                        .setBuiltinScenarioId("test-crisis")
                        .setDeadline(Deadline.newBuilder().setGameMasterAdvanced(true))));
    Participant ani = net.join(created.getSessionCreated().getJoinCode(), "Ani", "ARM");
    var gate = server().guards().gate();
    assertThat(gate.open()).isEqualTo(2);

    AtomicBoolean flooding = new AtomicBoolean(true);
    AtomicInteger answers = new AtomicInteger();
    CompletableFuture<Void> player =
        CompletableFuture.runAsync(
            () -> {
              try {
                while (flooding.get()) {
                  assertThat(
                          ani.call(
                                  ClientMessage.newBuilder()
                                      .setGetView(GetView.getDefaultInstance()))
                              .hasView())
                      .isTrue();
                  answers.incrementAndGet();
                  Thread.sleep(10);
                }
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });

    List<Socket> sockets = new ArrayList<>();
    ExecutorService readers = Executors.newFixedThreadPool(64);
    try {
      for (int i = 0; i < FLOOD; i++) {
        Socket s = new Socket();
        s.connect(new InetSocketAddress("127.0.0.1", net.port()), 5_000);
        s.setSoTimeout(3_000);
        sockets.add(s);
      }
      List<Future<Optional<ServerMessage>>> reads = new ArrayList<>();
      for (Socket s : sockets) {
        reads.add(readers.submit(() -> readUntilClosed(s)));
      }
      int refused = 0;
      int admitted = 0;
      for (Future<Optional<ServerMessage>> r : reads) {
        Optional<ServerMessage> got = r.get(30, TimeUnit.SECONDS);
        if (got.isPresent()) {
          assertThat(got.get().getError().getCode()).isEqualTo(ErrorCode.TOO_MANY_CONNECTIONS);
          refused++;
        } else {
          admitted++;
        }
      }
      assertThat(admitted)
          .as("admitted up to the cap, the two players included")
          .isEqualTo(CAP - 2);
      assertThat(refused).isEqualTo(FLOOD - (CAP - 2));
    } finally {
      sockets.forEach(LimitsOverSocketsTest::closeQuietly);
      readers.shutdownNow();
    }
    waitFor(() -> gate.open() == 2, "the flood's connections released");
    flooding.set(false);
    player.get(30, TimeUnit.SECONDS);
    assertThat(answers.get()).as("the player was answered throughout").isGreaterThan(0);
    gm.close();
    ani.close();
    waitFor(() -> gate.open() == 0, "every connection released");
  }

  /** The frame the server sent before closing, or empty if the socket stayed open and silent. */
  private static Optional<ServerMessage> readUntilClosed(Socket s) throws Exception {
    InputStream in = s.getInputStream();
    java.io.ByteArrayOutputStream got = new java.io.ByteArrayOutputStream();
    byte[] buf = new byte[1024];
    try {
      for (int n; (n = in.read(buf)) >= 0; ) {
        got.write(buf, 0, n);
      }
    } catch (SocketTimeoutException e) {
      assertThat(got.size()).as("an admitted connection hears nothing before hello").isZero();
      return Optional.empty();
    }
    List<ServerMessage> frames = Frames.parseAll(got.toByteArray());
    assertThat(frames).as("one frame, then the close").hasSize(1);
    return Optional.of(frames.get(0));
  }

  private EntenteServer server() {
    return net.server();
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (java.io.IOException e) {
      // closing anyway
    }
  }

  private static void waitFor(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("waited 20 s for %s", what).isLessThan(deadline);
      Thread.sleep(10);
    }
  }
}
