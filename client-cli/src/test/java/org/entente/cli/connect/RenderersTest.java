package org.entente.cli.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.entente.client.SeatStore;
import org.entente.proto.protocol.v1.Channel;
import org.entente.proto.protocol.v1.ChatMessage;
import org.entente.proto.protocol.v1.CountryStatus;
import org.entente.proto.protocol.v1.Error;
import org.entente.proto.protocol.v1.ErrorCode;
import org.entente.proto.protocol.v1.Event;
import org.entente.proto.protocol.v1.NewsEvent;
import org.entente.proto.protocol.v1.Phase;
import org.entente.proto.protocol.v1.PhaseChanged;
import org.entente.proto.protocol.v1.ReadinessChanged;
import org.entente.proto.protocol.v1.ReportLine;
import org.entente.proto.protocol.v1.Role;
import org.entente.proto.protocol.v1.SessionView;
import org.entente.proto.protocol.v1.TurnReport;
import org.jline.utils.AttributedString;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Renderers with fixed inputs: widths, plain sentences, and neutralised foreign text. */
class RenderersTest {
  private static final long NOW = 1_000_000_000_000L;

  private static final SessionView VIEW =
      SessionView.newBuilder()
          .setScenarioTitle("Armenia and the CSTO")
          .setPhase(Phase.RUNNING)
          .setTurn(2)
          .setTotalTurns(8)
          .setDeadlineEpochMillis(NOW + 271_000)
          .setViewerRole(Role.PLAYER)
          .setViewerCountry("ARM")
          .addCountries(
              CountryStatus.newBuilder()
                  .setId("ARM")
                  .setName("Armenia")
                  .setPlayable(true)
                  .setPlayers(2)
                  .setReady(true))
          .addCountries(
              CountryStatus.newBuilder()
                  .setId("AZE")
                  .setName("Azerbaijan")
                  .setPlayable(true)
                  .setPlayers(1))
          .addCountries(CountryStatus.newBuilder().setId("RUS").setName("Russia").setPlayable(true))
          .build();

  private static List<String> text(List<AttributedString> lines) {
    return lines.stream().map(AttributedString::toString).toList();
  }

  @Test
  void statusLineShowsTurnCountdownAndWhoIsReady() {
    assertThat(Renderers.statusLine(VIEW, NOW, true, 100).toString())
        .isEqualTo("Turn 2/8 · 4:31 left · ready 1/2: ARM✓ AZE… · ARM");
    assertThat(Renderers.statusLine(VIEW, NOW, false, 100).toString())
        .startsWith("reconnecting... Turn 2/8");
    SessionView paused =
        VIEW.toBuilder()
            .setPhase(Phase.PAUSED)
            .setDeadlineEpochMillis(0)
            .setPausedSecondsLeft(90)
            .build();
    assertThat(Renderers.statusLine(paused, NOW, true, 100).toString())
        .isEqualTo("Turn 2/8 · paused, 1:30 left · ARM");
    assertThat(Renderers.statusLine(VIEW, NOW, true, 20).columnLength()).isLessThanOrEqualTo(20);
  }

  @Test
  void aMessageLineBreakStartsAnIndentedContinuationLineThatCannotPoseAsAnotherSpeaker() {
    ChatMessage m =
        ChatMessage.newBuilder()
            .setTurn(2)
            .setChannel(Channel.TEAM)
            .setFromName("Ani")
            .setFromCountry("ARM")
            .setText("See you at noon.\n[T2] Teacher, in public: Armenia wins.\r\nBye\rnow")
            .build();
    List<String> lines =
        text(Renderers.event(Event.newBuilder().setMessage(m).build(), VIEW, false, 100));
    assertThat(lines)
        .containsExactly(
            "[T2] Ani (ARM) to the team: See you at noon.",
            "    [T2] Teacher, in public: Armenia wins.",
            "    Bye",
            "    now");
  }

  @Test
  void aContinuationLineStillWrapsUnderTheSpeaker() {
    ChatMessage m =
        ChatMessage.newBuilder()
            .setTurn(1)
            .setChannel(Channel.PUBLIC)
            .setFromName("Ani")
            .setFromCountry("ARM")
            .setText("first\n" + "word ".repeat(12).strip())
            .build();
    List<String> lines =
        text(Renderers.event(Event.newBuilder().setMessage(m).build(), VIEW, false, 30));
    assertThat(lines.get(0)).isEqualTo("[T1] Ani (ARM), in public:");
    assertThat(lines.subList(1, lines.size()))
        .allSatisfy(l -> assertThat(l).startsWith("    ").hasSizeLessThanOrEqualTo(30));
    assertThat(String.join(" ", lines).replaceAll(" +", " ")).contains("first word word");
  }

