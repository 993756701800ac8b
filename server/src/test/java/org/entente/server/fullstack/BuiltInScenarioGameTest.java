package org.entente.server.fullstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.entente.proto.protocol.v1.Channel;
import org.entente.proto.protocol.v1.ClientMessage;
import org.entente.proto.protocol.v1.CreateSession;
import org.entente.proto.protocol.v1.ErrorCode;
import org.entente.proto.protocol.v1.Event;
import org.entente.proto.protocol.v1.ListScenarios;
import org.entente.proto.protocol.v1.ReportLine;
import org.entente.proto.protocol.v1.ScenarioFile;
import org.entente.proto.protocol.v1.ServerMessage;
import org.entente.proto.protocol.v1.Spectate;
import org.entente.proto.protocol.v1.StartGame;
import org.entente.server.EntenteServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The shipped scenario, played over loopback through the server as the CLI starts it. */
class BuiltInScenarioGameTest {
  @RegisterExtension final Loopback net = new Loopback(EntenteServer::builder);

  private static List<ReportLine> lines(Participant p, int turn) throws InterruptedException {
    return p.await(e -> e.hasTurnReport() && e.getTurnReport().getTurn() == turn)
        .getTurnReport()
        .getLinesList();
  }

  @Test
  void twoTurnsOfTheArmeniaScenarioWithPerViewerReports() throws Exception {
    Participant gm = net.connect("Teacher");
    assertThat(
            gm.ok(ClientMessage.newBuilder().setListScenarios(ListScenarios.getDefaultInstance()))
                .getScenarioList()
                .getScenariosList())
        .anySatisfy(s -> assertThat(s.getId()).isEqualTo("armenia-csto-2024"));
    String code =
        gm.ok(
                ClientMessage.newBuilder()
                    .setCreateSession(
                        CreateSession.newBuilder()
                            .setBuiltinScenarioId("armenia-csto-2024")
                            .setTurns(2)))
            .getSessionCreated()
            .getJoinCode();
    Participant arm = net.join(code, "Ani", "ARM");
    Participant rus = net.join(code, "Ivan", "RUS");
    Participant aze = net.join(code, "Leyla", "AZE");
    Participant spectator = net.connect("Visitor");
    spectator.ok(
        ClientMessage.newBuilder()
            .setSpectate(Spectate.newBuilder().setJoinCode(code).setDisplayName("Visitor")));
    gm.ok(ClientMessage.newBuilder().setStartGame(StartGame.getDefaultInstance()));

    arm.ok(WholeGameViewsTest.order(1, "GIVE_NOTICE CSTO"));
    arm.ok(WholeGameViewsTest.say(Channel.PRIVATE, "RUS", "We are leaving."));
    ServerMessage refused = aze.call(WholeGameViewsTest.order(1, "GIVE_NOTICE CSTO"));
    assertThat(refused.getError().getCode())
        .isIn(ErrorCode.ORDER_NOT_ALLOWED, ErrorCode.ORDER_NOT_UNDERSTOOD);
    assertThat(refused.getError().getMessage()).isNotBlank();
    for (int turn = 1; turn <= 2; turn++) {
      for (Participant p : List.of(arm, rus, aze)) {
        p.ok(WholeGameViewsTest.ready(turn));
      }
      List<ReportLine> all = lines(gm, turn);
      assertThat(lines(spectator, turn))
          .allSatisfy(l -> assertThat(l.getVisibility()).isEqualTo("PUBLIC"));
      assertThat(all).containsAll(lines(spectator, turn));
      for (Participant p : List.of(arm, rus, aze)) {
        List<ReportLine> own = lines(p, turn);
        assertThat(all).containsAll(own);
        assertThat(own).noneSatisfy(l -> assertThat(l.getVisibility()).isEqualTo("GAME_MASTER"));
      }
    }
    assertThat(lines(gm, 1)).anySatisfy(l -> assertThat(l.getText()).contains("notice"));
    // The last turn's report ends with the final scores, for every seat alike.
    for (Participant p : List.of(gm, arm, rus, aze, spectator)) {
      assertThat(lines(p, 2))
          .as("the last report")
          .anySatisfy(l -> assertThat(l.getText()).startsWith("The game is over. Final scores:"));
      assertThat(lines(p, 1))
          .as("an earlier report")
          .noneSatisfy(l -> assertThat(l.getText()).contains("Final scores"));
    }
    assertThat(aze.events).noneSatisfy(e -> assertThat(e.toString()).contains("We are leaving."));
    assertThat(spectator.events).extracting(Event::hasDraftUpdated).containsOnly(false);
  }

  @Test
  void aBrokenScenarioFileReturnsEveryProblem() throws Exception {
    Participant gm = net.connect("Teacher");
    ServerMessage refused =
        gm.call(
            ClientMessage.newBuilder()
                .setCreateSession(
                    CreateSession.newBuilder()
                        .setScenarioFile(
                            ScenarioFile.newBuilder()
                                .setFileName("crisis.textproto")
                                .setText("format_version: 7\nbogus: 1\n"))));
    assertThat(refused.getError().getCode()).isEqualTo(ErrorCode.INVALID_SCENARIO);
    assertThat(refused.getError().getProblemsList())
        .isNotEmpty()
        .allSatisfy(p -> assertThat(p).startsWith("crisis.textproto:"));
  }
}
