package org.entente.server.connection;

import static org.assertj.core.api.Assertions.assertThat;

import org.entente.proto.protocol.v1.ClientMessage;
import org.entente.proto.protocol.v1.CreateSession;
import org.entente.proto.protocol.v1.Deadline;
import org.entente.proto.protocol.v1.ErrorCode;
import org.entente.proto.protocol.v1.GetView;
import org.entente.proto.protocol.v1.Hello;
import org.entente.proto.protocol.v1.JoinSession;
import org.entente.proto.protocol.v1.ListScenarios;
import org.entente.proto.protocol.v1.ProtocolVersion;
import org.entente.proto.protocol.v1.Resume;
import org.entente.proto.protocol.v1.ScenarioFile;
import org.entente.proto.protocol.v1.ServerMessage;
import org.entente.server.testing.EmbeddedHarness;
import org.junit.jupiter.api.Test;

class ConnectionStatesTest {
  private final EmbeddedHarness harness = new EmbeddedHarness();

  @org.junit.jupiter.api.AfterEach
  void releaseBuffers() {
    harness.close();
  }

  private static ClientMessage.Builder list() {
    return ClientMessage.newBuilder().setListScenarios(ListScenarios.getDefaultInstance());
  }

  @Test
  void beforeHelloEverythingElseIsUnexpected() {
    EmbeddedHarness.Client client = harness.client();
    ServerMessage response = client.request(list());
    assertThat(response.getError().getCode()).isEqualTo(ErrorCode.UNEXPECTED_MESSAGE);
    assertThat(response.getError().getMessage())
        .isEqualTo("list_scenarios is unexpected before hello.");
    assertThat(client.channel.isActive()).isTrue();
  }

  @Test
  void anUnsupportedVersionIsRefusedAndTheConnectionCloses() {
    EmbeddedHarness.Client client = harness.client();
    ServerMessage response =
        client.request(
            ClientMessage.newBuilder().setHello(Hello.newBuilder().setProtocolVersionValue(2)));
    assertThat(response.getError().getCode()).isEqualTo(ErrorCode.UNSUPPORTED_VERSION);
    assertThat(response.getError().getMessage())
        .isEqualTo("This server speaks protocol version 1; the client asked for 2.");
    assertThat(client.channel.isActive()).isFalse();
  }

  @Test
  void aSecondHelloIsUnexpected() {
    EmbeddedHarness.Client client = harness.helloClient();
    ServerMessage response =
        client.request(
            ClientMessage.newBuilder()
                .setHello(
                    Hello.newBuilder().setProtocolVersion(ProtocolVersion.PROTOCOL_VERSION_1)));
    assertThat(response.getError().getMessage()).isEqualTo("hello is unexpected in the lobby.");
  }

  @Test
  void inTheLobbySessionRequestsAreUnexpected() {
    EmbeddedHarness.Client client = harness.helloClient();
    ServerMessage response =
        client.request(ClientMessage.newBuilder().setGetView(GetView.getDefaultInstance()));
    assertThat(response.getError().getCode()).isEqualTo(ErrorCode.UNEXPECTED_MESSAGE);
  }

  @Test
  void joinCodesAreForgivingAboutCaseAndDashes() {
    EmbeddedHarness.Client gm = harness.gameMaster(3);
    assertThat(gm.joinCode).matches("[2-9A-Z]{3}-[2-9A-Z]{3}");
    String typed = " " + gm.joinCode.replace("-", "").toLowerCase() + " ";
    EmbeddedHarness.Client player = harness.player(typed, "Ani", "arm");
    ServerMessage view =
        player.request(ClientMessage.newBuilder().setGetView(GetView.getDefaultInstance()));
    assertThat(view.getView().getViewerCountry()).isEqualTo("ARM");
  }

