package org.entente.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.entente.proto.protocol.v1.AssignBot;
import org.entente.proto.protocol.v1.Briefing;
import org.entente.proto.protocol.v1.ClientMessage;
import org.entente.proto.protocol.v1.ClientMessage.BodyCase;
import org.entente.proto.protocol.v1.CreateSession;
import org.entente.proto.protocol.v1.ErrorCode;
import org.entente.proto.protocol.v1.Event;
import org.entente.proto.protocol.v1.GetView;
import org.entente.proto.protocol.v1.JoinSession;
import org.entente.proto.protocol.v1.Joined;
import org.entente.proto.protocol.v1.Ok;
import org.entente.proto.protocol.v1.ReleaseBot;
import org.entente.proto.protocol.v1.Resumed;
import org.entente.proto.protocol.v1.Role;
import org.entente.proto.protocol.v1.ScenarioList;
import org.entente.proto.protocol.v1.SeatMoved;
import org.entente.proto.protocol.v1.ServerMessage;
import org.entente.proto.protocol.v1.SessionCreated;
import org.entente.proto.protocol.v1.SessionView;
import org.entente.proto.protocol.v1.Welcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link ClientSession} against a {@link FakeServer}: retries after a reconnect, and the cached briefing. */
class ClientSessionTest {
  private static final Duration WAIT = Duration.ofSeconds(30);

  @TempDir Path home;
  private FakeServer server;
  private ClientSession session;

  /** Set to make the fake drop the connection instead of answering the next AssignBot. */
  private final AtomicBoolean loseNextAssignBot = new AtomicBoolean();

  private final AtomicInteger briefings = new AtomicInteger();
  private final AtomicBoolean refuseResume = new AtomicBoolean();

  private FakeServer fake() throws InterruptedException {
    return new FakeServer(
        (m, channel) -> {
          ServerMessage.Builder r = ServerMessage.newBuilder();
          SessionView view =
              SessionView.newBuilder()
                  .setScenarioId("sc")
                  .setViewerRole(Role.PLAYER)
                  .setViewerCountry("ARM")
                  .build();
          return switch (m.getBodyCase()) {
            case HELLO -> r.setWelcome(Welcome.getDefaultInstance());
            case LIST_SCENARIOS -> r.setScenarioList(ScenarioList.getDefaultInstance());
            case CREATE_SESSION ->
                r.setSessionCreated(
                    SessionCreated.newBuilder()
                        .setJoinCode("ABCDEF")
                        .setGameMasterToken("gm-token")
                        .setView(
                            view.toBuilder().setViewerRole(Role.GAME_MASTER).setViewerCountry("")));
            case JOIN_SESSION ->
                r.setJoined(
                    Joined.newBuilder()
                        .setSeatId(7)
                        .setSeatToken("seat-token")
                        .setRole(Role.PLAYER)
                        .setView(view));
            case RESUME ->
                refuseResume.get()
                    ? r.setError(
                        org.entente.proto.protocol.v1.Error.newBuilder()
                            .setCode(ErrorCode.INVALID_TOKEN)
                            .setMessage("no such seat"))
                    : r.setResumed(
                        Resumed.newBuilder()
                            .setRole(
                                m.getResume().getToken().equals("gm-token")
                                    ? Role.GAME_MASTER
                                    : Role.PLAYER)
                            .setSeatId(m.getResume().getToken().equals("gm-token") ? 0 : 7)
                            .setView(view));
            case GET_BRIEFING ->
                r.setBriefing(
                    Briefing.newBuilder()
                        .setScenarioId("sc")
                        .setDigest("d" + briefings.incrementAndGet())
                        .setBackground("Background " + briefings.get()));
            case ASSIGN_BOT -> {
              if (loseNextAssignBot.getAndSet(false)) {
                channel.close();
                yield null;
              }
              yield r.setOk(Ok.getDefaultInstance());
            }
            default -> r.setOk(Ok.getDefaultInstance());
          };
        });
  }

  private void connect() throws Exception {
    server = fake();
    session =
        ClientSession.connect(
            new ServerAddress("127.0.0.1", server.port()),
            new SeatStore(home.resolve("seats.json")),
            "test");
  }

  @AfterEach
  void close() {
    if (session != null) {
      session.close();
    }
    if (server != null) {
      server.close();
    }
  }

  private List<ClientMessage> received(BodyCase body) {
    return server.received().stream().filter(m -> m.getBodyCase() == body).toList();
  }

  private void dropAndWaitUntilDown() throws InterruptedException {
    server.dropConnections();
    assertThat(session.await(s -> !s.isConnected(), WAIT)).isTrue();
  }

  @Test
  void aBotRequestTypedWhileTheConnectionIsDownIsSentOnceTheSeatIsBack() throws Exception {
    connect();
    session.call(
        ClientMessage.newBuilder()
            .setCreateSession(CreateSession.newBuilder().setBuiltinScenarioId("sc")));
    dropAndWaitUntilDown();

    ServerMessage r =
        session.call(
            ClientMessage.newBuilder().setReleaseBot(ReleaseBot.newBuilder().setCountry("AZE")));

    assertThat(r.hasOk()).isTrue();
    List<ClientMessage> all = server.received();
    List<ClientMessage> releases = received(BodyCase.RELEASE_BOT);
    assertThat(releases).hasSize(1);
    assertThat(releases.get(0).getIdempotencyKey()).isNotZero();
    // After the seat was taken back on the new connection, not before.
    assertThat(all.indexOf(releases.get(0)))
        .isGreaterThan(all.lastIndexOf(received(BodyCase.RESUME).get(0)));
  }

