package org.entente.server.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.util.concurrent.MoreExecutors;
import java.security.SecureRandom;
import org.entente.engine.report.Viewer;
import org.entente.proto.protocol.v1.Channel;
import org.entente.proto.protocol.v1.ClientMessage;
import org.entente.proto.protocol.v1.SessionView;
import org.entente.proto.scenario.v1.Press;
import org.entente.server.rules.GameSnapshot;
import org.entente.server.testing.FakeRules;
import org.entente.server.testing.ManualScheduler;
import org.entente.server.testing.MutableClock;
import org.junit.jupiter.api.Test;

/**
 * The journal seam: applying a session's recorded events, in order, to a fresh state gives
 * the same state (as every viewer sees it) as the live session, ids included.
 */
class EventReplayTest {

  private static final class Seated implements GameSession.AttachCallback {
    long seatId;

    @Override
    public void attached(GameSession.SeatRef seat) {
      seatId = seat.seatId();
    }

    @Override
    public void refused() {}
  }

  @Test
  void replayingTheEventLogRebuildsTheState() {
    GameSession session =
        GameSession.open(
            new GameSession.Setup(
                "s1",
                "ABCDEF",
                new FakeRules(),
                3,
                Press.FULL,
                DeadlinePolicy.gameMasterAdvanced(),
                9),
            MoreExecutors.directExecutor(),
            new ManualScheduler(),
            new MutableClock(5),
            new Tokens(new SecureRandom()),
            () -> {});
    BackpressureTest.FakeLink gmLink = new BackpressureTest.FakeLink();
    Seated gm = new Seated();
    session.seatGameMaster(gmLink, 1, "GM", gm);
    BackpressureTest.FakeLink aniLink = new BackpressureTest.FakeLink();
    Seated ani = new Seated();
    session.join(aniLink, 1, Role.PLAYER, "Ani", "ARM", ani);
    BackpressureTest.FakeLink ivanLink = new BackpressureTest.FakeLink();
    Seated ivan = new Seated();
    session.join(ivanLink, 1, Role.PLAYER, "Ivan", "RUS", ivan);

    session.handle(gm.seatId, gmLink, TurnsTest.start().setRequestId(2).build());
    session.handle(ani.seatId, aniLink, TurnsTest.add(1, "FREEZE CSTO").setRequestId(2).build());
    session.handle(
        ani.seatId, aniLink, TurnsTest.add(1, "WITHHOLD_DUES CSTO").setRequestId(3).build());
    session.handle(
        ivan.seatId,
        ivanLink,
        NegotiationTest.say(Channel.PRIVATE, "ARM", "hi").setRequestId(2).build());
    session.handle(ani.seatId, aniLink, TurnsTest.ready(1, true).setRequestId(4).build());
    session.handle(ivan.seatId, ivanLink, TurnsTest.ready(1, true).setRequestId(3).build());
    session.handle(ani.seatId, aniLink, TurnsTest.add(2, "RESUME CSTO").setRequestId(5).build());
    session.handle(
        gm.seatId,
        gmLink,
        ClientMessage.newBuilder()
            .setRequestId(3)
            .setMoveSeat(
                org.entente.proto.protocol.v1.MoveSeat.newBuilder()
                    .setSeatId(ivan.seatId)
                    .setCountry("AZE"))
            .build());

    SessionState live = session.state;
    SessionState replayed =
        new SessionState(
            live.sessionId,
            live.joinCode,
            live.scenario,
            live.totalTurns,
            live.press,
            live.deadlinePolicy,
            live.seed);
    for (SessionEvent event : Histories.events(session)) {
      replayed.apply(event);
    }
    for (Viewer viewer :
        new Viewer[] {
          Viewer.GAME_MASTER, Viewer.PUBLIC, Viewer.actor("ARM"), Viewer.actor("AZE")
        }) {
      assertThat(disconnected(Views.view(replayed, viewer, GameSnapshot.empty(0))))
          .isEqualTo(disconnected(Views.view(live, viewer, GameSnapshot.empty(0))));
    }
    assertThat(replayed.newOrderId()).isEqualTo(live.newOrderId());
    assertThat(replayed.newSeatId()).isEqualTo(live.newSeatId());
    assertThat(replayed.turn).isEqualTo(2);
  }

  /** Connection flags are not part of the recorded state. */
  private static SessionView disconnected(SessionView view) {
    SessionView.Builder b = view.toBuilder();
    b.getSeatsBuilderList().forEach(s -> s.setConnected(false));
    return b.build();
  }
}
