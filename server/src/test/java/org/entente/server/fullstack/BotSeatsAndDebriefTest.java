package org.entente.server.fullstack;

import static org.assertj.core.api.Assertions.assertThat;

import org.entente.proto.protocol.v1.AssignBot;
import org.entente.proto.protocol.v1.Channel;
import org.entente.proto.protocol.v1.ClientMessage;
import org.entente.proto.protocol.v1.CreateSession;
import org.entente.proto.protocol.v1.DebriefFormat;
import org.entente.proto.protocol.v1.ErrorCode;
import org.entente.proto.protocol.v1.Event;
import org.entente.proto.protocol.v1.ExportRecord;
import org.entente.proto.protocol.v1.GetView;
import org.entente.proto.protocol.v1.RecordExport;
import org.entente.proto.protocol.v1.ReleaseBot;
import org.entente.proto.protocol.v1.ServerMessage;
import org.entente.proto.protocol.v1.StartGame;
import org.entente.server.EntenteServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Bot seats assigned by the game master, and the debrief export, on the shipped scenario. */
class BotSeatsAndDebriefTest {
  @RegisterExtension final Loopback net = new Loopback(EntenteServer::builder);

  static ClientMessage.Builder assign(String country) {
    return ClientMessage.newBuilder().setAssignBot(AssignBot.newBuilder().setCountry(country));
  }

  /** Fetches a whole rendering chunk by chunk, as docs/protocol.md tells a client to. */
  static String export(Participant gm, DebriefFormat format, boolean includePrivate)
      throws Exception {
    StringBuilder text = new StringBuilder();
    int total;
    int chunks = 0;
    do {
      RecordExport chunk =
          gm.ok(
                  ClientMessage.newBuilder()
                      .setExportRecord(
                          ExportRecord.newBuilder()
                              .setFormat(format)
                              .setIncludePrivateMessages(includePrivate)
                              .setOffset(text.length())))
              .getRecordExport();
      text.append(chunk.getText());
      total = chunk.getTotalChars();
      chunks++;
    } while (text.length() < total);
    assertThat(chunks).isLessThanOrEqualTo(total / 16_000 + 2);
    return text.toString();
  }

