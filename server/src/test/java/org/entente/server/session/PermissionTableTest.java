package org.entente.server.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;
import org.entente.proto.protocol.v1.Channel;
import org.entente.proto.protocol.v1.ClientMessage;
import org.entente.proto.protocol.v1.ClientMessage.BodyCase;
import org.entente.proto.protocol.v1.ConnectionStage;
import org.entente.proto.protocol.v1.EditDraft;
import org.entente.proto.protocol.v1.ErrorCode;
import org.entente.proto.protocol.v1.GetHistory;
import org.entente.proto.protocol.v1.GetView;
import org.entente.proto.protocol.v1.Order;
import org.entente.proto.protocol.v1.SendMessage;
import org.entente.proto.protocol.v1.ServerMessage;
import org.entente.proto.protocol.v1.StartGame;
import org.entente.protocol.Requests;
import org.entente.server.testing.EmbeddedHarness;
import org.entente.server.testing.RequestExamples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every request kind, sent from every connection state and by every role: before hello, in
 * the lobby (no seat), a player, a spectator and the game master. The expectation is the
 * request contract declared in protocol.proto (through {@link Requests}): accepted exactly
 * in its stage and, in a session, from the roles it lists; refused as unexpected in any
 * other stage and as not permitted from any other role. Each case sets the session up so
 * that an accepted request succeeds (no error at all).
 */
class PermissionTableTest {
  private final List<EmbeddedHarness> harnesses = new ArrayList<>();

  private EmbeddedHarness track(EmbeddedHarness harness) {
    harnesses.add(harness);
    return harness;
  }

  @org.junit.jupiter.api.AfterEach
  void releaseBuffers() {
    harnesses.forEach(EmbeddedHarness::close);
  }

  /** A connection's state and, in a session, its seat's role. */
  enum Sender {
    BEFORE_HELLO(ConnectionStage.AWAITING_HELLO, null),
    LOBBY(ConnectionStage.LOBBY, null),
    PLAYER(ConnectionStage.IN_SESSION, org.entente.proto.protocol.v1.Role.PLAYER),
    SPECTATOR(ConnectionStage.IN_SESSION, org.entente.proto.protocol.v1.Role.SPECTATOR),
    GAME_MASTER(ConnectionStage.IN_SESSION, org.entente.proto.protocol.v1.Role.GAME_MASTER);

    final ConnectionStage stage;
    final org.entente.proto.protocol.v1.Role role;

    Sender(ConnectionStage stage, org.entente.proto.protocol.v1.Role role) {
      this.stage = stage;
      this.role = role;
    }

    /** What the contract says: may this sender send {@code kind}? */
    boolean mayAccordingToTheContract(Requests.Kind kind) {
      return kind.stage() == stage && (role == null || kind.allows(role));
    }

    /** The refusal of a kind the contract does not allow this sender. */
    ErrorCode refusal(Requests.Kind kind) {
      return stage == ConnectionStage.IN_SESSION && kind.stage() == ConnectionStage.IN_SESSION
          ? ErrorCode.PERMISSION_DENIED
          : ErrorCode.UNEXPECTED_MESSAGE;
    }
  }

  static Stream<Arguments> everyKindFromEverySender() {
    List<Arguments> cases = new ArrayList<>();
    for (Sender sender : Sender.values()) {
      for (Requests.Kind kind : Requests.all()) {
        if (kind.body()
            != BodyCase.PONG) { // never answered: the heartbeat consumes it (ConnectionLimitsTest)
          cases.add(Arguments.of(sender, kind.body()));
        }
      }
    }
    return cases.stream();
  }

  @Test
  void theContractCoversEveryKind() {
    List<BodyCase> declared = new ArrayList<>();
    Requests.all().forEach(k -> declared.add(k.body()));
    assertThat(declared)
        .containsExactlyInAnyOrderElementsOf(
            EnumSet.complementOf(EnumSet.of(BodyCase.BODY_NOT_SET)));
  }

