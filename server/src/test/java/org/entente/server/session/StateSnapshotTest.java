package org.entente.server.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Supplier;
import org.entente.engine.report.Viewer;
import org.entente.proto.journal.v1.JournalRecord;
import org.entente.proto.journal.v1.Snapshot;
import org.entente.proto.protocol.v1.Announce;
import org.entente.proto.protocol.v1.AssignBot;
import org.entente.proto.protocol.v1.Channel;
import org.entente.proto.protocol.v1.ClientMessage;
import org.entente.proto.protocol.v1.ForceResolution;
import org.entente.proto.protocol.v1.InjectEvent;
import org.entente.proto.protocol.v1.MuteSeat;
import org.entente.proto.protocol.v1.SessionView;
import org.entente.proto.scenario.v1.Effect;
import org.entente.server.journal.SessionJournal;
import org.entente.server.rules.EngineSessionRules;
import org.entente.server.rules.SessionRules;
import org.entente.server.testing.FakeRules;
import org.entente.server.testing.SmallScenario;
import org.junit.jupiter.api.Test;

/**
 * A snapshot holds the session's state, not its history: restored from any snapshot plus the
 * records after it, a session is the live one (views, counters, rules' state, and the next
 * snapshot, byte for byte); and its size does not follow the number of events.
 */
class StateSnapshotTest {

  /**
   * Three turns with every kind of change: keyed entries and edits, private and public
   * messages, a mute, injects before and during the game, a bot (if {@code botCountry} is not
   * empty), two resolutions, a game-master announcement.
   */
  private static SessionTable play(SessionRules rules, String botCountry) {
    SessionTable t = SessionTable.open(rules);
    t.seatGameMaster("Teacher", 7);
    t.join("Ani", Role.PLAYER, "ARM", 8);
    t.join("Aram", Role.PLAYER, "ARM", 0);
    t.join("Ivan", Role.PLAYER, "RUS", 9);
    t.join("Visitor", Role.SPECTATOR, "", 0);
    t.send("Teacher", inject("Early news", "sec(ARM)", 2), 20);
    if (!botCountry.isEmpty()) {
      t.send(
          "Teacher",
          ClientMessage.newBuilder().setAssignBot(AssignBot.newBuilder().setCountry(botCountry)));
    }
    t.send("Teacher", TurnsTest.start(), 21);
    t.send("Ani", TurnsTest.add(1, "RESUME CSTO"), 11);
    t.send("Aram", TurnsTest.add(1, "WITHHOLD_DUES CSTO"), 0);
    t.send("Ivan", NegotiationTest.say(Channel.PRIVATE, "ARM", "deal?"), 12);
    t.send("Teacher", mute(t.seat("Ivan").seatId, true), 22);
    t.send("Teacher", inject("Border clash", "sec(ARM)", -5), 23);
    t.send("Ani", TurnsTest.ready(1, true), 13);
    t.send("Aram", TurnsTest.ready(1, true), 0);
    t.send("Ivan", TurnsTest.ready(1, true), 0); // turn 1 resolves; turn 2's snapshot
    t.clock.advance(30_000);
    t.send("Teacher", mute(t.seat("Ivan").seatId, false), 24);
    t.send("Ivan", NegotiationTest.say(Channel.PUBLIC, "", "hello all"), 14);
    t.send("Aram", TurnsTest.add(2, "RESUME CSTO"), 0);
    t.send("Teacher", ClientMessage.newBuilder().setAnnounce(Announce.newBuilder().setText("mid")));
    t.send(
        "Teacher",
        ClientMessage.newBuilder().setForceResolution(ForceResolution.getDefaultInstance()),
        25); // turn 2 resolves; turn 3's snapshot
    t.send("Ani", TurnsTest.add(3, "WITHHOLD_DUES CSTO"), 15);
    t.send("Teacher", inject("Late news", "dom(RUS)", 1), 26);
    t.send("Ivan", NegotiationTest.say(Channel.TEAM, "", "ours"), 0);
    return t;
  }

  static ClientMessage.Builder inject(String title, String target, int delta) {
    return ClientMessage.newBuilder()
        .setInjectEvent(
            InjectEvent.newBuilder()
                .setTitle(title)
                .setText(title + ".")
                .addEffects(Effect.newBuilder().setTarget(target).setDelta(delta)));
  }

  private static ClientMessage.Builder mute(long seatId, boolean muted) {
    return ClientMessage.newBuilder()
        .setMuteSeat(MuteSeat.newBuilder().setSeatId(seatId).setMuted(muted));
  }

  @Test
  void aSessionRestoredFromAnySnapshotAndTheRecordsAfterItIsTheLiveSession() throws Exception {
    SessionTable live = play(new FakeRules(), "AZE");
    assertThat(live.journal.snapshots).hasSize(4); // initial, turns 1, 2 and 3
    assertThat(Snapshot.parseFrom(live.journal.snapshots.get(0).payload()).hasState()).isFalse();
    for (int i = 0; i < live.journal.snapshots.size(); i++) {
      SessionTable restored = SessionTable.restore(live, i, FakeRules::new);
      assertSameSession(live, restored, "from snapshot " + i);
      assertThat(((FakeRules) restored.session.rules).appliedEvents)
          .isEqualTo(((FakeRules) live.session.rules).appliedEvents)
          .containsExactly("Early news", "Border clash", "Late news");
    }
  }