  @Test
  void guessingJoinCodesIsCutOffAfterTwentyWrongOnesAMinute() {
    EmbeddedHarness.Client gm = harness.gameMaster(3);
    EmbeddedHarness.Client guesser = harness.helloClient();
    String wrong = gm.joinCode.equals("ZZZ-ZZZ") ? "YYY-YYY" : "ZZZ-ZZZ";
    for (int i = 0; i < org.entente.server.lobby.JoinAttempts.LIMIT; i++) {
      ServerMessage refused =
          guesser.request(
              ClientMessage.newBuilder()
                  .setJoinSession(
                      JoinSession.newBuilder()
                          .setJoinCode(wrong)
                          .setDisplayName("Eve")
                          .setCountry("ARM")));
      assertThat(refused.getError().getCode()).isEqualTo(ErrorCode.UNKNOWN_SESSION);
    }
    // Even the right code is refused now, from this address, and the connection closes.
    ServerMessage blocked =
        guesser.request(
            ClientMessage.newBuilder()
                .setJoinSession(
                    JoinSession.newBuilder()
                        .setJoinCode(gm.joinCode)
                        .setDisplayName("Eve")
                        .setCountry("ARM")));
    assertThat(blocked.getError().getCode()).isEqualTo(ErrorCode.TOO_MANY_ATTEMPTS);
    assertThat(blocked.getError().getMessage())
        .isEqualTo("Too many wrong join codes from this address; try again in 60 s.");
    guesser.channel.runPendingTasks();
    assertThat(guesser.channel.isOpen()).isFalse();
    // A minute later the address may try again.
    harness.clock.advance(org.entente.server.lobby.JoinAttempts.WINDOW_MILLIS);
    EmbeddedHarness.Client later = harness.helloClient();
    assertThat(
            later
                .request(
                    ClientMessage.newBuilder()
                        .setJoinSession(
                            JoinSession.newBuilder()
                                .setJoinCode(gm.joinCode)
                                .setDisplayName("Ani")
                                .setCountry("ARM")))
                .hasJoined())
        .isTrue();
  }

  @Test
  void anUnknownJoinCodeIsRefusedAndTheClientMayTryAgain() {
    EmbeddedHarness.Client gm = harness.gameMaster(3);
    EmbeddedHarness.Client client = harness.helloClient();
    ServerMessage refused =
        client.request(
            ClientMessage.newBuilder()
                .setJoinSession(
                    JoinSession.newBuilder()
                        .setJoinCode("ZZZ-ZZZ")
                        .setDisplayName("Ani")
                        .setCountry("ARM")));
    if (!gm.joinCode.equals("ZZZ-ZZZ")) {
      assertThat(refused.getError().getCode()).isEqualTo(ErrorCode.UNKNOWN_SESSION);
      assertThat(refused.getError().getMessage())
          .isEqualTo("No session has the join code 'ZZZ-ZZZ'.");
    }
    ServerMessage badCountry =
        client.request(
            ClientMessage.newBuilder()
                .setJoinSession(
                    JoinSession.newBuilder()
                        .setJoinCode(gm.joinCode)
                        .setDisplayName("Ani")
                        .setCountry("KAZ")));
    assertThat(badCountry.getError().getCode()).isEqualTo(ErrorCode.NOT_FOUND);
    assertThat(badCountry.getError().getMessage())
        .isEqualTo("No playable country 'KAZ'; choose one of [ARM, RUS, AZE, USA, FRA].");
    ServerMessage joined =
        client.request(
            ClientMessage.newBuilder()
                .setJoinSession(
                    JoinSession.newBuilder()
                        .setJoinCode(gm.joinCode)
                        .setDisplayName("Ani")
                        .setCountry("ARM")));
    assertThat(joined.getJoined().getCountry()).isEqualTo("ARM");
    assertThat(joined.getJoined().getSeatToken()).hasSize(26);
  }

  @Test
  void displayNamesAreChecked() {
    EmbeddedHarness.Client gm = harness.gameMaster(3);
    EmbeddedHarness.Client client = harness.helloClient();
    for (String name : new String[] {"", "   ", "a".repeat(33), "bell\u0007"}) {
      ServerMessage refused =
          client.request(
              ClientMessage.newBuilder()
                  .setJoinSession(
                      JoinSession.newBuilder()
                          .setJoinCode(gm.joinCode)
                          .setDisplayName(name)
                          .setCountry("ARM")));
      assertThat(refused.getError().getCode()).as(name).isEqualTo(ErrorCode.INVALID_REQUEST);
    }
  }

