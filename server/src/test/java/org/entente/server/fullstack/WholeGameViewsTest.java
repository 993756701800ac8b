package org.entente.server.fullstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.entente.proto.protocol.v1.Announce;
import org.entente.proto.protocol.v1.Channel;
import org.entente.proto.protocol.v1.ClientMessage;
import org.entente.proto.protocol.v1.CreateSession;
import org.entente.proto.protocol.v1.Deadline;
import org.entente.proto.protocol.v1.EditDraft;
import org.entente.proto.protocol.v1.Event;
import org.entente.proto.protocol.v1.ForceResolution;
import org.entente.proto.protocol.v1.JoinSession;
import org.entente.proto.protocol.v1.Order;
import org.entente.proto.protocol.v1.ReportLine;
import org.entente.proto.protocol.v1.SendMessage;
import org.entente.proto.protocol.v1.ServerMessage;
import org.entente.proto.protocol.v1.SetReady;
import org.entente.proto.protocol.v1.Spectate;
import org.entente.proto.protocol.v1.StartGame;
import org.entente.proto.protocol.v1.TurnReport;
import org.entente.server.EntenteServer;
import org.entente.server.ServerConfig;
import org.entente.server.testing.FakeRules;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Replays a whole game over real sockets (two Armenian players, one Russian, one Azerbaijani,
 * a spectator and the game master) and checks that each client received exactly the events
 * it may see: the game master's stream is complete, and every other stream equals the game
 * master's filtered by rules written out here, independently of the server's Views.
 */
class WholeGameViewsTest {
  private EntenteServer server;
  private final List<Participant> participants = new ArrayList<>();

  @AfterEach
  void stop() {
    participants.forEach(Participant::close);
    if (server != null) {
      server.close();
    }
  }

  private Participant connect(String name) throws Exception {
    Participant p = new Participant(name, server.port());
    participants.add(p);
    return p;
  }

  private Participant join(String code, String name, String country) throws Exception {
    Participant p = connect(name);
    ServerMessage joined =
        p.ok(
            ClientMessage.newBuilder()
                .setJoinSession(
                    JoinSession.newBuilder()
                        .setJoinCode(code)
                        .setDisplayName(name)
                        .setCountry(country)));
    p.country = country;
    p.token = joined.getJoined().getSeatToken();
    p.seatId = joined.getJoined().getSeatId();
    p.joinedAtSeq = joined.getJoined().getView().getLastSeq();
    return p;
  }

  static ClientMessage.Builder say(Channel channel, String to, String text) {
    return ClientMessage.newBuilder()
        .setSendMessage(
            SendMessage.newBuilder().setChannel(channel).setToCountry(to).setText(text));
  }

  static ClientMessage.Builder order(int turn, String text) {
    return ClientMessage.newBuilder()
        .setEditDraft(
            EditDraft.newBuilder().setTurn(turn).setAdd(Order.newBuilder().setText(text)));
  }

  static ClientMessage.Builder ready(int turn) {
    return ClientMessage.newBuilder()
        .setSetReady(SetReady.newBuilder().setTurn(turn).setReady(true));
  }

