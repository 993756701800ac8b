package org.entente.server.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.util.concurrent.MoreExecutors;
import java.security.SecureRandom;
import org.entente.proto.protocol.v1.Announce;
import org.entente.proto.protocol.v1.ClientMessage;
import org.entente.proto.protocol.v1.DebriefFormat;
import org.entente.proto.protocol.v1.ExportRecord;
import org.entente.proto.protocol.v1.ForceResolution;
import org.entente.proto.protocol.v1.RecordExport;
import org.entente.proto.protocol.v1.ServerMessage;
import org.entente.proto.scenario.v1.Press;
import org.entente.server.rules.RecordedSeat;
import org.entente.server.testing.FakeRules;
import org.entente.server.testing.ManualScheduler;
import org.entente.server.testing.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The debrief export renders once per export, not once per chunk, and keeps at most one
 * rendering per session (the fake rules' debrief is three chunks long and counts its renderings).
 */
class RecordExportsTest {
  static final DebriefFormat HTML = DebriefFormat.DEBRIEF_FORMAT_HTML;
  static final DebriefFormat MARKDOWN = DebriefFormat.DEBRIEF_FORMAT_MARKDOWN;

  private final FakeRules rules = new FakeRules();
  private final BackpressureTest.FakeLink gmLink = new BackpressureTest.FakeLink();
  private GameSession session;
  private long gmSeat;
  private long requestId = 1;

  @BeforeEach
  void openAndStart() {
    session =
        GameSession.open(
            new GameSession.Setup(
                "s1", "ABCDEF", rules, 3, Press.FULL, DeadlinePolicy.gameMasterAdvanced(), 9),
            MoreExecutors.directExecutor(),
            new ManualScheduler(),
            new MutableClock(5),
            new Tokens(new SecureRandom()),
            () -> {});
    session.seatGameMaster(
        gmLink,
        requestId++,
        "Ms Teacher",
        new GameSession.AttachCallback() {
          @Override
          public void attached(GameSession.SeatRef seat) {
            gmSeat = seat.seatId();
          }

          @Override
          public void refused() {}
        });
    call(TurnsTest.start());
  }

  private ServerMessage call(ClientMessage.Builder message) {
    long id = requestId++;
    session.handle(gmSeat, gmLink, message.setRequestId(id).build());
    return gmLink.sent.stream()
        .filter(m -> m.getRequestId() == id)
        .reduce((first, last) -> last)
        .orElseThrow();
  }

  private RecordExport chunk(DebriefFormat format, boolean includePrivate, int offset) {
    ServerMessage response =
        call(
            ClientMessage.newBuilder()
                .setExportRecord(
                    ExportRecord.newBuilder()
                        .setFormat(format)
                        .setIncludePrivateMessages(includePrivate)
                        .setOffset(offset)));
    assertThat(response.hasRecordExport()).as("%s", response).isTrue();
    return response.getRecordExport();
  }

  private void announce(String text) {
    assertThat(
            call(ClientMessage.newBuilder().setAnnounce(Announce.newBuilder().setText(text)))
                .hasOk())
        .isTrue();
  }

  private void resolveTurn(int turn) {
    assertThat(
            call(ClientMessage.newBuilder()
                    .setForceResolution(ForceResolution.newBuilder().setTurn(turn)))
                .hasOk())
        .isTrue();
  }

  /**
   * The roster is built from the seats and from who authored orders: a student removed, or moved
   * to another country, after authoring orders for a country is still listed for it, marked as
   * having left, with their counts.
   */
  @Test
  void theRosterKeepsAuthorsWhoNoLongerHoldASeatForTheCountry() {
    SessionState s =
        new SessionState(
            "s2",
            "ABCDEF",
            FakeRules.SCENARIO,
            3,
            Press.FULL,
            DeadlinePolicy.gameMasterAdvanced(),
            1);
    s.apply(new SessionEvent.SeatJoined(1, new byte[16], "Ani", Role.PLAYER, "ARM"));
    s.apply(new SessionEvent.SeatJoined(2, new byte[16], "Aram", Role.PLAYER, "ARM"));
    s.apply(new SessionEvent.SeatJoined(3, new byte[16], "Bo", Role.PLAYER, "ARM"));
    s.apply(new SessionEvent.PhaseChanged(Phase.RUNNING, 1, 0, 0, "started"));
    org.entente.engine.order.Order statement =
        org.entente.engine.order.Order.of("ARM", org.entente.engine.model.OrderKind.STATEMENT)
            .withTarget("RUS")
            .withOption("REASSURE");
    com.google.common.collect.ImmutableList.Builder<DraftOrder> orders =
        com.google.common.collect.ImmutableList.builder();
    long id = 1;
    for (String author : java.util.List.of("Ani", "Aram", "Bo", "Bo")) {
      orders.add(new DraftOrder(id++, statement, statement.toText(), author));
      s.apply(new SessionEvent.DraftEdited(Draft.empty("ARM", 1).with(orders.build()), author));
    }
    s.apply(new SessionEvent.SeatMoved(2, "ARM", "RUS"));
    s.apply(new SessionEvent.SeatRemoved(3));

    assertThat(RecordExports.roster(s))
        .containsExactly(
            new RecordedSeat("1", "ARM", "Ani", false, 1, 0, 1, 1, false),
            new RecordedSeat("2", "RUS", "Aram", false, 0, 0, 0, 0, false),
            new RecordedSeat("2", "ARM", "Aram", false, 1, 0, 1, 1, true),
            new RecordedSeat("left", "ARM", "Bo", false, 2, 0, 1, 1, true));
  }

  @Test
  void aMultiChunkExportRendersOnceAndItsChunksComeFromOneText() {
    announce("Before the export");
    StringBuilder text = new StringBuilder();
    int chunks = 0;
    RecordExport last;
    do {
      last = chunk(HTML, false, text.length());
      text.append(last.getText());
      chunks++;
      if (chunks == 1) {
        announce("During the export");
      }
    } while (text.length() < last.getTotalChars());

    assertThat(chunks).isEqualTo(3);
    assertThat(rules.debriefRenders).isEqualTo(1);
    assertThat(text.toString())
        .startsWith("<html>")
        .endsWith("</html>\n")
        .contains("Ms Teacher: Before the export")
        .doesNotContain("During the export");
    // The next export renders afresh and shows what was said meanwhile.
    RecordExport next = chunk(HTML, false, 0);
    assertThat(rules.debriefRenders).isEqualTo(2);
    assertThat(next.getTotalChars()).isGreaterThan(last.getTotalChars());
  }

  @Test
  void aCompletedExportKeepsNothing() {
    for (int offset = 0;
        offset < 3 * RecordExports.CHUNK_CHARS;
        offset += RecordExports.CHUNK_CHARS) {
      chunk(MARKDOWN, false, offset);
    }
    assertThat(rules.debriefRenders).isEqualTo(1);
    chunk(MARKDOWN, false, RecordExports.CHUNK_CHARS);
    assertThat(rules.debriefRenders).as("the completed export's text was dropped").isEqualTo(2);
  }

  @Test
  void oneRenderingIsKeptAndOnlyForItsFormatAndMessages() {
    chunk(HTML, false, 0);
    chunk(MARKDOWN, false, 0);
    assertThat(rules.debriefRenders).isEqualTo(2);
    chunk(MARKDOWN, false, RecordExports.CHUNK_CHARS);
    assertThat(rules.debriefRenders)
        .as("the Markdown export continues from its kept text")
        .isEqualTo(2);
    chunk(HTML, false, RecordExports.CHUNK_CHARS);
    assertThat(rules.debriefRenders)
        .as("the HTML rendering was dropped for the Markdown one")
        .isEqualTo(3);
    chunk(HTML, true, 2 * RecordExports.CHUNK_CHARS);
    assertThat(rules.debriefRenders)
        .as("private messages included: another rendering")
        .isEqualTo(4);
  }

  @Test
  void aResolvedTurnIsNeverServedFromTheKeptRendering() {
    assertThat(chunk(HTML, false, 0).getTurn()).isZero();
    resolveTurn(1);
    RecordExport after = chunk(HTML, false, RecordExports.CHUNK_CHARS);
    assertThat(rules.debriefRenders).isEqualTo(2);
    assertThat(after.getTurn()).as("the client starts again from offset 0").isEqualTo(1);
    assertThat(chunk(HTML, false, 2 * RecordExports.CHUNK_CHARS).getTurn()).isEqualTo(1);
    assertThat(rules.debriefRenders).isEqualTo(2);
  }
}
