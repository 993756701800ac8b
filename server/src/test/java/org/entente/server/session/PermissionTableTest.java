package org.entente.server.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.entente.proto.protocol.v1.Announce;
import org.entente.proto.protocol.v1.AssignBot;
import org.entente.proto.protocol.v1.ExportRecord;
import org.entente.proto.protocol.v1.ReleaseBot;
import org.entente.proto.protocol.v1.Channel;
import org.entente.proto.protocol.v1.ClientMessage;
import org.entente.proto.protocol.v1.ClientMessage.BodyCase;
import org.entente.proto.protocol.v1.CreateSession;
import org.entente.proto.protocol.v1.Deadline;
import org.entente.proto.protocol.v1.EditDraft;
import org.entente.proto.protocol.v1.EndGame;
import org.entente.proto.protocol.v1.ErrorCode;
import org.entente.proto.protocol.v1.ExtendDeadline;
import org.entente.proto.protocol.v1.ForceResolution;
import org.entente.proto.protocol.v1.GetHistory;
import org.entente.proto.protocol.v1.GetBriefing;
import org.entente.proto.protocol.v1.GetView;
import org.entente.proto.protocol.v1.Hello;
import org.entente.proto.protocol.v1.InjectEvent;
import org.entente.proto.protocol.v1.JoinSession;
import org.entente.proto.protocol.v1.LeaveSession;
import org.entente.proto.protocol.v1.ListScenarios;
import org.entente.proto.protocol.v1.MoveSeat;
import org.entente.proto.protocol.v1.Order;
import org.entente.proto.protocol.v1.PauseGame;
import org.entente.proto.protocol.v1.ProtocolVersion;
import org.entente.proto.protocol.v1.RemoveSeat;
import org.entente.proto.protocol.v1.Resume;
import org.entente.proto.protocol.v1.ResumeGame;
import org.entente.proto.protocol.v1.SendMessage;
import org.entente.proto.protocol.v1.ServerMessage;
import org.entente.proto.protocol.v1.SetReady;
import org.entente.proto.protocol.v1.Spectate;
import org.entente.proto.protocol.v1.StartGame;
import org.entente.server.testing.EmbeddedHarness;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Every message type, sent by every kind of connection: a connection in the lobby (no
 * seat), a player, a spectator and the game master. The expectations are written out here
 * independently of {@link Permissions}, so a change there must be made on purpose here too.
 * Each case sets the session up so that an allowed sender succeeds (no error at all).
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

  enum Sender { LOBBY, PLAYER, SPECTATOR, GAME_MASTER }

  private static final Set<BodyCase> LOBBY_MESSAGES = EnumSet.of(
      BodyCase.LIST_SCENARIOS, BodyCase.CREATE_SESSION, BodyCase.JOIN_SESSION, BodyCase.SPECTATE, BodyCase.RESUME);
  private static final Set<BodyCase> PLAYER_MESSAGES = EnumSet.of(
      BodyCase.EDIT_DRAFT, BodyCase.SET_READY, BodyCase.SEND_MESSAGE, BodyCase.GET_HISTORY, BodyCase.GET_VIEW,
      BodyCase.GET_BRIEFING, BodyCase.LEAVE_SESSION);
  private static final Set<BodyCase> SPECTATOR_MESSAGES = EnumSet.of(
      BodyCase.GET_HISTORY, BodyCase.GET_VIEW, BodyCase.GET_BRIEFING, BodyCase.LEAVE_SESSION);
  private static final Set<BodyCase> GAME_MASTER_MESSAGES = EnumSet.of(
      BodyCase.GET_HISTORY, BodyCase.GET_VIEW, BodyCase.GET_BRIEFING, BodyCase.LEAVE_SESSION, BodyCase.START_GAME, BodyCase.PAUSE_GAME,
      BodyCase.RESUME_GAME, BodyCase.EXTEND_DEADLINE, BodyCase.FORCE_RESOLUTION, BodyCase.INJECT_EVENT, BodyCase.MOVE_SEAT,
      BodyCase.REMOVE_SEAT, BodyCase.END_GAME, BodyCase.ANNOUNCE, BodyCase.EXPORT_RECORD, BodyCase.ASSIGN_BOT,
      BodyCase.RELEASE_BOT);

  static Stream<Arguments> everyMessageForEverySender() {
    List<Arguments> cases = new ArrayList<>();
    for (Sender sender : Sender.values()) {
      for (BodyCase kind : BodyCase.values()) {
        if (kind != BodyCase.BODY_NOT_SET) {
          cases.add(Arguments.of(sender, kind));
        }
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} sends {1}")
  @MethodSource("everyMessageForEverySender")
  void eachSenderMaySendExactlyItsMessages(Sender sender, BodyCase kind) {
    EmbeddedHarness harness = track(new EmbeddedHarness());
    EmbeddedHarness.Client gm = harness.helloClient();
    ServerMessage created = gm.request(ClientMessage.newBuilder().setCreateSession(CreateSession.newBuilder()
        .setBuiltinScenarioId("test-crisis").setDeadline(Deadline.newBuilder().setSecondsPerTurn(600))));
    gm.joinCode = created.getSessionCreated().getJoinCode();
    EmbeddedHarness.Client other = harness.player(gm.joinCode, "Ivan", "RUS");
    if (kind != BodyCase.START_GAME) {
      gm.request(ClientMessage.newBuilder().setStartGame(StartGame.getDefaultInstance()));
    }
    if (kind == BodyCase.RESUME_GAME) {
      gm.request(ClientMessage.newBuilder().setPauseGame(PauseGame.getDefaultInstance()));
    }
    if (kind == BodyCase.RELEASE_BOT) {
      gm.request(ClientMessage.newBuilder().setAssignBot(AssignBot.newBuilder().setCountry("USA")));
    }
    EmbeddedHarness.Client client;
    switch (sender) {
      case LOBBY:
        client = harness.helloClient();
        break;
      case PLAYER:
        client = harness.player(gm.joinCode, "Ani", "ARM");
        break;
      case SPECTATOR:
        client = harness.spectator(gm.joinCode);
        break;
      default:
        client = gm;
    }
    ServerMessage response = client.request(sample(kind, gm.joinCode, other));
    ErrorCode code = response.getError().getCode();
    if (kind == BodyCase.HELLO) {
      assertThat(code).isEqualTo(ErrorCode.UNEXPECTED_MESSAGE);
      return;
    }
    boolean inSession = sender != Sender.LOBBY;
    Set<BodyCase> allowed = switch0(sender);
    if (!inSession) {
      assertThat(code).as(response.toString()).isEqualTo(
          LOBBY_MESSAGES.contains(kind) ? ErrorCode.ERROR_CODE_UNSPECIFIED : ErrorCode.UNEXPECTED_MESSAGE);
    } else if (LOBBY_MESSAGES.contains(kind)) {
      assertThat(code).as(response.toString()).isEqualTo(ErrorCode.UNEXPECTED_MESSAGE);
    } else if (allowed.contains(kind)) {
      assertThat(code).as(response.toString()).isEqualTo(ErrorCode.ERROR_CODE_UNSPECIFIED);
    } else {
      assertThat(code).as(response.toString()).isEqualTo(ErrorCode.PERMISSION_DENIED);
    }
  }

  private static Set<BodyCase> switch0(Sender sender) {
    switch (sender) {
      case PLAYER:
        return PLAYER_MESSAGES;
      case SPECTATOR:
        return SPECTATOR_MESSAGES;
      case GAME_MASTER:
        return GAME_MASTER_MESSAGES;
      default:
        return LOBBY_MESSAGES;
    }
  }

  /** A well-formed example of each message, valid for an allowed sender. */
  static ClientMessage.Builder sample(BodyCase kind, String joinCode, EmbeddedHarness.Client other) {
    long otherSeat = other.seatId;
    ClientMessage.Builder m = ClientMessage.newBuilder();
    switch (kind) {
      case HELLO:
        return m.setHello(Hello.newBuilder().setProtocolVersion(ProtocolVersion.PROTOCOL_VERSION_1));
      case LIST_SCENARIOS:
        return m.setListScenarios(ListScenarios.getDefaultInstance());
      case CREATE_SESSION:
        return m.setCreateSession(CreateSession.newBuilder().setBuiltinScenarioId("test-crisis"));
      case JOIN_SESSION:
        return m.setJoinSession(JoinSession.newBuilder().setJoinCode(joinCode).setDisplayName("Zara").setCountry("FRA"));
      case SPECTATE:
        return m.setSpectate(Spectate.newBuilder().setJoinCode(joinCode).setDisplayName("Visitor"));
      case RESUME:
        return m.setResume(Resume.newBuilder().setJoinCode(joinCode).setToken(other.token));
      case EDIT_DRAFT:
        return m.setEditDraft(EditDraft.newBuilder().setTurn(1).setAdd(Order.newBuilder().setText("FREEZE CSTO")));
      case SET_READY:
        return m.setSetReady(SetReady.newBuilder().setTurn(1).setReady(true));
      case SEND_MESSAGE:
        return m.setSendMessage(SendMessage.newBuilder().setChannel(Channel.PUBLIC).setText("hello"));
      case GET_HISTORY:
        return m.setGetHistory(GetHistory.getDefaultInstance());
      case GET_VIEW:
        return m.setGetView(GetView.getDefaultInstance());
      case GET_BRIEFING:
        return m.setGetBriefing(GetBriefing.getDefaultInstance());
      case LEAVE_SESSION:
        return m.setLeaveSession(LeaveSession.getDefaultInstance());
      case START_GAME:
        return m.setStartGame(StartGame.getDefaultInstance());
      case PAUSE_GAME:
        return m.setPauseGame(PauseGame.getDefaultInstance());
      case RESUME_GAME:
        return m.setResumeGame(ResumeGame.getDefaultInstance());
      case EXTEND_DEADLINE:
        return m.setExtendDeadline(ExtendDeadline.newBuilder().setSeconds(30));
      case FORCE_RESOLUTION:
        return m.setForceResolution(ForceResolution.newBuilder().setTurn(1));
      case INJECT_EVENT:
        return m.setInjectEvent(InjectEvent.newBuilder().setTitle("News").setText("Something happened."));
      case MOVE_SEAT:
        return m.setMoveSeat(MoveSeat.newBuilder().setSeatId(otherSeat).setCountry("FRA"));
      case REMOVE_SEAT:
        return m.setRemoveSeat(RemoveSeat.newBuilder().setSeatId(otherSeat));
      case END_GAME:
        return m.setEndGame(EndGame.getDefaultInstance());
      case ANNOUNCE:
        return m.setAnnounce(Announce.newBuilder().setText("Hello everyone"));
      case EXPORT_RECORD:
        return m.setExportRecord(ExportRecord.newBuilder().setIncludePrivateMessages(true));
      case ASSIGN_BOT:
        return m.setAssignBot(AssignBot.newBuilder().setCountry("USA"));
      case RELEASE_BOT:
        return m.setReleaseBot(ReleaseBot.newBuilder().setCountry("USA"));
      default:
        throw new AssertionError("add a sample for " + kind);
    }
  }

  @Test
  void anArmenianSeatCannotOrderForRussia() {
    EmbeddedHarness harness = track(new EmbeddedHarness());
    EmbeddedHarness.Client gm = harness.gameMaster(3);
    EmbeddedHarness.Client ani = harness.player(gm.joinCode, "Ani", "ARM");
    gm.request(ClientMessage.newBuilder().setStartGame(StartGame.getDefaultInstance()));
    ServerMessage refused = ani.request(ClientMessage.newBuilder().setEditDraft(EditDraft.newBuilder().setTurn(1)
        .setAdd(Order.newBuilder().setActor("RUS").setText("FREEZE CSTO"))));
    assertThat(refused.getError().getCode()).isEqualTo(ErrorCode.PERMISSION_DENIED);
    assertThat(refused.getError().getMessage()).isEqualTo("You play ARM and cannot order for RUS.");
  }

  @Test
  void aPlayerCannotUseGameMasterCommands() {
    EmbeddedHarness harness = track(new EmbeddedHarness());
    EmbeddedHarness.Client gm = harness.gameMaster(3);
    EmbeddedHarness.Client ani = harness.player(gm.joinCode, "Ani", "ARM");
    ServerMessage refused = ani.request(ClientMessage.newBuilder().setStartGame(StartGame.getDefaultInstance()));
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
    ivan.request(ClientMessage.newBuilder().setSendMessage(SendMessage.newBuilder().setChannel(Channel.PRIVATE).setToCountry("AZE").setText("RUS to AZE")));
    ivan.request(ClientMessage.newBuilder().setSendMessage(SendMessage.newBuilder().setChannel(Channel.TEAM).setText("RUS team")));
    ivan.request(ClientMessage.newBuilder().setEditDraft(EditDraft.newBuilder().setTurn(1).setAdd(Order.newBuilder().setText("FREEZE CSTO"))));
    ServerMessage history = ani.request(ClientMessage.newBuilder().setGetHistory(GetHistory.getDefaultInstance()));
    assertThat(history.getHistoryPage().getMessagesList()).isEmpty();
    ServerMessage view = ani.request(ClientMessage.newBuilder().setGetView(GetView.getDefaultInstance()));
    assertThat(view.getView().getDraftsList()).extracting(d -> d.getCountry()).containsExactly("ARM");
    ani.poll();
    assertThat(ani.events.toString()).doesNotContain("RUS to AZE", "RUS team", "FREEZE");
  }
}