  @Test
  void eachClientReceivesExactlyWhatItMaySee() throws Exception {
    server =
        EntenteServer.builder(FakeRules.catalog())
            .config(ServerConfig.defaults().withPort(0).withBindAddress("127.0.0.1"))
            .start();
    Participant gm = connect("Teacher");
    ServerMessage created =
        gm.ok(
            ClientMessage.newBuilder()
                .setCreateSession(
                    CreateSession.newBuilder()
                        .setBuiltinScenarioId("test-crisis")
                        .setTurns(2)
                        .setDeadline(Deadline.newBuilder().setGameMasterAdvanced(true))));
    String code = created.getSessionCreated().getJoinCode();
    Participant ani = join(code, "Ani", "ARM");
    Participant aram = join(code, "Aram", "ARM");
    Participant ivan = join(code, "Ivan", "RUS");
    Participant leyla = join(code, "Leyla", "AZE");
    Participant spectator = connect("Visitor");
    spectator.joinedAtSeq =
        spectator
            .ok(
                ClientMessage.newBuilder()
                    .setSpectate(Spectate.newBuilder().setJoinCode(code).setDisplayName("Visitor")))
            .getJoined()
            .getView()
            .getLastSeq();

    gm.ok(ClientMessage.newBuilder().setStartGame(StartGame.getDefaultInstance()));
    // Turn 1: negotiation on every channel, drafts by two team-mates, a forced resolution.
    ani.ok(say(Channel.PRIVATE, "RUS", "secret ARM-RUS 1"));
    ivan.ok(say(Channel.PRIVATE, "AZE", "secret RUS-AZE 1"));
    aram.ok(say(Channel.TEAM, "", "secret ARM team 1"));
    leyla.ok(say(Channel.TEAM, "", "secret AZE team 1"));
    ivan.ok(say(Channel.PUBLIC, "", "public RUS 1"));
    ani.ok(order(1, "GIVE_NOTICE CSTO"));
    aram.ok(order(1, "WITHHOLD_DUES CSTO"));
    ivan.ok(order(1, "ECONOMIC_PRESSURE ARM"));
    ani.ok(ready(1));
    ivan.ok(ready(1));
    gm.ok(ClientMessage.newBuilder().setForceResolution(ForceResolution.newBuilder().setTurn(1)));
    // Turn 2: resolved because every staffed country is ready.
    leyla.ok(say(Channel.PRIVATE, "ARM", "secret AZE-ARM 2"));
    leyla.ok(order(2, "STATEMENT ARM"));
    ani.ok(order(2, "RESUME CSTO"));
    // Both of Armenia's members: a team is ready when every connected member is.
    for (Participant p : List.of(ani, aram, ivan, leyla)) {
      p.ok(ready(2));
    }
    gm.ok(ClientMessage.newBuilder().setAnnounce(Announce.newBuilder().setText("The end.")));
    for (Participant p : participants) {
      p.await(e -> e.hasMessage() && e.getMessage().getText().equals("The end."));
    }

    List<Event> all = gm.events;
    assertThat(all)
        .extracting(Event::getSeq)
        .as("the game master sees every event after joining")
        .containsExactlyElementsOf(seqRange(all.get(0).getSeq(), all.get(all.size() - 1).getSeq()));
    assertThat(all.stream().filter(Event::hasTurnReport)).hasSize(2);
    for (Participant p : List.of(ani, aram, ivan, leyla)) {
      assertThat(p.events).as(p.name).containsExactlyElementsOf(expectedForPlayer(all, p));
    }
    assertThat(spectator.events)
        .containsExactlyElementsOf(expectedForSpectator(all, spectator.joinedAtSeq));

    String leyasView = leyla.events.toString() + spectator.events;
    assertThat(leyasView)
        .doesNotContain(
            "secret ARM-RUS", "secret ARM team", "GIVE_NOTICE", "WITHHOLD_DUES", "ARM privately");
    assertThat(spectator.events.toString())
        .doesNotContain("secret", "privately", "Seed", "STATEMENT", "ECONOMIC_PRESSURE");
    assertThat(ani.events.toString())
        .doesNotContain("secret RUS-AZE", "secret AZE team", "ECONOMIC_PRESSURE", "RUS privately");
  }

  /**
   * The built-in scenario through the real engine: each country's report carries the changes to
   * its own numbers and its own trust, the offers made to it and the answers it owes, and no
   * other country's. The rules below read the game master's lines and say who else may read
   * each one, from its words alone (docs/rules.md, "What your report shows"), independently of
   * the engine's Visibility and the server's Views.
   */
  @Test
  void eachCountryReadsWhyItsOwnNumbersMovedAndNoOneElses() throws Exception {
    server =
        EntenteServer.builder()
            .config(ServerConfig.defaults().withPort(0).withBindAddress("127.0.0.1"))
            .start();
    Participant gm = connect("Teacher");
    String code =
        gm.ok(
                ClientMessage.newBuilder()
                    .setCreateSession(
                        CreateSession.newBuilder()
                            .setBuiltinScenarioId("armenia-csto-2024")
                            .setTurns(2)
                            .setDeadline(Deadline.newBuilder().setGameMasterAdvanced(true))))
            .getSessionCreated()
            .getJoinCode();
    Participant ani = join(code, "Ani", "ARM");
    Participant ivan = join(code, "Ivan", "RUS");
    Participant leyla = join(code, "Leyla", "AZE");
    Participant spectator = connect("Visitor");
    spectator.ok(
        ClientMessage.newBuilder()
            .setSpectate(Spectate.newBuilder().setJoinCode(code).setDisplayName("Visitor")));
    gm.ok(ClientMessage.newBuilder().setStartGame(StartGame.getDefaultInstance()));
    ivan.ok(order(1, "ECONOMIC_PRESSURE ARM"));
    leyla.ok(order(1, "ESCALATE ARM INCURSION"));
    leyla.ok(order(1, "JOINT_EXERCISE RUS"));
    ani.ok(order(1, "REQUEST_ASSISTANCE CSTO AZE"));
    ani.ok(order(1, "STATEMENT AZE CONDEMN"));
    for (int turn = 1; turn <= 2; turn++) {
      for (Participant p : List.of(ani, ivan, leyla)) {
        p.ok(ready(turn));
      }
      int t = turn;
      for (Participant p : participants) {
        p.await(e -> e.hasTurnReport() && e.getTurnReport().getTurn() == t);
      }
    }
    java.util.Map<String, String> names =
        java.util.Map.of("ARM", "Armenia", "RUS", "Russia", "AZE", "Azerbaijan");
    for (int turn = 1; turn <= 2; turn++) {
      List<ReportLine> all = reportLines(gm, turn);
      for (Participant p : List.of(ani, ivan, leyla)) {
        String name = names.get(p.country);
        assertThat(reportLines(p, turn))
            .as(p.country + " T" + turn)
            .containsExactlyElementsOf(all.stream().filter(l -> forCountry(l, name)).toList());
      }
      assertThat(reportLines(spectator, turn))
          .as("spectator T" + turn)
          .containsExactlyElementsOf(
              all.stream().filter(l -> l.getVisibility().equals("PUBLIC")).toList());
    }
    String armenia = texts(ani, 1);
    String russia = texts(ivan, 1);
    assertThat(armenia)
        .contains(
            "Armenia's domestic support (DOM)",
            "Russia's economic pressure",
            "Armenia's trust toward Russia",
            "Armenia's security (SEC)",
            "Armenia has a grievance");
    assertThat(russia)
        .contains(
            "Russia's standing (STD)",
            "Azerbaijan offered Russia a joint exercise; to accept, order `JOINT_EXERCISE AZE`",
            "Russia must answer Armenia's request for assistance in the CSTO by the end of T2");
    assertThat(russia)
        .doesNotContain(
            "Armenia's domestic support (DOM)",
            "Armenia's trust toward Russia:",
            "Armenia has a grievance");
    assertThat(armenia)
        .doesNotContain("Russia's standing (STD)", "to accept, order", "Russia must answer");
    assertThat(texts(spectator, 1))
        .doesNotContain(
            "domestic support (DOM)", "trust toward Russia:", "to accept", "must answer Armenia");
  }

