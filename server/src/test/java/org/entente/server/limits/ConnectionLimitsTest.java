package org.entente.server.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.entente.proto.protocol.v1.ClientMessage;
import org.entente.proto.protocol.v1.ErrorCode;
import org.entente.proto.protocol.v1.GetView;
import org.entente.proto.protocol.v1.Hello;
import org.entente.proto.protocol.v1.ListScenarios;
import org.entente.proto.protocol.v1.Pong;
import org.entente.proto.protocol.v1.ProtocolVersion;
import org.entente.proto.protocol.v1.SendMessage;
import org.entente.proto.protocol.v1.ServerMessage;
import org.entente.server.testing.EmbeddedHarness;
import org.entente.server.testing.Frames;
import org.junit.jupiter.api.Test;

/** Every connection limit reached on EmbeddedChannels, with the event loop's clock moved by hand. */
class ConnectionLimitsTest {
  private final AtomicLong now = new AtomicLong();

  private NetworkGuards guards(Limits limits, long openDescriptors) {
    return new NetworkGuards(
        limits,
        RatePolicy.defaults(),
        Descriptors.unsampled(() -> openDescriptors, 1_000),
        new RateLimiter(now::get));
  }

  private static ClientMessage.Builder hello() {
    return ClientMessage.newBuilder()
        .setHello(Hello.newBuilder().setProtocolVersion(ProtocolVersion.PROTOCOL_VERSION_1));
  }

  private static ServerMessage only(List<ServerMessage> got) {
    assertThat(got).hasSize(1);
    return got.get(0);
  }

  @Test
  void connectionsPastTheCapPerAddressAreRefusedBeforeAnyWork() {
    try (EmbeddedHarness h =
        new EmbeddedHarness(guards(Limits.defaults().withConnections(10, 2), 10), Runnable::run)) {
      EmbeddedHarness.Client a = h.client();
      EmbeddedHarness.Client b = h.client();
      EmbeddedHarness.Client c = h.client();
      ServerMessage refusal = only(c.poll());
      assertThat(refusal.getError().getCode()).isEqualTo(ErrorCode.TOO_MANY_CONNECTIONS);
      assertThat(refusal.getError().getMessage())
          .contains("This network address has 2 connections open");
      assertThat(c.channel.isActive()).isFalse();
      assertThat(a.channel.isActive()).isTrue();
      assertThat(b.request(hello()).hasWelcome()).isTrue();
      b.channel.close();
      EmbeddedHarness.Client d = h.client();
      assertThat(d.channel.isActive()).as("a closed connection frees its place").isTrue();
    }
  }

  @Test
  void connectionsPastTheServerWideCapAreRefused() {
    try (EmbeddedHarness h =
        new EmbeddedHarness(guards(Limits.defaults().withConnections(2, 100), 10), Runnable::run)) {
      h.client();
      h.client();
      EmbeddedHarness.Client c = h.client();
      assertThat(only(c.poll()).getError().getMessage())
          .contains("as many connections as it accepts (2)");
    }
  }

  @Test
  void whenDescriptorsRunShortTheServerStopsAcceptingInsteadOfFailingStorage() {
    try (EmbeddedHarness h =
        new EmbeddedHarness(
            guards(Limits.defaults().withDescriptorReserve(100), 950), Runnable::run)) {
      EmbeddedHarness.Client c = h.client();
      ServerMessage refusal = only(c.poll());
      assertThat(refusal.getError().getCode()).isEqualTo(ErrorCode.TOO_MANY_CONNECTIONS);
      assertThat(refusal.getError().getMessage()).contains("short of file descriptors");
    }
  }