  @ParameterizedTest(name = "{0} sends {1}")
  @MethodSource("everyKindFromEverySender")
  void eachSenderMaySendExactlyWhatTheContractAllows(Sender sender, BodyCase body) {
    Requests.Kind kind = Requests.of(body);
    EmbeddedHarness harness = track(new EmbeddedHarness());
    RequestExamples.Arranged session = RequestExamples.arrange(harness, body);
    EmbeddedHarness.Client client =
        switch (sender) {
          case BEFORE_HELLO -> harness.client();
          case LOBBY -> harness.helloClient();
          case PLAYER -> harness.player(session.joinCode(), "Ani", "ARM");
          case SPECTATOR -> harness.spectator(session.joinCode());
          case GAME_MASTER -> session.gameMaster();
        };
    ServerMessage response = client.request(session.example(body));
    ErrorCode code = response.getError().getCode();
    if (!sender.mayAccordingToTheContract(kind)) {
      assertThat(code).as(response.toString()).isEqualTo(sender.refusal(kind));
    } else {
      assertThat(code).as(response.toString()).isEqualTo(ErrorCode.ERROR_CODE_UNSPECIFIED);
    }
  }

  @Test
  void anArmenianSeatCannotOrderForRussia() {
    EmbeddedHarness harness = track(new EmbeddedHarness());
    EmbeddedHarness.Client gm = harness.gameMaster(3);
    EmbeddedHarness.Client ani = harness.player(gm.joinCode, "Ani", "ARM");
    gm.request(ClientMessage.newBuilder().setStartGame(StartGame.getDefaultInstance()));
    ServerMessage refused =
        ani.request(
            ClientMessage.newBuilder()
                .setEditDraft(
                    EditDraft.newBuilder()
                        .setTurn(1)
                        .setAdd(Order.newBuilder().setActor("RUS").setText("FREEZE CSTO"))));
    assertThat(refused.getError().getCode()).isEqualTo(ErrorCode.PERMISSION_DENIED);
    assertThat(refused.getError().getMessage()).isEqualTo("You play ARM and cannot order for RUS.");
  }

  @Test
  void aPlayerCannotUseGameMasterCommands() {
    EmbeddedHarness harness = track(new EmbeddedHarness());
    EmbeddedHarness.Client gm = harness.gameMaster(3);
    EmbeddedHarness.Client ani = harness.player(gm.joinCode, "Ani", "ARM");
    ServerMessage refused =
        ani.request(ClientMessage.newBuilder().setStartGame(StartGame.getDefaultInstance()));
    assertThat(refused.getError().getMessage()).isEqualTo("A player may not send start_game.");
  }

  @Test
  void anArmenianSeatCannotReadRussiasMessagesOrDraft() {
    EmbeddedHarness harness = track(new EmbeddedHarness());
    EmbeddedHarness.Client gm = harness.gameMaster(3);
    EmbeddedHarness.Client ani = harness.player(gm.joinCode, "Ani", "ARM");
    EmbeddedHarness.Client ivan = harness.player(gm.joinCode, "Ivan", "RUS");
    harness.player(gm.joinCode, "Leyla", "AZE");
    gm.request(ClientMessage.newBuilder().setStartGame(StartGame.getDefaultInstance()));
    ivan.request(
        ClientMessage.newBuilder()
            .setSendMessage(
                SendMessage.newBuilder()
                    .setChannel(Channel.PRIVATE)
                    .setToCountry("AZE")
                    .setText("RUS to AZE")));
    ivan.request(
        ClientMessage.newBuilder()
            .setSendMessage(SendMessage.newBuilder().setChannel(Channel.TEAM).setText("RUS team")));
    ivan.request(
        ClientMessage.newBuilder()
            .setEditDraft(
                EditDraft.newBuilder()
                    .setTurn(1)
                    .setAdd(Order.newBuilder().setText("FREEZE CSTO"))));
    ServerMessage history =
        ani.request(ClientMessage.newBuilder().setGetHistory(GetHistory.getDefaultInstance()));
    assertThat(history.getHistoryPage().getMessagesList()).isEmpty();
    ServerMessage view =
        ani.request(ClientMessage.newBuilder().setGetView(GetView.getDefaultInstance()));
    assertThat(view.getView().getDraftsList())
        .extracting(d -> d.getCountry())
        .containsExactly("ARM");
    ani.poll();
    assertThat(ani.events.toString()).doesNotContain("RUS to AZE", "RUS team", "FREEZE");
  }
}