  @Test
  void aBotRequestWhoseConnectionDropsBeforeTheAnswerIsResentOnceWithTheSameKey() throws Exception {
    connect();
    session.call(
        ClientMessage.newBuilder()
            .setCreateSession(CreateSession.newBuilder().setBuiltinScenarioId("sc")));
    loseNextAssignBot.set(true);

    ServerMessage r =
        session.call(
            ClientMessage.newBuilder().setAssignBot(AssignBot.newBuilder().setCountry("AZE")));

    assertThat(r.hasOk()).isTrue();
    List<ClientMessage> assigns = received(BodyCase.ASSIGN_BOT);
    assertThat(assigns).hasSize(2);
    assertThat(assigns.get(1).getIdempotencyKey())
        .isNotZero()
        .isEqualTo(assigns.get(0).getIdempotencyKey());
    assertThat(received(BodyCase.RESUME)).hasSize(1);
  }

  @Test
  void anEntryRequestCarriesARandomSecretWithItsKeyAndInSessionRequestsNone() throws Exception {
    connect();
    session.call(
        ClientMessage.newBuilder()
            .setCreateSession(CreateSession.newBuilder().setBuiltinScenarioId("sc")));
    session.call(ClientMessage.newBuilder().setAssignBot(AssignBot.newBuilder().setCountry("AZE")));

    ClientMessage create = received(BodyCase.CREATE_SESSION).get(0);
    assertThat(create.getIdempotencyKey()).isNotZero();
    assertThat(create.getIdempotencySecret().size()).isEqualTo(16);
    assertThat(received(BodyCase.ASSIGN_BOT).get(0).getIdempotencySecret().isEmpty()).isTrue();
  }

  @Test
  void aReadWhoseConnectionIsDownFailsAndIsNotResent() throws Exception {
    connect();
    session.call(
        ClientMessage.newBuilder()
            .setCreateSession(CreateSession.newBuilder().setBuiltinScenarioId("sc")));
    dropAndWaitUntilDown();

    assertThatThrownBy(
            () -> session.call(ClientMessage.newBuilder().setGetView(GetView.getDefaultInstance())))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("was lost");
    assertThat(session.await(s -> s.isConnected() && s.inSession() && !s.resuming(), WAIT))
        .isTrue();
    assertThat(received(BodyCase.GET_VIEW)).isEmpty();
  }

  @Test
  void theBriefingIsFetchedOnceForASeatKeptAcrossAReconnectAndFetchedAgainWhenTheSeatMoves()
      throws Exception {
    connect();
    session.call(
        ClientMessage.newBuilder()
            .setJoinSession(
                JoinSession.newBuilder()
                    .setJoinCode("ABC-DEF")
                    .setDisplayName("Ani")
                    .setCountry("ARM")));
    assertThat(session.briefing(WAIT)).map(Briefing::getBackground).contains("Background 1");

    dropAndWaitUntilDown();
    assertThat(session.await(s -> s.isConnected() && s.inSession() && !s.resuming(), WAIT))
        .isTrue();
    assertThat(session.briefing(WAIT)).map(Briefing::getDigest).contains("d1");
    assertThat(received(BodyCase.GET_BRIEFING)).hasSize(1);

    server.push(
        Event.newBuilder()
            .setSeq(5)
            .setSeatMoved(
                SeatMoved.newBuilder().setSeatId(7).setFromCountry("ARM").setToCountry("AZE")));
    assertThat(session.await(s -> s.country().equals("AZE"), WAIT)).isTrue();
    assertThat(session.briefing(WAIT)).map(Briefing::getDigest).contains("d2");
    assertThat(received(BodyCase.GET_BRIEFING)).hasSize(2);
  }

  @Test
  void aSeatRefusedOnReconnectLeavesTheLobbyWithoutTheOldBriefingOrSavedSeat() throws Exception {
    connect();
    session.call(
        ClientMessage.newBuilder()
            .setJoinSession(
                JoinSession.newBuilder()
                    .setJoinCode("ABC-DEF")
                    .setDisplayName("Ani")
                    .setCountry("ARM")));
    assertThat(session.briefing(WAIT)).isPresent();
    assertThat(session.seats().forServer(session.address().toString())).hasSize(1);
    refuseResume.set(true);

    dropAndWaitUntilDown();
    assertThat(session.await(s -> s.isConnected() && !s.inSession() && !s.resuming(), WAIT))
        .isTrue();
    assertThat(session.briefing()).isEmpty();
    assertThat(session.seats().forServer(session.address().toString())).isEmpty();
  }

  @Test
  void theLobbyHasNoBriefing() throws Exception {
    connect();
    assertThat(session.briefing(Duration.ofMillis(50))).isEmpty();
    assertThat(received(BodyCase.GET_BRIEFING)).isEmpty();
  }
}