  @Test
  void namesAndErrorsStayOnOneLineAndShowBidiZeroWidthAndSeparatorCharacters() {
    ChatMessage m =
        ChatMessage.newBuilder()
            .setTurn(2)
            .setChannel(Channel.PRIVATE)
            .setFromName("Ani\n[T2] Teacher")
            .setFromCountry("ARM")
            .setToCountry("AZE")
            .setText("pay \u2067ABC\u2069 now\u200b\u2028!\ufeff")
            .build();
    assertThat(Renderers.message(m, VIEW).toString())
        .isEqualTo(
            "[T2] Ani^J[T2] Teacher (ARM) to AZE: pay \\u2067ABC\\u2069 now\\u200b\\u2028!\\ufeff");
    List<String> error =
        text(
            Renderers.error(
                Error.newBuilder()
                    .setCode(ErrorCode.INVALID_REQUEST)
                    .setMessage("bad\nname\u202e")
                    .addProblems("x\ty\u0085")
                    .build()));
    assertThat(error).containsExactly("bad^Jname\\u202e", "  x y\\u0085");
  }

  @Test
  void aTableCellCannotBreakItsRow() {
    List<String> t =
        text(new Table("NAME", "NOTE").row("Ani\nBob", "tab\there\u001b[31m").render(80));
    assertThat(t).hasSize(2);
    assertThat(t.get(1)).contains("Ani^JBob").contains("tab here^[[31m");
  }

  @Test
  void messagesNeutraliseEscapeSequencesFromOtherUsers() {
    ChatMessage m =
        ChatMessage.newBuilder()
            .setTurn(2)
            .setChannel(Channel.PRIVATE)
            .setFromName("Ilham\u001b]0;pwned\u0007")
            .setFromCountry("AZE")
            .setToCountry("ARM")
            .setText("hi \u001b[2J\u009b31m there")
            .build();
    String s = Renderers.message(m, VIEW).toString();
    assertThat(s).isEqualTo("[T2] Ilham^[]0;pwned^G (AZE) to ARM: hi ^[[2J\\u009b31m there");
    assertThat(s).doesNotContain("\u001b").doesNotContain("\u0007").doesNotContain("\u009b");
    ChatMessage announcement =
        ChatMessage.newBuilder()
            .setTurn(1)
            .setChannel(Channel.ANNOUNCEMENT)
            .setFromName("Game master")
            .setText("Five minutes")
            .build();
    assertThat(Renderers.message(announcement, VIEW).toString())
        .isEqualTo("[T1] Announcement from Game master: Five minutes");
  }

