package org.entente.server.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.entente.proto.protocol.v1.Channel;
import org.entente.proto.protocol.v1.ClientMessage;
import org.entente.proto.protocol.v1.DebriefFormat;
import org.entente.proto.protocol.v1.ErrorCode;
import org.entente.proto.protocol.v1.Event;
import org.entente.proto.protocol.v1.ExportRecord;
import org.entente.proto.protocol.v1.ForceResolution;
import org.entente.proto.protocol.v1.HistoryPage;
import org.entente.proto.protocol.v1.RecordExport;
import org.entente.proto.protocol.v1.ServerMessage;
import org.entente.server.rules.EngineSessionRules;
import org.entente.server.testing.FakeRules;
import org.entente.server.testing.SmallScenario;
import org.junit.jupiter.api.Test;

/**
 * A session keeps only a bounded tail of its history in memory, none once nobody is
 * connected, and serves the rest from its journal: history pages, a resume's replay and the
 * debrief, each within its bound.
 */
class HistoryTailTest {

  /** A running session: the game master, Ani (ARM) and Ivan (RUS), all connected. */
  private static SessionTable table() {
    SessionTable t = SessionTable.open(new FakeRules());
    t.seatGameMaster("Teacher", 0);
    t.join("Ani", Role.PLAYER, "ARM", 0);
    t.join("Ivan", Role.PLAYER, "RUS", 0);
    t.send("Teacher", TurnsTest.start());
    return t;
  }

  /** {@code count} messages on {@code channel} from RUS, one task (and journal record) each. */
  private static void post(SessionTable t, Channel channel, String prefix, int count) {
    for (int i = 0; i < count; i++) {
      String text = prefix + i;
      t.session.execute(
          () ->
              t.session.commit(
                  new SessionEvent.MessagePosted(
                      new ChatMessage(
                          channel,
                          "RUS",
                          "Ivan",
                          channel == Channel.TEAM ? "RUS" : "",
                          text,
                          t.session.state.turn,
                          0))));
    }
  }

  /** The seats' connections take no events (so a test's thousands of events are not kept twice). */
  private static void quietLinks(SessionTable t, String... names) {
    for (String name : names.length == 0 ? new String[] {"Teacher", "Ani", "Ivan"} : names) {
      t.seat(name).link.writable = false;
    }
  }

  private static ClientMessage.Builder history(long before, int limit) {
    return NegotiationTest.history(before, limit);
  }

  @Test
  void aSessionWithMoreEventsThanItsTailServesHistoryReplayAndDebriefFromTheJournal() {
    SessionTable t = table();
    post(t, Channel.PUBLIC, "m", 3_000);
    long last = t.session.state.lastSeq();
    assertThat(t.session.history.inMemory()).isEqualTo(History.DEFAULT_TAIL);

    List<String> paged = new ArrayList<>();
    long before = 0;
    int readsBefore = t.journal.reads;
    for (int pages = 0; pages < 100; pages++) {
      HistoryPage page = t.send("Ani", history(before, 100)).getHistoryPage();
      page.getMessagesList().forEach(m -> paged.add(0, m.getText()));
      if (!page.getMore()) {
        break;
      }
      before = page.getNextBeforeSeq();
    }
    assertThat(paged).hasSize(3_000).startsWith("m0", "m1").endsWith("m2999");
    assertThat(t.journal.reads).isGreaterThan(readsBefore);

    ServerMessage resumed = t.resume("Ani again", t.seat("Ani").token, 0);
    assertThat(resumed.getResumed().getReplayedFromSeq()).isEqualTo(1);
    assertThat(t.events("Ani again"))
        .hasSize(resumed.getResumed().getReplayed())
        .extracting(Event::getSeq)
        .endsWith(last);
    assertThat(t.events("Ani again").stream().filter(Event::hasMessage)).hasSize(3_000);

    String debrief = debrief(t);
    assertThat(debrief).contains("Ivan: m0\n", "Ivan: m2999\n").doesNotContain("left out");
    assertThat(t.session.history.inMemory()).isLessThanOrEqualTo(History.DEFAULT_TAIL);
  }

