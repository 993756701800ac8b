package org.entente.server.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.entente.engine.report.Viewer;
import org.entente.proto.protocol.v1.Channel;
import org.entente.proto.protocol.v1.ClientMessage;
import org.entente.proto.protocol.v1.DebriefFormat;
import org.entente.proto.protocol.v1.ErrorCode;
import org.entente.proto.protocol.v1.Event;
import org.entente.proto.protocol.v1.ExportRecord;
import org.entente.proto.protocol.v1.HistoryPage;
import org.entente.proto.protocol.v1.ServerMessage;
import org.entente.proto.protocol.v1.SessionView;
import org.entente.server.testing.MemoryStorage;
import org.entente.server.testing.MutableClock;
import org.junit.jupiter.api.Test;

/** A restarted server resumes every session where it was; a failing disk stops acknowledgements. */
class DurableSessionTest {
  private static final long T0 = 1_700_000_000_000L;

  private static MemoryStorage disk() {
    return new MemoryStorage(7).withDirectory(DurableRig.DATA.resolve("sessions"));
  }

  @Test
  void aRestartBringsBackSeatsDraftsMessagesSeqAndTheTimeLeft() throws Exception {
    MemoryStorage disk = disk();
    MutableClock clock = new MutableClock(T0);
    DurableRig rig = new DurableRig(disk, clock);
    DurableRig.Client gm = new DurableRig.Client();
    String code = rig.create(gm, 0, 60).getSessionCreated().getJoinCode();
    DurableRig.Client ani = new DurableRig.Client();
    DurableRig.Client ivan = new DurableRig.Client();
    rig.join(ani, code, 0, "Ani", "ARM");
    rig.join(ivan, code, 0, "Ivan", "RUS");
    gm.request(TurnsTest.start(), 0);
    ani.request(TurnsTest.add(1, "FREEZE CSTO"), 0);
    ani.request(TurnsTest.ready(1, true), 0);
    ivan.request(TurnsTest.ready(1, true), 0); // turn 1 resolves: turn 2's snapshot
    clock.advance(15_000);
    ivan.request(NegotiationTest.say(Channel.PRIVATE, "ARM", "deal?"), 0);
    ani.request(TurnsTest.add(2, "WITHHOLD_DUES CSTO"), 0);
    GameSession before = rig.session(code);
    long lastSeq = before.state.lastSeq();
    SessionView gmView = Views.view(before.state, Viewer.GAME_MASTER, before.rules.snapshot());
    java.util.List<String> files =
        disk.list(DurableRig.DATA.resolve("sessions").resolve(before.sessionId()));
    assertThat(files).hasSize(2);
    assertThat(files.get(0)).isEqualTo("events-00000000000000000001.log");
    assertThat(files.get(1)).startsWith("state-").isNotEqualTo("state-00000000000000000000.bin");

    MutableClock later = new MutableClock(T0 + 3_600_000);
    DurableRig restarted = new DurableRig(disk.afterPowerLoss(), later);

    assertThat(restarted.recovery.sessions()).isEqualTo(1);
    assertThat(restarted.recovery.records()).isEqualTo(2);
    GameSession after = restarted.session(code);
    SessionView view = Views.view(after.state, Viewer.GAME_MASTER, after.rules.snapshot());
    assertThat(view.getTurn()).isEqualTo(2);
    assertThat(view.getDraftsList()).isEqualTo(gmView.getDraftsList());
    assertThat(view.getSeatsList()).hasSize(3);
    for (int i = 0; i < 3; i++) {
      assertThat(view.getSeats(i).toBuilder().setConnected(false).build())
          .isEqualTo(gmView.getSeats(i).toBuilder().setConnected(false).build());
    }
    assertThat(Histories.texts(after)).isEqualTo(Histories.texts(before));
    // The clock stopped while the server was down: the turn has the 45 s it had left.
    assertThat(after.state.deadlineEpochMillis).isEqualTo(later.millis() + 45_000);
    assertThat(after.state.lastSeq()).isEqualTo(lastSeq + 1);
    assertThat(restarted.scheduler.live()).hasSize(1);
    assertThat(restarted.scheduler.live().get(0).delay())
        .isEqualTo(java.time.Duration.ofSeconds(45));

    DurableRig.Client back = new DurableRig.Client();
    ServerMessage resumed = restarted.resume(back, code, ani.token, lastSeq - 2);
    assertThat(resumed.getResumed().getSeatId()).isEqualTo(ani.seatId);
    assertThat(resumed.getResumed().getReplayed()).isEqualTo(3);
    assertThat(
            back.link.sent.stream().filter(ServerMessage::hasEvent).map(m -> m.getEvent().getSeq()))
        .containsExactly(lastSeq - 1, lastSeq, lastSeq + 1);
    assertThat(
            back.request(NegotiationTest.say(Channel.PUBLIC, "", "we are back"), 0)
                .hasHistoryPage())
        .isTrue();
  }