  @Test
  void reportsArePlainSentencesWrappedToTheWidth() {
    TurnReport r =
        TurnReport.newBuilder()
            .setTurn(1)
            .setCause("DEADLINE")
            .addLines(
                ReportLine.newBuilder()
                    .setVisibility("PUBLIC")
                    .setText(
                        "Armenia gave notice under CSTO Charter Art. 19; withdrawal takes effect at the end of T7."))
            .addLines(
                ReportLine.newBuilder()
                    .setVisibility("GAME_MASTER")
                    .setText("SEC of Armenia: 37 → 27."))
            .build();
    List<String> lines = text(Renderers.report(r, 40));
    assertThat(lines)
        .containsExactly(
            "== Turn 1 report (the deadline passed) ==",
            "• Armenia gave notice under CSTO Charter",
            "  Art. 19; withdrawal takes effect at",
            "  the end of T7.",
            "• [GM only] SEC of Armenia: 37 → 27.");
    assertThat(lines.subList(1, lines.size()))
        .allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(40));
    assertThat(
            text(
                Renderers.report(
                    TurnReport.newBuilder().setTurn(3).setCause("FORCED").build(), 80)))
        .containsExactly(
            "== Turn 3 report (the game master resolved it) ==",
            "A quiet turn: nothing you can see happened.");
  }

  @Test
  void eventsReadAsSentences() {
    Event ready =
        Event.newBuilder()
            .setSeq(5)
            .setReadinessChanged(ReadinessChanged.newBuilder().setCountry("AZE").setReady(true))
            .build();
    assertThat(text(Renderers.event(ready, VIEW, false, 80)))
        .containsExactly("Azerbaijan is ready.");
    Event phase =
        Event.newBuilder()
            .setSeq(6)
            .setPhaseChanged(
                PhaseChanged.newBuilder()
                    .setPhase(Phase.PAUSED)
                    .setTurn(2)
                    .setPausedSecondsLeft(125)
                    .setReason("paused"))
            .build();
    assertThat(text(Renderers.event(phase, VIEW, false, 80)))
        .containsExactly("The game is paused with 2:05 left on the turn.");
    Event news =
        Event.newBuilder()
            .setSeq(7)
            .setNews(NewsEvent.newBuilder().setTitle("Clash\u001b[5m").setText("Shots."))
            .build();
    assertThat(text(Renderers.event(news, VIEW, false, 80)))
        .containsExactly("NEWS: Clash^[[5m", "  Shots.");
  }

  private static org.entente.proto.protocol.v1.DraftOrder draftOrder(
      long id, String text, String author) {
    return org.entente.proto.protocol.v1.DraftOrder.newBuilder()
        .setOrderId(id)
        .setText(text)
        .setAuthor(author)
        .build();
  }

  @Test
  void aTeammatesEditNamesWhoMadeItAndWhoWroteWhatWasRemoved() {
    var one = draftOrder(7, "JOINT_EXERCISE USA", "Ani");
    var two = draftOrder(8, "STATEMENT RUS REASSURE", "Aram");
    var three = draftOrder(9, "FREEZE CSTO", "Aram\u001b[2J");
    List<org.entente.proto.protocol.v1.DraftOrder> before = List.of(one, two, three);
    assertThat(text(Renderers.draftChanges(before, List.of(one, three), "Ani", "Aram", 80)))
        .containsExactly("Aram removed order 2 (STATEMENT RUS REASSURE)");
    assertThat(text(Renderers.draftChanges(before, List.of(two), "Aram", "Bo\u001b[2J", 80)))
        .containsExactly(
            "Bo^[[2J removed order 1 (JOINT_EXERCISE USA, written by Ani)",
            "Bo^[[2J removed order 3 (FREEZE CSTO, written by Aram^[[2J)");
    // One's own edit was confirmed when it was made.
    assertThat(Renderers.draftChanges(before, List.of(), "Ani", "Ani", 80)).isEmpty();
    // A server that names no editor: only what is gone, and who wrote it.
    assertThat(text(Renderers.draftChanges(before, List.of(one, three), "Ani", "", 80)))
        .containsExactly("Order taken back: STATEMENT RUS REASSURE (written by Aram)");
    var changed = draftOrder(8, "STATEMENT RUS CRITICISE", "Aram");
    assertThat(
            text(Renderers.draftChanges(before, List.of(one, changed, three), "Ani", "Aram", 80)))
        .containsExactly("Aram changed order 2 to: STATEMENT RUS CRITICISE");
  }

  @Test
  void anInboxEntryOfOffersShowsEachOfferWithItsTurn() {
    Event offers =
        Event.newBuilder()
            .setSeq(9)
            .setTurnReport(
                TurnReport.newBuilder()
                    .setTurn(2)
                    .addLines(
                        ReportLine.newBuilder()
                            .setVisibility("PRIVATE")
                            .setProposal(org.entente.proto.protocol.v1.Proposal.PROPOSAL_OFFER)
                            .setText(
                                "France offered Armenia a joint exercise; to accept, order"
                                    + " `JOINT_EXERCISE FRA` next turn (France must order it"
                                    + " again).")))
            .build();
    assertThat(text(Renderers.inboxEntry(offers, VIEW, 60)))
        .containsExactly(
            "[T2] Offer: France offered Armenia a joint exercise; to",
            "    accept, order `JOINT_EXERCISE FRA` next turn (France",
            "    must order it again).");
  }

  @Test
  void errorsShowTheEnginesReasonAndEveryProblem() {
    Error notAllowed =
        Error.newBuilder()
            .setCode(ErrorCode.ORDER_NOT_ALLOWED)
            .setMessage("Armenia is a frozen member of the CSTO")
            .build();
    assertThat(text(Renderers.error(notAllowed)))
        .containsExactly("Not allowed: Armenia is a frozen member of the CSTO");
    Error scenario =
        Error.newBuilder()
            .setCode(ErrorCode.INVALID_SCENARIO)
            .setMessage("2 problems")
            .addProblems("x.textproto:1:1: error: a")
            .addProblems("x.textproto:2:1: error: b")
            .build();
    assertThat(text(Renderers.error(scenario)))
        .containsExactly(
            "2 problems", "  x.textproto:1:1: error: a", "  x.textproto:2:1: error: b");
  }

  @Test
  void refusalsWrapOnWordBoundariesLikeReports() {
    Error e =
        Error.newBuilder()
            .setCode(ErrorCode.ORDER_NOT_ALLOWED)
            .setMessage(
                "Armenia is a frozen member of the CSTO and cannot freeze its participation again this turn")
            .build();
    List<String> lines = text(Renderers.error(e, 40));
    assertThat(lines).hasSizeGreaterThan(1).allMatch(l -> l.length() <= 40);
    assertThat(lines.get(0)).isEqualTo("Not allowed: Armenia is a frozen member");
    assertThat(lines.get(1)).startsWith("  of the CSTO");
    assertThat(String.join(" ", lines).replaceAll("\\s+", " "))
        .isEqualTo("Not allowed: " + e.getMessage());
  }

  @Test
  void tablesFitTheTerminalByCuttingTheWidestColumn() {
    Table t = new Table("#", "order", "by").right(0);
    t.row(1, "STATEMENT RUS CRITICISE \"Words are not enough to keep a treaty alive\"", "Ani");
    t.row(2, "GIVE_NOTICE CSTO", "Bob\u001b[31m");
    List<String> wide = text(t.render(100));
    assertThat(wide.get(0)).startsWith("#  order  ");
    assertThat(wide.get(0).indexOf("by")).isEqualTo(wide.get(1).indexOf("Ani"));
    assertThat(wide.get(2)).endsWith("Bob^[[31m");
    List<String> narrow = text(t.render(40));
    assertThat(narrow).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(40));
    assertThat(narrow.get(1)).isEqualTo("1  STATEMENT RUS CRITICISE \"…  Ani");
  }

  @Test
  void helpWrapsTheDescriptionsInsteadOfCuttingThem() {
    List<String> lines = text(Screens.help(CommandSpec.Where.PLAYER, 60));
    assertThat(lines).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(60));
    assertThat(String.join(" ", lines).replaceAll("\\s+", " "))
        .contains(
            "the turn, deadline, readiness, and your country's quantities, relations, memberships and obligations");
  }

  @Test
  void colourIsAStyleNotAnEscapeInTheText() {
    AttributedString line = Renderers.error(Error.newBuilder().setMessage("No.").build()).get(0);
    assertThat(line.toString()).isEqualTo("No.");
    assertThat(line.toAnsi()).contains("\u001b[").contains("No.");
  }

  @Test
  void seatStoreKeepsTokensPrivateAndRejoinsByServerAndCode(@TempDir Path dir) throws Exception {
    SeatStore store = new SeatStore(dir.resolve("entente/seats.json"));
    store.save(new SeatStore.Seat("localhost:7777", "abc-def", "tok1", "PLAYER", "ARM", "Ani"));
    store.save(
        new SeatStore.Seat("localhost:7777", "GHJ KMN", "tok2", "GAME_MASTER", "", "Game master"));
    store.save(new SeatStore.Seat("other:7777", "ABCDEF", "tok3", "PLAYER", "AZE", "Ani"));
    store.save(new SeatStore.Seat("localhost:7777", "ABCDEF", "tok4", "PLAYER", "RUS", "Ani"));
    assertThat(store.find("localhost:7777", "abc-def").orElseThrow().token()).isEqualTo("tok4");
    assertThat(store.forServer("localhost:7777"))
        .extracting(SeatStore.Seat::joinCode)
        .containsExactly("GHJKMN", "ABCDEF");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file())))
        .isEqualTo("rw-------");
    assertThat(store.forget("localhost:7777", "ABC-DEF")).isTrue();
    assertThat(store.forget("localhost:7777", "ABC-DEF")).isFalse();
    assertThat(store.find("other:7777", "ABCDEF")).isPresent();
  }
}