  @Test
  void aConnectionThatNeverSaysHelloIsClosedAtTheDeadline() {
    try (EmbeddedHarness h = new EmbeddedHarness(guards(Limits.defaults(), 10), Runnable::run)) {
      EmbeddedHarness.Client c = h.client();
      c.channel.advanceTimeBy(9, TimeUnit.SECONDS);
      assertThat(c.poll()).isEmpty();
      assertThat(c.channel.isActive()).isTrue();
      c.channel.advanceTimeBy(2, TimeUnit.SECONDS);
      ServerMessage closing = only(c.poll());
      assertThat(closing.getError().getCode()).isEqualTo(ErrorCode.TIMED_OUT);
      assertThat(closing.getError().getMessage()).isEqualTo("No hello within 10 s; closing.");
      assertThat(c.channel.isActive()).isFalse();
    }
  }

  @Test
  void aSilentConnectionIsPingedThenClosedAndAPongKeepsItOpen() {
    Limits limits =
        Limits.defaults()
            .withTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofSeconds(15));
    try (EmbeddedHarness h = new EmbeddedHarness(guards(limits, 10), Runnable::run)) {
      EmbeddedHarness.Client c = h.client();
      assertThat(c.request(hello()).hasWelcome()).isTrue();
      c.channel.advanceTimeBy(21, TimeUnit.SECONDS);
      ServerMessage ping = only(c.poll());
      assertThat(ping.hasPing()).isTrue();
      assertThat(
              c.send(
                  Frames.frame(
                      ClientMessage.newBuilder()
                          .setPong(Pong.newBuilder().setNonce(ping.getPing().getNonce()))
                          .build())))
          .as("a pong is not answered")
          .isEmpty();
      c.channel.advanceTimeBy(30, TimeUnit.SECONDS);
      assertThat(only(c.poll()).hasPing())
          .as("pinged again after another silent interval")
          .isTrue();
      assertThat(c.channel.isActive()).isTrue();
      c.channel.advanceTimeBy(25, TimeUnit.SECONDS);
      ServerMessage closing = only(c.poll());
      assertThat(closing.getError().getCode()).isEqualTo(ErrorCode.TIMED_OUT);
      assertThat(closing.getError().getMessage())
          .isEqualTo("No answer to the server's ping for 40 s; closing.");
      assertThat(c.channel.isActive()).isFalse();
    }
  }

  @Test
  void aFrameLeftHalfSentIsClosedAtTheDeadline() {
    try (EmbeddedHarness h = new EmbeddedHarness(guards(Limits.defaults(), 10), Runnable::run)) {
      EmbeddedHarness.Client c = h.client();
      assertThat(c.request(hello()).hasWelcome()).isTrue();
      byte[] frame =
          Frames.frame(
              ClientMessage.newBuilder()
                  .setRequestId(2)
                  .setListScenarios(ListScenarios.getDefaultInstance())
                  .build());
      byte[] half = java.util.Arrays.copyOf(frame, frame.length - 1);
      assertThat(c.send(half)).isEmpty();
      c.channel.advanceTimeBy(16, TimeUnit.SECONDS);
      ServerMessage closing = only(c.poll());
      assertThat(closing.getError().getMessage())
          .isEqualTo("A frame was left unfinished for 15 s; closing.");
      assertThat(c.channel.isActive()).isFalse();
    }
  }

  /** A game master who created a session, its session's tasks run. */
  private static EmbeddedHarness.Client gameMaster(EmbeddedHarness h, List<Runnable> sessionTasks) {
    EmbeddedHarness.Client gm = h.helloClient();
    gm.send(
        Frames.frame(
            ClientMessage.newBuilder()
                .setRequestId(2)
                .setCreateSession(
                    org.entente.proto.protocol.v1.CreateSession.newBuilder()
                        .setBuiltinScenarioId("test-crisis")
                        .setDisplayName("Ms Lee"))
                .build()));
    runAll(sessionTasks);
    assertThat(gm.poll()).anyMatch(ServerMessage::hasSessionCreated);
    return gm;
  }

  /** {@code count} get_view requests (ids 100 on), framed one after another. */
  private static java.io.ByteArrayOutputStream getViews(int count) {
    java.io.ByteArrayOutputStream pipelined = new java.io.ByteArrayOutputStream();
    for (int i = 0; i < count; i++) {
      pipelined.writeBytes(
          Frames.frame(
              ClientMessage.newBuilder()
                  .setRequestId(100 + i)
                  .setGetView(GetView.getDefaultInstance())
                  .build()));
    }
    return pipelined;
  }

  @Test
  void aPipeliningClientGetsAtMostTheLimitHandledAtOnceAndEveryAnswerInTheEnd() {
    List<Runnable> sessionTasks = new ArrayList<>();
    Limits limits = Limits.defaults().withRequests(4, 100, 4L * 1024 * 1024);
    try (EmbeddedHarness h = new EmbeddedHarness(guards(limits, 10), sessionTasks::add)) {
      EmbeddedHarness.Client gm = gameMaster(h, sessionTasks);
      java.io.ByteArrayOutputStream pipelined = getViews(10);
      gm.send(pipelined.toByteArray());
      assertThat(gm.channel.config().isAutoRead())
          .as("reading paused: 4 in flight, 6 waiting")
          .isFalse();
      List<Long> answered = new ArrayList<>();
      for (int round = 0; round < 5 && answered.size() < 10; round++) {
        runAll(sessionTasks);
        gm.poll().stream()
            .filter(ServerMessage::hasView)
            .forEach(m -> answered.add(m.getRequestId()));
      }
      assertThat(answered)
          .containsExactly(100L, 101L, 102L, 103L, 104L, 105L, 106L, 107L, 108L, 109L);
      assertThat(gm.channel.config().isAutoRead()).as("reading resumed").isTrue();
    }
  }

  @Test
  void whileTheServerIsLateToAnswerAClientsHalfFrameAndSilenceAreNotHeldAgainstIt() {
    List<Runnable> sessionTasks = new ArrayList<>();
    Limits limits = Limits.defaults().withRequests(4, 100, 4L * 1024 * 1024);
    try (EmbeddedHarness h = new EmbeddedHarness(guards(limits, 10), sessionTasks::add)) {
      EmbeddedHarness.Client gm = gameMaster(h, sessionTasks);
      java.io.ByteArrayOutputStream pipelined = getViews(6);
      byte[] next =
          Frames.frame(
              ClientMessage.newBuilder()
                  .setRequestId(200)
                  .setGetView(GetView.getDefaultInstance())
                  .build());
      pipelined.writeBytes(java.util.Arrays.copyOf(next, next.length - 1));
      gm.send(pipelined.toByteArray());
      assertThat(gm.channel.config().isAutoRead()).as("4 in flight: reading paused").isFalse();

      for (int i = 0; i < 12; i++) { // a minute in 5 s steps, the sessions answering nothing
        gm.channel.advanceTimeBy(5, TimeUnit.SECONDS);
        gm.poll();
      }
      assertThat(gm.channel.isActive())
          .as("a minute with the server late: no half-frame or silence timeout")
          .isTrue();

      for (int round = 0; round < 5 && !gm.channel.config().isAutoRead(); round++) {
        runAll(sessionTasks);
        gm.poll();
      }
      assertThat(gm.channel.config().isAutoRead()).as("answered: reading again").isTrue();
      gm.channel.advanceTimeBy(16, TimeUnit.SECONDS);
      assertThat(gm.poll())
          .as("reading again, the half frame is the client's once more")
          .anyMatch(m -> m.getError().getMessage().startsWith("A frame was left unfinished"));
      assertThat(gm.channel.isActive()).isFalse();
    }
  }

  @Test
  void tooManyPipelinedRequestsCloseTheConnection() {
    List<Runnable> sessionTasks = new ArrayList<>();
    Limits limits = Limits.defaults().withRequests(1, 3, 4L * 1024 * 1024);
    try (EmbeddedHarness h = new EmbeddedHarness(guards(limits, 10), sessionTasks::add)) {
      EmbeddedHarness.Client gm = gameMaster(h, sessionTasks);
      java.io.ByteArrayOutputStream pipelined = getViews(6);
      List<ServerMessage> got = gm.send(pipelined.toByteArray());
      assertThat(got)
          .anyMatch(
              m ->
                  m.getError().getCode() == ErrorCode.RATE_LIMITED
                      && m.getError()
                          .getMessage()
                          .equals(
                              "More than 3 requests were sent without waiting for answers; closing."));
      assertThat(gm.channel.isActive()).isFalse();
    }
  }

  @Test
  void chatPastTheBurstIsRateLimitedWithTheTimeToWaitAndNothingIsLost() {
    try (EmbeddedHarness h = new EmbeddedHarness(guards(Limits.defaults(), 10), Runnable::run)) {
      EmbeddedHarness.Client gm = h.gameMaster(3);
      EmbeddedHarness.Client ani = h.player(gm.joinCode, "Ani", "ARM");
      gm.request(
          ClientMessage.newBuilder()
              .setStartGame(org.entente.proto.protocol.v1.StartGame.getDefaultInstance()));
      int accepted = 0;
      ServerMessage limited = null;
      for (int i = 0; i < 12 && limited == null; i++) {
        ServerMessage r =
            ani.request(
                ClientMessage.newBuilder()
                    .setSendMessage(
                        SendMessage.newBuilder()
                            .setChannel(org.entente.proto.protocol.v1.Channel.PUBLIC)
                            .setText("message " + i)));
        if (r.hasError()) {
          limited = r;
        } else {
          accepted++;
        }
      }
      assertThat(accepted).as("the burst").isEqualTo(10);
      assertThat(limited.getError().getCode()).isEqualTo(ErrorCode.RATE_LIMITED);
      assertThat(limited.getError().getRetryAfterMillis()).isEqualTo(1_000);
      assertThat(limited.getError().getMessage())
          .isEqualTo("Too many send_message requests; try again in a second.");
      now.addAndGet(1_000_000_000L);
      assertThat(
              ani.request(
                      ClientMessage.newBuilder()
                          .setSendMessage(
                              SendMessage.newBuilder()
                                  .setChannel(org.entente.proto.protocol.v1.Channel.PUBLIC)
                                  .setText("after the wait")))
                  .hasError())
          .isFalse();
      gm.poll();
      long delivered = gm.events.stream().filter(e -> e.hasMessage()).count();
      assertThat(delivered).as("every accepted message reached the game master").isEqualTo(11);
    }
  }

  @Test
  void aConnectionThatKeepsSendingPastItsLimitIsClosed() {
    try (EmbeddedHarness h = new EmbeddedHarness(guards(Limits.defaults(), 10), Runnable::run)) {
      EmbeddedHarness.Client c = h.helloClient();
      java.io.ByteArrayOutputStream flood = new java.io.ByteArrayOutputStream();
      for (int i = 0; i < 200 + NetworkGuards.ABUSE_REFUSALS; i++) {
        flood.writeBytes(
            Frames.frame(
                ClientMessage.newBuilder()
                    .setRequestId(10 + i)
                    .setListScenarios(ListScenarios.getDefaultInstance())
                    .build()));
      }
      List<ServerMessage> got = c.send(flood.toByteArray());
      assertThat(got.stream().filter(ServerMessage::hasScenarioList)).hasSize(200);
      assertThat(got.get(got.size() - 1).getError().getMessage())
          .isEqualTo("Too many requests past the limit; closing. Reconnect in a minute.");
      assertThat(c.channel.isActive()).isFalse();
    }
  }

  private static void runAll(List<Runnable> tasks) {
    while (!tasks.isEmpty()) {
      List<Runnable> now = new ArrayList<>(tasks);
      tasks.clear();
      now.forEach(Runnable::run);
    }
  }
}