  @Test
  void aFailedFsyncFailsTheRequestAndItsSessionStopsAcknowledging() throws Exception {
    MemoryStorage disk = disk();
    DurableRig rig = new DurableRig(disk, new MutableClock(T0));
    DurableRig.Client gm = new DurableRig.Client();
    String code = rig.create(gm, 0, 0).getSessionCreated().getJoinCode();
    DurableRig.Client ani = new DurableRig.Client();
    rig.join(ani, code, 0, "Ani", "ARM");
    gm.request(TurnsTest.start(), 0);
    int eventsBefore = (int) ani.link.sent.stream().filter(ServerMessage::hasEvent).count();
    disk.failForcesAfter(0);

    ServerMessage failed = ani.request(NegotiationTest.say(Channel.PUBLIC, "", "lost?"), 0);
    disk.failForcesAfter(Integer.MAX_VALUE);
    ServerMessage next = ani.request(TurnsTest.add(1, "FREEZE CSTO"), 0);
    ServerMessage read =
        ani.request(
            org.entente.proto.protocol.v1.ClientMessage.newBuilder()
                .setGetView(org.entente.proto.protocol.v1.GetView.getDefaultInstance()),
            0);

    assertThat(failed.getError().getCode()).isEqualTo(ErrorCode.STORAGE_UNAVAILABLE);
    assertThat(next.getError().getCode()).isEqualTo(ErrorCode.STORAGE_UNAVAILABLE);
    assertThat(read.getError().getCode()).isEqualTo(ErrorCode.STORAGE_UNAVAILABLE);
    assertThat(ani.link.sent.stream().filter(ServerMessage::hasEvent).count())
        .isEqualTo(eventsBefore);
    assertThat(failed.getError().getMessage())
        .isEqualTo(
            "The server could not save this change and accepts no more in this session until it is restarted.");

    DurableRig restarted = new DurableRig(disk.afterPowerLoss(), new MutableClock(T0));
    assertThat(DurableRig.texts(restarted.session(code))).doesNotContain("lost?");
  }

  @Test
  void aRetriedRequestAfterAReconnectIsAnsweredWithoutApplyingItTwice() throws Exception {
    DurableRig rig = new DurableRig(disk(), new MutableClock(T0));
    DurableRig.Client gm = new DurableRig.Client();
    String code = rig.create(gm, 0, 0).getSessionCreated().getJoinCode();
    DurableRig.Client ani = new DurableRig.Client();
    rig.join(ani, code, 0, "Ani", "ARM");
    gm.request(TurnsTest.start(), 0);
    ServerMessage first = ani.request(TurnsTest.add(1, "FREEZE CSTO"), 4242);

    DurableRig.Client again = new DurableRig.Client();
    rig.resume(again, code, ani.token, 0);
    ServerMessage retried = again.request(TurnsTest.add(1, "FREEZE CSTO"), 4242);

    assertThat(retried.getDraftUpdated()).isEqualTo(first.getDraftUpdated());
    assertThat(rig.session(code).state.draft("ARM").orders()).hasSize(1);
    assertThat(
            again
                .request(TurnsTest.add(1, "FREEZE CSTO"), 4243)
                .getDraftUpdated()
                .getDraft()
                .getOrdersCount())
        .isEqualTo(2);
  }

