package org.entente.server.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.util.concurrent.MoreExecutors;
import java.security.SecureRandom;
import java.time.Duration;
import org.entente.server.lobby.Lobby;
import org.entente.server.testing.FakeRules;
import org.entente.server.testing.MemoryStorage;
import org.entente.server.testing.MutableClock;
import org.junit.jupiter.api.Test;

/** A session nobody started and nobody is in is ended after the idle time, like any ended session. */
class IdleSessionsTest {
  private static final Duration IDLE = Lobby.Admission.DEFAULT_IDLE_SESSION_TIMEOUT;
  private final MemoryStorage disk =
      new MemoryStorage(7).withDirectory(DurableRig.DATA.resolve("sessions"));
  private final MutableClock clock = new MutableClock(0);
  private final DurableRig rig;

  IdleSessionsTest() throws Exception {
    rig = new DurableRig(disk, clock);
  }

  /** Lets the clock run {@code d}, firing the timers due on the way (the idle check reschedules itself). */
  private void wait(Duration d) {
    clock.advance(d.toMillis());
    rig.scheduler.fireAll();
  }

  private String abandoned() {
    DurableRig.Client gm = new DurableRig.Client();
    String code = rig.create(gm, 0, 0).getSessionCreated().getJoinCode();
    GameSession s = rig.session(code);
    s.detach(gm.seatId, gm.link);
    return code;
  }

  @Test
  void aSessionNobodyStartedAndNobodyIsInEndsAfterTheIdleTimeAndIsDroppedLater() {
    String code = abandoned();
    wait(IDLE.minusMinutes(1));
    assertThat(rig.session(code).state.phase).isEqualTo(Phase.WAITING);

    wait(Duration.ofMinutes(1));
    assertThat(rig.session(code).state.phase).isEqualTo(Phase.ENDED);
    assertThat(rig.scheduler.live())
        .singleElement()
        .satisfies(t -> assertThat(t.delay()).isEqualTo(Lobby.ENDED_SESSION_RETENTION));
    rig.scheduler.fireAll();
    assertThat(rig.lobby.find(code)).isEmpty();
  }

  @Test
  void someoneConnectedKeepsItOpenAndTheIdleTimeCountsFromWhenTheyLeft() {
    DurableRig.Client gm = new DurableRig.Client();
    String code = rig.create(gm, 0, 0).getSessionCreated().getJoinCode();
    wait(IDLE.multipliedBy(3));
    assertThat(rig.session(code).state.phase).isEqualTo(Phase.WAITING);

    rig.session(code).detach(gm.seatId, gm.link);
    wait(IDLE.minusMinutes(1));
    assertThat(rig.session(code).state.phase).isEqualTo(Phase.WAITING);
    wait(Duration.ofMinutes(1));
    assertThat(rig.session(code).state.phase).isEqualTo(Phase.ENDED);
  }

  @Test
  void aStartedSessionIsNeverEndedForBeingIdle() {
    DurableRig.Client gm = new DurableRig.Client();
    String code = rig.create(gm, 0, 0).getSessionCreated().getJoinCode();
    gm.request(TurnsTest.start(), 0);
    rig.session(code).detach(gm.seatId, gm.link);
    wait(IDLE.multipliedBy(2));
    assertThat(rig.session(code).state.phase).isEqualTo(Phase.RUNNING);
    assertThat(rig.scheduler.live()).isEmpty();
  }

  @Test
  void theEndIsJournalledAndTheTimeIsConfigurable() throws Exception {
    DurableRig.Client gm = new DurableRig.Client();
    Lobby quick =
        new Lobby(
            FakeRules.catalog(),
            MoreExecutors.directExecutor(),
            rig.scheduler,
            clock,
            new SecureRandom(),
            rig.writer,
            Lobby.Admission.inline().withIdleSessionTimeout(Duration.ofMinutes(5)));
    quick.create(
        gm.link,
        1,
        org.entente.proto.protocol.v1.CreateSession.newBuilder()
            .setBuiltinScenarioId("test-crisis")
            .build(),
        gm);
    String code = gm.response(1).getSessionCreated().getJoinCode();
    gm.session.detach(gm.seatId, gm.link);
    wait(Duration.ofMinutes(5));
    assertThat(gm.session.state.phase).isEqualTo(Phase.ENDED);

    DurableRig restarted = new DurableRig(disk.afterPowerLoss(), new MutableClock(0));
    assertThat(restarted.session(code).state.phase).isEqualTo(Phase.ENDED);
  }
}