  @Test
  void aHistoryPageLooksThroughAtMost20000EventsAndSaysWhereToGoOn() {
    SessionTable t = table();
    quietLinks(t);
    post(t, Channel.PUBLIC, "old", 1);
    post(t, Channel.TEAM, "russian team talk ", 25_000); // ARM may not read these
    long end = t.session.state.lastSeq() + 1;

    HistoryPage first = t.send("Ani", history(0, 10)).getHistoryPage();

    assertThat(first.getMessagesList()).isEmpty();
    assertThat(first.getMore()).isTrue();
    assertThat(first.getNextBeforeSeq()).isEqualTo(end - PlayerCommands.MAX_HISTORY_SCAN);
    HistoryPage second = t.send("Ani", history(first.getNextBeforeSeq(), 10)).getHistoryPage();
    assertThat(second.getMessagesList()).extracting(m -> m.getText()).containsExactly("old0");
    assertThat(second.getMore()).isFalse();
    assertThat(second.getNextBeforeSeq()).isZero();
    // Ivan reads his team's messages: a full page says to go on from its last message.
    HistoryPage ivans = t.send("Ivan", history(0, 10)).getHistoryPage();
    assertThat(ivans.getMessagesCount()).isEqualTo(10);
    assertThat(ivans.getMore()).isTrue();
    assertThat(ivans.getNextBeforeSeq()).isEqualTo(ivans.getMessages(9).getSeq());
  }

  @Test
  void aResumeReplaysAtMostTheNewest10000EventsAndSaysFromWhere() {
    SessionTable t = table();
    post(t, Channel.PUBLIC, "m", 12_000);
    long last = t.session.state.lastSeq();

    ServerMessage resumed = t.resume("Ani again", t.seat("Ani").token, 5);

    long from = last - Seating.MAX_REPLAY + 1;
    assertThat(resumed.getResumed().getReplayedFromSeq()).isEqualTo(from);
    assertThat(resumed.getResumed().getReplayed()).isEqualTo(Seating.MAX_REPLAY);
    assertThat(t.events("Ani again"))
        .hasSize(Seating.MAX_REPLAY)
        .extracting(Event::getSeq)
        .startsWith(from)
        .endsWith(last);
    // A seat that is not that far behind gets everything it missed.
    ServerMessage near = t.resume("Ani once more", t.seat("Ani").token, last - 3);
    assertThat(near.getResumed().getReplayedFromSeq()).isEqualTo(last - 2);
    assertThat(near.getResumed().getReplayed()).isEqualTo(3);
  }

  @Test
  void theDebriefHoldsTheNewest10000MessagesAndSaysHowManyItLeavesOut() {
    SessionTable t = table();
    post(t, Channel.PUBLIC, "m", RecordExports.MAX_MESSAGES + 5);

    String debrief = debrief(t);

    assertThat(debrief)
        .contains(": 5 earlier messages are left out of this debrief; it holds the newest 10,000.")
        .contains("Ivan: m5\n", "Ivan: m10004\n")
        .doesNotContain("Ivan: m4\n", "Ivan: m0\n");
  }

  @Test
  void theEnginesDebriefShowsTheNoteAsTheServersAnnouncement() {
    SessionTable t = SessionTable.open(new EngineSessionRules(SmallScenario.build()));
    t.seatGameMaster("Teacher", 0);
    t.join("Ivan", Role.PLAYER, "RUS", 0);
    t.send("Teacher", TurnsTest.start());
    quietLinks(t, "Teacher", "Ivan");
    post(t, Channel.PUBLIC, "m", RecordExports.MAX_MESSAGES + 3);
    t.send(
        "Teacher",
        ClientMessage.newBuilder().setForceResolution(ForceResolution.getDefaultInstance()));

    assertThat(debrief(t))
        .contains(
            "> Announcement by Entente server: 3 earlier messages are left out of this debrief; it"
                + " holds the newest 10,000.\n")
        .contains("> Russia (Ivan), publicly: m10002\n", "> Russia (Ivan), publicly: m3\n")
        .doesNotContain("> Russia (Ivan), publicly: m2\n");
  }

  @Test
  void theDebriefLooksThroughAtMostTheNewest100000Events() {
    SessionTable t = table();
    quietLinks(t);
    post(t, Channel.PUBLIC, "early", 2);
    for (int i = 0; i < RecordExports.MAX_SCAN; i++) {
      t.session.execute(
          () ->
              t.session.commit(
                  new SessionEvent.ReadinessChanged("AZE", t.session.state.turn, false)));
    }
    post(t, Channel.PUBLIC, "late", 1);

    String debrief = debrief(t);

    assertThat(debrief)
        .contains("Ivan: late0\n")
        .contains("2 earlier messages are left out of this debrief; it holds the newest 1.")
        .doesNotContain("early");
  }