  @Test
  void botSeatsSurviveARestart() throws Exception {
    MemoryStorage disk = disk();
    DurableRig rig = new DurableRig(disk, new MutableClock(T0));
    DurableRig.Client gm = new DurableRig.Client();
    String code = rig.create(gm, 0, 0).getSessionCreated().getJoinCode();
    ServerMessage assigned =
        gm.request(
            org.entente.proto.protocol.v1.ClientMessage.newBuilder()
                .setAssignBot(
                    org.entente.proto.protocol.v1.AssignBot.newBuilder().setCountry("AZE")),
            0);
    assertThat(assigned.hasError()).isFalse();

    DurableRig restarted = new DurableRig(disk.afterPowerLoss(), new MutableClock(T0));

    assertThat(restarted.session(code).state.bots).containsExactly("AZE");
  }

  @Test
  void afterARestartHistoryReplayAndDebriefAreReadBackFromTheFilesAndAnIdleSessionHoldsNone()
      throws Exception {
    MemoryStorage disk = disk();
    DurableRig rig = new DurableRig(disk, new MutableClock(T0));
    DurableRig.Client gm = new DurableRig.Client();
    String code = rig.create(gm, 0, 0).getSessionCreated().getJoinCode();
    DurableRig.Client ani = new DurableRig.Client();
    DurableRig.Client ivan = new DurableRig.Client();
    rig.join(ani, code, 0, "Ani", "ARM");
    rig.join(ivan, code, 0, "Ivan", "RUS");
    gm.request(TurnsTest.start(), 0);
    int messages = History.DEFAULT_TAIL + 200;
    for (int i = 0; i < messages; i++) {
      ivan.request(NegotiationTest.say(Channel.PUBLIC, "", "m" + i), 0);
    }
    long lastSeq = rig.session(code).state.lastSeq();

    MemoryStorage rebooted = disk.afterPowerLoss();
    DurableRig restarted = new DurableRig(rebooted, new MutableClock(T0));
    GameSession after = restarted.session(code);
    assertThat(after.history.inMemory()).isZero();
    assertThat(rebooted.openFiles()).as("files open for a session nobody is connected to").isZero();

    DurableRig.Client back = new DurableRig.Client();
    ServerMessage resumed = restarted.resume(back, code, ani.token, 0);
    assertThat(resumed.getResumed().getReplayedFromSeq()).isEqualTo(1);
    List<Event> replayed =
        back.link.sent.stream()
            .filter(ServerMessage::hasEvent)
            .map(ServerMessage::getEvent)
            .toList();
    assertThat(replayed).hasSize(resumed.getResumed().getReplayed());
    assertThat(replayed.get(replayed.size() - 1).getSeq()).isEqualTo(lastSeq);
    assertThat(replayed.stream().filter(Event::hasMessage).map(e -> e.getMessage().getText()))
        .hasSize(messages)
        .startsWith("m0", "m1")
        .endsWith("m" + (messages - 1));
    List<String> paged = new ArrayList<>();
    long before = 0;
    for (int pages = 0; pages < 100; pages++) {
      HistoryPage page = back.request(NegotiationTest.history(before, 100), 0).getHistoryPage();
      page.getMessagesList().forEach(m -> paged.add(0, m.getText()));
      if (!page.getMore()) {
        break;
      }
      before = page.getNextBeforeSeq();
    }
    assertThat(paged).hasSize(messages).startsWith("m0").endsWith("m" + (messages - 1));
    DurableRig.Client teacher = new DurableRig.Client();
    restarted.resume(teacher, code, gm.token, lastSeq);
    StringBuilder debrief = new StringBuilder();
    for (int offset = 0, total = 1; offset < total; ) {
      var chunk =
          teacher
              .request(
                  ClientMessage.newBuilder()
                      .setExportRecord(
                          ExportRecord.newBuilder()
                              .setFormat(DebriefFormat.DEBRIEF_FORMAT_MARKDOWN)
                              .setOffset(offset)),
                  0)
              .getRecordExport();
      debrief.append(chunk.getText());
      offset += chunk.getText().length();
      total = chunk.getTotalChars();
    }
    assertThat(debrief).contains("Ivan: m0\n", "Ivan: m" + (messages - 1) + "\n");

    after.detach(back.seatId, back.link);
    after.detach(teacher.seatId, teacher.link);
    assertThat(after.history.inMemory()).isZero();
    assertThat(rebooted.openFiles())
        .as("files open once everyone left: the server's commit log only")
        .isEqualTo(1);
  }

  static Path sessions() {
    return DurableRig.DATA.resolve("sessions");
  }
}
