package org.entente.server.testing;

import org.entente.proto.protocol.v1.Announce;
import org.entente.proto.protocol.v1.AssignBot;
import org.entente.proto.protocol.v1.Channel;
import org.entente.proto.protocol.v1.ClientMessage;
import org.entente.proto.protocol.v1.ClientMessage.BodyCase;
import org.entente.proto.protocol.v1.CreateSession;
import org.entente.proto.protocol.v1.Deadline;
import org.entente.proto.protocol.v1.EditDraft;
import org.entente.proto.protocol.v1.EndGame;
import org.entente.proto.protocol.v1.ExportRecord;
import org.entente.proto.protocol.v1.ExtendDeadline;
import org.entente.proto.protocol.v1.ForceResolution;
import org.entente.proto.protocol.v1.GetBriefing;
import org.entente.proto.protocol.v1.GetHistory;
import org.entente.proto.protocol.v1.GetSessionInfo;
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
import org.entente.proto.protocol.v1.ReleaseBot;
import org.entente.proto.protocol.v1.RemoveSeat;
import org.entente.proto.protocol.v1.Resume;
import org.entente.proto.protocol.v1.ResumeGame;
import org.entente.proto.protocol.v1.SendMessage;
import org.entente.proto.protocol.v1.ServerMessage;
import org.entente.proto.protocol.v1.SetReady;
import org.entente.proto.protocol.v1.Spectate;
import org.entente.proto.protocol.v1.StartGame;

/**
 * A well-formed example of every request kind, valid for a sender the contract allows, and
 * the session each one needs: a switch with no default, so a request kind added to the
 * protocol does not compile here (and no test runs) until it has an example.
 */
public final class RequestExamples {
  private RequestExamples() {}

  /**
   * A session of the test scenario with a deadline (600 s a turn) and a player, Ivan of
   * RUS, whom examples may name; set up so that {@code kind}'s example succeeds: running
   * unless it starts the game, paused to be resumed, a bot on USA to be released.
   */
  public record Arranged(EmbeddedHarness.Client gameMaster, EmbeddedHarness.Client other) {
    public String joinCode() {
      return gameMaster.joinCode;
    }

    /** The example of {@code kind} in this session. */
    public ClientMessage.Builder example(BodyCase kind) {
      return RequestExamples.example(kind, gameMaster.joinCode, other);
    }
  }

  public static Arranged arrange(EmbeddedHarness harness, BodyCase kind) {
    EmbeddedHarness.Client gm = harness.helloClient();
    ServerMessage created =
        gm.request(
            ClientMessage.newBuilder()
                .setCreateSession(
                    CreateSession.newBuilder()
                        .setBuiltinScenarioId("test-crisis")
                        .setDeadline(Deadline.newBuilder().setSecondsPerTurn(600))));
    gm.joinCode = created.getSessionCreated().getJoinCode();
    gm.token = created.getSessionCreated().getGameMasterToken();
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
    return new Arranged(gm, other);
  }

  /** The example of {@code kind}, naming the session {@code joinCode} and its player {@code other}. */
  public static ClientMessage.Builder example(
      BodyCase kind, String joinCode, EmbeddedHarness.Client other) {
    ClientMessage.Builder m = ClientMessage.newBuilder();
    return switch (kind) {
      case HELLO ->
          m.setHello(Hello.newBuilder().setProtocolVersion(ProtocolVersion.PROTOCOL_VERSION_1));
      case LIST_SCENARIOS -> m.setListScenarios(ListScenarios.getDefaultInstance());
      case GET_SESSION_INFO ->
          m.setGetSessionInfo(GetSessionInfo.newBuilder().setJoinCode(joinCode));
      case CREATE_SESSION ->
          m.setCreateSession(CreateSession.newBuilder().setBuiltinScenarioId("test-crisis"));
      case JOIN_SESSION ->
          m.setJoinSession(
              JoinSession.newBuilder()
                  .setJoinCode(joinCode)
                  .setDisplayName("Zara")
                  .setCountry("FRA"));
      case SPECTATE ->
          m.setSpectate(Spectate.newBuilder().setJoinCode(joinCode).setDisplayName("Visitor"));
      case RESUME -> m.setResume(Resume.newBuilder().setJoinCode(joinCode).setToken(other.token));
      case EDIT_DRAFT ->
          m.setEditDraft(
              EditDraft.newBuilder().setTurn(1).setAdd(Order.newBuilder().setText("FREEZE CSTO")));
      case SET_READY -> m.setSetReady(SetReady.newBuilder().setTurn(1).setReady(true));
      case SEND_MESSAGE ->
          m.setSendMessage(SendMessage.newBuilder().setChannel(Channel.PUBLIC).setText("hello"));
      case GET_HISTORY -> m.setGetHistory(GetHistory.getDefaultInstance());
      case GET_VIEW -> m.setGetView(GetView.getDefaultInstance());
      case GET_BRIEFING -> m.setGetBriefing(GetBriefing.getDefaultInstance());
      case LEAVE_SESSION -> m.setLeaveSession(LeaveSession.getDefaultInstance());
      case START_GAME -> m.setStartGame(StartGame.getDefaultInstance());
      case PAUSE_GAME -> m.setPauseGame(PauseGame.getDefaultInstance());
      case RESUME_GAME -> m.setResumeGame(ResumeGame.getDefaultInstance());
      case EXTEND_DEADLINE -> m.setExtendDeadline(ExtendDeadline.newBuilder().setSeconds(30));
      case FORCE_RESOLUTION -> m.setForceResolution(ForceResolution.newBuilder().setTurn(1));
      case INJECT_EVENT ->
          m.setInjectEvent(
              InjectEvent.newBuilder().setTitle("News").setText("Something happened."));
      case MOVE_SEAT ->
          m.setMoveSeat(MoveSeat.newBuilder().setSeatId(other.seatId).setCountry("FRA"));
      case REMOVE_SEAT -> m.setRemoveSeat(RemoveSeat.newBuilder().setSeatId(other.seatId));
      case END_GAME -> m.setEndGame(EndGame.getDefaultInstance());
      case ANNOUNCE -> m.setAnnounce(Announce.newBuilder().setText("Hello everyone"));
      case EXPORT_RECORD ->
          m.setExportRecord(ExportRecord.newBuilder().setIncludePrivateMessages(true));
      case ASSIGN_BOT -> m.setAssignBot(AssignBot.newBuilder().setCountry("USA"));
      case RELEASE_BOT -> m.setReleaseBot(ReleaseBot.newBuilder().setCountry("USA"));
      case MUTE_SEAT ->
          m.setMuteSeat(
              org.entente.proto.protocol.v1.MuteSeat.newBuilder()
                  .setSeatId(other.seatId)
                  .setMuted(true));
      case PONG -> m.setPong(org.entente.proto.protocol.v1.Pong.newBuilder().setNonce(1));
      case BODY_NOT_SET ->
          throw new IllegalArgumentException("a message with no body has no example");
    };
  }
}