  @Test
  void theEnginesStateIsRebuiltFromTheStepsInTheSnapshot() throws Exception {
    Supplier<SessionRules> engine = () -> new EngineSessionRules(SmallScenario.build());
    SessionTable live = play(engine.get(), "");
    assertThat(live.session.rulesSteps.steps())
        .filteredOn(s -> s instanceof RulesSteps.Resolved r && !r.orders().get("ARM").isEmpty())
        .hasSize(2);
    for (int i = 0; i < live.journal.snapshots.size(); i++) {
      SessionTable restored = SessionTable.restore(live, i, engine);
      assertSameSession(live, restored, "from snapshot " + i);
      assertThat(((EngineSessionRules) restored.session.rules).state().hash())
          .as("from snapshot " + i)
          .isEqualTo(((EngineSessionRules) live.session.rules).state().hash());
    }
  }

  @Test
  void aSnapshotWrittenByEntente0xWithTheHistoryEmbeddedStillRestores() throws Exception {
    SessionTable live = play(new FakeRules(), "AZE");
    Snapshot.Builder legacy =
        Snapshot.newBuilder().setHeader(SessionTable.HEADER).setTurn(live.session.state.turn);
    for (SessionJournal.Stored r : live.journal.records) {
      legacy.addRecords(JournalRecord.parseFrom(r.payload()));
    }
    live.journal.snapshots.add(
        new SessionJournal.Stored(0, live.session.state.lastSeq(), legacy.build().toByteArray()));

    SessionTable restored =
        SessionTable.restore(live, live.journal.snapshots.size() - 1, FakeRules::new);

    assertSameSession(live, restored, "from a 0.x snapshot");
  }

  @Test
  void theSnapshotsSizeDoesNotGrowWithChat() {
    int quiet = turnTwoSnapshot(0).length;
    byte[] chatty = turnTwoSnapshot(5_000);

    // Only the counters differ (the messages posted, the last seq): varints a few bytes longer.
    assertThat(chatty.length).isBetween(quiet, quiet + 8);
    assertThat(quiet).isLessThan(2_000);
  }

  /** The snapshot that opens turn 2 after {@code messages} public messages in turn 1. */
  private static byte[] turnTwoSnapshot(int messages) {
    SessionTable t = SessionTable.open(new FakeRules());
    t.seatGameMaster("Teacher", 0);
    t.join("Ani", Role.PLAYER, "ARM", 0);
    t.send("Teacher", TurnsTest.start());
    t.send("Ani", TurnsTest.add(1, "RESUME CSTO"));
    for (int i = 0; i < messages; i++) {
      t.send("Ani", NegotiationTest.say(Channel.PUBLIC, "", "message " + (i % 10)));
    }
    t.send(
        "Teacher",
        ClientMessage.newBuilder().setForceResolution(ForceResolution.getDefaultInstance()));
    assertThat(t.session.state.turn).isEqualTo(2);
    assertThat(t.session.state.messagesPosted).isEqualTo(messages);
    return t.journal.lastSnapshot().payload();
  }

  static void assertSameSession(SessionTable live, SessionTable restored, String as) {
    SessionState a = live.session.state;
    SessionState b = restored.session.state;
    for (Viewer viewer :
        List.of(
            Viewer.GAME_MASTER,
            Viewer.PUBLIC,
            Viewer.actor("ARM"),
            Viewer.actor("RUS"),
            Viewer.actor("AZE"))) {
      assertThat(disconnected(Views.view(b, viewer, restored.session.rules.snapshot())))
          .as(as + " for " + viewer)
          .isEqualTo(disconnected(Views.view(a, viewer, live.session.rules.snapshot())));
    }
    assertThat(b.lastSeq()).as(as).isEqualTo(a.lastSeq());
    assertThat(b.peekNextSeatId()).as(as).isEqualTo(a.peekNextSeatId());
    assertThat(b.peekNextOrderId()).as(as).isEqualTo(a.peekNextOrderId());
    assertThat(b.messagesPosted).as(as).isEqualTo(a.messagesPosted);
    assertThat(restored.session.rulesSteps.steps())
        .as(as)
        .isEqualTo(live.session.rulesSteps.steps());
    long lastSeq = a.lastSeq();
    assertThat(restored.session.outbox.snapshot(lastSeq))
        .as(as + ": the next snapshot")
        .isEqualTo(live.session.outbox.snapshot(lastSeq));
  }

  /** Connection flags are not part of the recorded state. */
  private static SessionView disconnected(SessionView view) {
    SessionView.Builder b = view.toBuilder();
    b.getSeatsBuilderList().forEach(s -> s.setConnected(false));
    return b.build();
  }
}