  @Test
  void aScenarioFileWithProblemsReturnsEveryProblem() {
    EmbeddedHarness.Client client = harness.helloClient();
    ServerMessage refused =
        client.request(
            ClientMessage.newBuilder()
                .setCreateSession(
                    CreateSession.newBuilder()
                        .setScenarioFile(
                            ScenarioFile.newBuilder()
                                .setFileName("mine.textproto")
                                .setText("nonsense"))));
    assertThat(refused.getError().getCode()).isEqualTo(ErrorCode.INVALID_SCENARIO);
    assertThat(refused.getError().getMessage()).isEqualTo("The scenario file has 2 problems.");
    assertThat(refused.getError().getProblemsList())
        .containsExactly(
            "mine.textproto:1:1: error: BAD_FORMAT: not a scenario",
            "mine.textproto:2:5: error: MISSING_FIELD: metadata.id is required");
    ServerMessage created =
        client.request(
            ClientMessage.newBuilder()
                .setCreateSession(
                    CreateSession.newBuilder()
                        .setScenarioFile(
                            ScenarioFile.newBuilder()
                                .setFileName("mine.textproto")
                                .setText("ok"))));
    assertThat(created.getSessionCreated().getView().getTotalTurns()).isEqualTo(3);
  }

  @Test
  void createSessionChecksTurnsDeadlineAndScenario() {
    EmbeddedHarness.Client client = harness.helloClient();
    assertThat(
            client
                .request(
                    ClientMessage.newBuilder()
                        .setCreateSession(
                            CreateSession.newBuilder()
                                .setBuiltinScenarioId("test-crisis")
                                .setTurns(121)))
                .getError()
                .getMessage())
        .isEqualTo("The number of turns must be 1..120.");
    assertThat(
            client
                .request(
                    ClientMessage.newBuilder()
                        .setCreateSession(
                            CreateSession.newBuilder()
                                .setBuiltinScenarioId("test-crisis")
                                .setDeadline(Deadline.newBuilder().setSecondsPerTurn(5))))
                .getError()
                .getMessage())
        .isEqualTo("A turn lasts 10..86400 seconds.");
    assertThat(
            client
                .request(
                    ClientMessage.newBuilder()
                        .setCreateSession(CreateSession.newBuilder().setBuiltinScenarioId("nope")))
                .getError()
                .getMessage())
        .isEqualTo("No built-in scenario 'nope'.");
    assertThat(
            client
                .request(
                    ClientMessage.newBuilder().setCreateSession(CreateSession.getDefaultInstance()))
                .getError()
                .getMessage())
        .isEqualTo("Choose a built-in scenario or send a scenario file.");
  }

  @Test
  void aMalformedTokenIsRefused() {
    EmbeddedHarness.Client gm = harness.gameMaster(3);
    EmbeddedHarness.Client client = harness.helloClient();
    ServerMessage refused =
        client.request(
            ClientMessage.newBuilder()
                .setResume(Resume.newBuilder().setJoinCode(gm.joinCode).setToken("not-a-token")));
    assertThat(refused.getError().getCode()).isEqualTo(ErrorCode.INVALID_TOKEN);
  }

  @Test
  void aConnectionThatNeverSaysHelloIsClosed() {
    EmbeddedHarness.Client silent = harness.client();
    EmbeddedHarness.Client polite = harness.helloClient();
    silent.channel.advanceTimeBy(
        org.entente.server.limits.Limits.defaults().helloTimeout().toSeconds(),
        java.util.concurrent.TimeUnit.SECONDS);
    silent.poll();
    polite.channel.advanceTimeBy(
        org.entente.server.limits.Limits.defaults().helloTimeout().toSeconds(),
        java.util.concurrent.TimeUnit.SECONDS);
    polite.poll();
    assertThat(silent.channel.isActive()).isFalse();
    assertThat(polite.channel.isActive()).isTrue();
  }

  @Test
  void anEndedSessionIsDroppedAfterItsRetention() {
    EmbeddedHarness.Client gm = harness.gameMaster(3);
    assertThat(harness.lobby.find(gm.joinCode)).isPresent();
    gm.request(
        ClientMessage.newBuilder()
            .setEndGame(org.entente.proto.protocol.v1.EndGame.getDefaultInstance()));
    assertThat(harness.scheduler.live())
        .singleElement()
        .satisfies(
            t ->
                assertThat(t.delay())
                    .isEqualTo(org.entente.server.lobby.Lobby.ENDED_SESSION_RETENTION));
    harness.scheduler.fireAll();
    assertThat(harness.lobby.find(gm.joinCode)).isEmpty();
  }
}