  @Test
  void botsPlayUnstaffedCountriesUntilAStudentArrivesAndTheDebriefShowsEachTurn() throws Exception {
    Participant gm = net.connect("Teacher");
    String code =
        gm.ok(
                ClientMessage.newBuilder()
                    .setCreateSession(
                        CreateSession.newBuilder()
                            .setBuiltinScenarioId("armenia-csto-2024")
                            .setTurns(3)))
            .getSessionCreated()
            .getJoinCode();
    Participant arm = net.join(code, "Ani", "ARM");

    ServerMessage refused = arm.call(assign("RUS"));
    assertThat(refused.getError().getCode()).isEqualTo(ErrorCode.PERMISSION_DENIED);
    assertThat(gm.call(assign("ARM")).getError().getCode()).isEqualTo(ErrorCode.INVALID_REQUEST);
    assertThat(gm.call(assign("KAZ")).getError().getCode()).isEqualTo(ErrorCode.NOT_FOUND);
    gm.ok(assign("rus"));
    gm.ok(assign("AZE"));
    arm.await(
        e ->
            e.hasBotChanged()
                && e.getBotChanged().getCountry().equals("AZE")
                && e.getBotChanged().getBot());
    assertThat(
            gm.ok(ClientMessage.newBuilder().setGetView(GetView.getDefaultInstance()))
                .getView()
                .getCountriesList())
        .filteredOn(c -> c.getBot())
        .extracting(c -> c.getId())
        .containsExactly("RUS", "AZE");

    gm.ok(ClientMessage.newBuilder().setStartGame(StartGame.getDefaultInstance()));
    arm.ok(WholeGameViewsTest.say(Channel.PUBLIC, "", "<script>alert(1)</script> we stay friends"));
    arm.ok(WholeGameViewsTest.say(Channel.PRIVATE, "RUS", "a private word"));
    arm.ok(WholeGameViewsTest.order(1, "STATEMENT RUS REASSURE"));
    arm.ok(WholeGameViewsTest.ready(1));
    // Only Armenia has a student: its readiness resolves the turn; the bots counted as ready.
    arm.await(e -> e.hasTurnReport() && e.getTurnReport().getTurn() == 1);
    Event botDraft =
        gm.await(
            e ->
                e.hasDraftUpdated()
                    && e.getDraftUpdated().getDraft().getCountry().equals("RUS")
                    && e.getDraftUpdated().getDraft().getOrdersCount() > 0);
    assertThat(botDraft.getDraftUpdated().getDraft().getOrdersList())
        .allSatisfy(o -> assertThat(o.getAuthor()).isEqualTo("bot"));
    assertThat(arm.events)
        .noneMatch(
            e -> e.hasDraftUpdated() && e.getDraftUpdated().getDraft().getCountry().equals("RUS"));

    Participant leyla = net.join(code, "Leyla", "AZE");
    arm.await(
        e ->
            e.hasBotChanged()
                && e.getBotChanged().getCountry().equals("AZE")
                && !e.getBotChanged().getBot()
                && e.getBotChanged().getReason().equals("a student joined"));
    gm.ok(ClientMessage.newBuilder().setReleaseBot(ReleaseBot.newBuilder().setCountry("RUS")));
    assertThat(
            gm.call(
                    ClientMessage.newBuilder()
                        .setReleaseBot(ReleaseBot.newBuilder().setCountry("RUS")))
                .getError()
                .getCode())
        .isEqualTo(ErrorCode.NOT_FOUND);
    arm.ok(WholeGameViewsTest.ready(2));
    leyla.ok(WholeGameViewsTest.ready(2));
    arm.await(e -> e.hasTurnReport() && e.getTurnReport().getTurn() == 2);

    assertThat(
            arm.call(ClientMessage.newBuilder().setExportRecord(ExportRecord.getDefaultInstance()))
                .getError()
                .getCode())
        .isEqualTo(ErrorCode.PERMISSION_DENIED);
    String html = export(gm, DebriefFormat.DEBRIEF_FORMAT_HTML, false);
    assertThat(html)
        .startsWith("<!DOCTYPE html>")
        .endsWith("</html>\n")
        .contains("id=\"t1\"", "id=\"t2\"", "<svg")
        .contains("&lt;script&gt;alert(1)&lt;/script&gt; we stay friends")
        .doesNotContain("<script", "a private word")
        .contains("Game in progress (2 of 3 turns)");
    assertThat(html.length()).isGreaterThan(16_384);
    assertThat(export(gm, DebriefFormat.DEBRIEF_FORMAT_HTML, true)).contains("a private word");
    assertThat(export(gm, DebriefFormat.DEBRIEF_FORMAT_MARKDOWN, false))
        .startsWith("# Debrief: ")
        .contains("### T2 (");
    assertThat(html)
        .contains("<h2 id=\"roster\">Who played</h2>")
        .contains("<td>Ani</td><td>Armenia (ARM)</td><td>student</td>");
    // Counts only: Ani's two messages (4 and 3 words), her one order; Russia's bot in T1.
    String students = export(gm, DebriefFormat.DEBRIEF_FORMAT_STUDENTS_CSV, false);
    assertThat(students)
        .startsWith("\uFEFFseat,name,country,role,")
        .contains("\r\n2,Ani,ARM,player,1,0,1,0,7,1,1,1,1\r\n")
        .contains("\r\n1,Game master,,game master,")
        .containsPattern("\r\nbot RUS,,RUS,bot,0,0,0,0,0,[1-9]")
        .doesNotContain("a private word")
        .doesNotContain("script");
    assertThat(export(gm, DebriefFormat.DEBRIEF_FORMAT_QUANTITIES_CSV, false))
        .startsWith("\uFEFFturn,date,country,playable,sec,dom,std,")
        .contains("\r\n2,")
        .contains(",ARM,yes,");
  }