  @Test
  void aFailedReadAnswersThatRequestOnlyAndTheSessionGoesOn() {
    SessionTable t = table();
    post(t, Channel.PUBLIC, "m", 2_000);
    t.journal.failReads = true;

    ServerMessage page = t.send("Ani", history(5, 10));
    ServerMessage export =
        t.send(
            "Teacher",
            ClientMessage.newBuilder()
                .setExportRecord(
                    ExportRecord.newBuilder().setFormat(DebriefFormat.DEBRIEF_FORMAT_MARKDOWN)));
    ServerMessage resumed = t.resume("Ani again", t.seat("Ani").token, 0);

    for (ServerMessage failed : List.of(page, export, resumed)) {
      assertThat(failed.getError().getCode()).isEqualTo(ErrorCode.STORAGE_UNAVAILABLE);
    }
    assertThat(page.getError().getMessage())
        .isEqualTo("The server could not read this session's history back; try again.");
    assertThat(resumed.getError().getMessage())
        .isEqualTo(
            "The server could not read this session's history back to replay what you missed; try again.");
    assertThat(t.send("Ivan", NegotiationTest.say(Channel.PUBLIC, "", "still here")).hasError())
        .isFalse();
    assertThat(t.send("Ani", history(0, 1)).getHistoryPage().getMessages(0).getText())
        .isEqualTo("still here");
    t.journal.failReads = false;
    assertThat(t.resume("Ani again", t.seat("Ani").token, 0).hasResumed()).isTrue();
  }

  @Test
  void aLaggingConnectionThatCannotBeFedFromTheJournalIsClosedAndTheSessionGoesOn() {
    SessionTable t = table();
    SessionTable.Seated ani = t.seat("Ani");
    ani.link.writable = false;
    post(t, Channel.PUBLIC, "m", 2_000);
    t.journal.failReads = true;

    ani.link.writable = true;
    t.session.writable(ani.seatId, ani.link);

    ServerMessage last = ani.link.sent.get(ani.link.sent.size() - 1);
    assertThat(last.getError().getCode()).isEqualTo(ErrorCode.STORAGE_UNAVAILABLE);
    assertThat(last.getError().getMessage())
        .isEqualTo(
            "The server could not read this session's history back to send what you missed; reconnect to try again.");
    assertThat(t.send("Ivan", NegotiationTest.say(Channel.PUBLIC, "", "still here")).hasError())
        .isFalse();
  }

  @Test
  void anIdleSessionWith20000MessagesHoldsNoHistoryInMemory() throws Exception {
    SessionTable t = table();
    post(t, Channel.PUBLIC, "m", 20_000);
    assertThat(t.session.history.inMemory()).isEqualTo(History.DEFAULT_TAIL);

    t.detach("Ani");
    t.detach("Ivan");
    assertThat(t.journal.releases).isZero();
    t.detach("Teacher");

    assertThat(t.session.history.inMemory()).isZero();
    assertThat(t.journal.releases).isPositive();
    assertThat(t.session.state.messagesPosted).isEqualTo(20_000);
    for (Field f : SessionState.class.getDeclaredFields()) {
      if (Modifier.isStatic(f.getModifiers())) {
        continue;
      }
      f.setAccessible(true);
      Object value = f.get(t.session.state);
      int size =
          value instanceof Collection<?> c ? c.size() : value instanceof Map<?, ?> m ? m.size() : 0;
      assertThat(size).as("SessionState." + f.getName()).isLessThan(10);
    }
    // Someone comes back: the history is read back from the journal.
    HistoryPage page =
        t.resume("Ani again", t.seat("Ani").token, t.session.state.lastSeq()).hasResumed()
            ? t.send("Ani again", history(0, 1)).getHistoryPage()
            : null;
    assertThat(page.getMessages(0).getText()).isEqualTo("m19999");
  }

  /** The whole Markdown debrief, chunk by chunk. */
  private static String debrief(SessionTable t) {
    StringBuilder text = new StringBuilder();
    int offset = 0;
    while (true) {
      ServerMessage r =
          t.send(
              "Teacher",
              ClientMessage.newBuilder()
                  .setExportRecord(
                      ExportRecord.newBuilder()
                          .setFormat(DebriefFormat.DEBRIEF_FORMAT_MARKDOWN)
                          .setOffset(offset)));
      RecordExport chunk = r.getRecordExport();
      text.append(chunk.getText());
      offset += chunk.getText().length();
      if (offset >= chunk.getTotalChars()) {
        return text.toString();
      }
    }
  }
}