  private static String texts(Participant p, int turn) {
    return String.join("\n", reportLines(p, turn).stream().map(ReportLine::getText).toList());
  }

  private static List<ReportLine> reportLines(Participant p, int turn) {
    return p.events.stream()
        .filter(e -> e.hasTurnReport() && e.getTurnReport().getTurn() == turn)
        .findFirst()
        .orElseThrow()
        .getTurnReport()
        .getLinesList();
  }

  /**
   * Whether the country called {@code name} may read a line the game master read: public lines;
   * an offer made to it ("X offered NAME ...; to accept"); and a private line about it, which
   * starts with its name ("Russia must answer", "Armenia's trust toward", "Void: Armenia's ...").
   */
  private static boolean forCountry(ReportLine line, String name) {
    if (line.getVisibility().equals("PUBLIC")) {
      return true;
    }
    if (!line.getVisibility().equals("PRIVATE")) {
      return false;
    }
    String text = line.getText();
    if (text.contains("; to accept, order")) {
      return text.contains(" offered " + name + " ");
    }
    String subject = text.startsWith("Void: ") ? text.substring("Void: ".length()) : text;
    return subject.startsWith(name + " ") || subject.startsWith(name + "'s ");
  }

  private static List<Long> seqRange(long from, long to) {
    List<Long> seqs = new ArrayList<>();
    for (long s = from; s <= to; s++) {
      seqs.add(s);
    }
    return seqs;
  }

  /** What a player of {@code p.country} may see, written independently of the server's Views. */
  private static List<Event> expectedForPlayer(List<Event> all, Participant p) {
    List<Event> expected = new ArrayList<>();
    for (Event e : all) {
      if (e.getSeq() <= p.joinedAtSeq) {
        continue;
      }
      if (e.hasDraftUpdated() && !e.getDraftUpdated().getDraft().getCountry().equals(p.country)) {
        continue;
      }
      if (e.hasSeatStatus() && !e.getSeatStatus().getCountry().equals(p.country)) {
        continue;
      }
      if (e.hasMessage()) {
        var m = e.getMessage();
        boolean mine =
            m.getChannel() == Channel.PUBLIC
                || m.getChannel() == Channel.ANNOUNCEMENT
                || (m.getChannel() == Channel.TEAM && m.getToCountry().equals(p.country))
                || (m.getChannel() == Channel.PRIVATE
                    && (m.getFromCountry().equals(p.country)
                        || m.getToCountry().equals(p.country)));
        if (!mine) {
          continue;
        }
      }
      if (e.hasTurnReport()) {
        e =
            withLines(
                e,
                line ->
                    line.getVisibility().equals("PUBLIC")
                        || (line.getVisibility().equals("PRIVATE")
                            && line.getText().startsWith(p.country + " ")));
      }
      expected.add(e);
    }
    return expected;
  }

  private static List<Event> expectedForSpectator(List<Event> all, long joinedAtSeq) {
    List<Event> expected = new ArrayList<>();
    for (Event e : all) {
      if (e.getSeq() <= joinedAtSeq || e.hasDraftUpdated() || e.hasSeatStatus()) {
        continue;
      }
      if (e.hasMessage()
          && e.getMessage().getChannel() != Channel.PUBLIC
          && e.getMessage().getChannel() != Channel.ANNOUNCEMENT) {
        continue;
      }
      if (e.hasTurnReport()) {
        e = withLines(e, line -> line.getVisibility().equals("PUBLIC"));
      }
      expected.add(e);
    }
    return expected;
  }

  private static Event withLines(Event e, java.util.function.Predicate<ReportLine> keep) {
    TurnReport.Builder report = e.getTurnReport().toBuilder().clearLines();
    e.getTurnReport().getLinesList().stream().filter(keep).forEach(report::addLines);
    return e.toBuilder().setTurnReport(report).build();
  }
}