  @Test
  void aStudentKickedAfterAuthoringOrdersStaysInTheRosterAndStudentsCsv() throws Exception {
    Participant gm = net.connect("Teacher");
    String code =
        gm.ok(
                ClientMessage.newBuilder()
                    .setCreateSession(
                        CreateSession.newBuilder()
                            .setBuiltinScenarioId("armenia-csto-2024")
                            .setTurns(3)))
            .getSessionCreated()
            .getJoinCode();
    Participant ani = net.join(code, "Ani", "ARM");
    Participant aram = net.join(code, "Aram", "ARM");
    gm.ok(ClientMessage.newBuilder().setStartGame(StartGame.getDefaultInstance()));
    aram.ok(WholeGameViewsTest.say(Channel.PUBLIC, "", "Armenia keeps its word"));
    aram.ok(WholeGameViewsTest.order(1, "STATEMENT RUS REASSURE"));
    aram.ok(WholeGameViewsTest.ready(1));
    ani.ok(WholeGameViewsTest.ready(1));
    ani.await(e -> e.hasTurnReport() && e.getTurnReport().getTurn() == 1);
    aram.ok(WholeGameViewsTest.order(2, "JOINT_EXERCISE USA"));
    gm.ok(
        ClientMessage.newBuilder()
            .setRemoveSeat(
                org.entente.proto.protocol.v1.RemoveSeat.newBuilder().setSeatId(aram.seatId)));
    ani.await(e -> e.hasSeatRemoved() && e.getSeatRemoved().getSeatId() == aram.seatId);

    // Aram holds no seat now, but authored two orders (one sealed in T1) and wrote 4 words.
    String students = export(gm, DebriefFormat.DEBRIEF_FORMAT_STUDENTS_CSV, false);
    assertThat(students)
        .contains("\r\nleft,Aram,ARM,player,1,0,0,0,4,2,1,1,2\r\n")
        .contains("\r\n" + ani.seatId + ",Ani,ARM,player,0,0,0,0,0,0,0,,\r\n");
    assertThat(export(gm, DebriefFormat.DEBRIEF_FORMAT_HTML, false))
        .contains(
            "<tr><td>left</td><td>Aram</td><td>Armenia (ARM)</td><td>student (left during the"
                + " game)</td></tr>");
    assertThat(export(gm, DebriefFormat.DEBRIEF_FORMAT_MARKDOWN, false))
        .contains("| left | Aram | Armenia (ARM) | student (left during the game) |");
  }

  @Test
  void aBotAnswersAStudentsOfferAndGivesTheMatchingOrder() throws Exception {
    Participant gm = net.connect("Teacher");
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
    gm.ok(assign("FRA"));
    gm.ok(ClientMessage.newBuilder().setStartGame(StartGame.getDefaultInstance()));
    arm.ok(WholeGameViewsTest.order(1, "ARMS_DEAL BUY FRA MEDIUM"));
    arm.ok(WholeGameViewsTest.order(1, "JOINT_EXERCISE RUS"));
    arm.ok(WholeGameViewsTest.ready(1));

    Event report = arm.await(e -> e.hasTurnReport() && e.getTurnReport().getTurn() == 1);
    // France's doctrine sells to Armenia: its bot answered in private and gave the matching order.
    Event answer = arm.await(e -> e.hasMessage() && e.getMessage().getFromCountry().equals("FRA"));
    assertThat(answer.getMessage().getFromName()).isEqualTo("France (bot)");
    assertThat(answer.getMessage().getText())
        .isEqualTo("accepts ARMS_DEAL BUY FRA MEDIUM: France stands by Armenia");
    assertThat(report.getTurnReport().getLinesList())
        .anySatisfy(
            l ->
                assertThat(l.getText())
                    .contains("France agreed to sell Armenia a medium arms package"));
    // Russia has no bot: nobody answers that offer, and it finds no match.
    assertThat(arm.events)
        .noneMatch(e -> e.hasMessage() && e.getMessage().getFromCountry().equals("RUS"));
  }
}
