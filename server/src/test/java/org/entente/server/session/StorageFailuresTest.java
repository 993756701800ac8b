package org.entente.server.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.entente.proto.protocol.v1.Channel;
import org.entente.proto.protocol.v1.ErrorCode;
import org.entente.proto.protocol.v1.ServerMessage;
import org.entente.server.testing.MemoryStorage;
import org.entente.server.testing.MutableClock;
import org.junit.jupiter.api.Test;

/**
 * A storage failure stops only what it may have harmed: running out of descriptors fails at
 * most the request that met it, and a failed fsync stops acknowledging in its own session.
 */
class StorageFailuresTest {
  private final MemoryStorage disk =
      new MemoryStorage(7).withDirectory(DurableRig.DATA.resolve("sessions"));
  private final DurableRig rig;

  StorageFailuresTest() throws Exception {
    rig = new DurableRig(disk, new MutableClock(0));
  }

  private Path dir(String code) {
    return DurableRig.DATA.resolve("sessions").resolve(rig.session(code).sessionId());
  }

  /** A session with a game master and a player, in the lobby. */
  private String session(DurableRig.Client gm, DurableRig.Client player) {
    String code = rig.create(gm, 0, 0).getSessionCreated().getJoinCode();
    assertThat(rig.join(player, code, 0, "Ani", "ARM").hasJoined()).isTrue();
    return code;
  }

  @Test
  void noDescriptorForANewSnapshotKeepsTheOldOneAndTheNextChangeTakesTheSnapshot()
      throws Exception {
    DurableRig.Client gm = new DurableRig.Client();
    DurableRig.Client ani = new DurableRig.Client();
    String code = session(gm, ani);
    disk.failOpens("state-", 1);

    ServerMessage started = gm.request(TurnsTest.start(), 0); // opens turn 1: its snapshot
    assertThat(disk.list(dir(code)))
        .containsExactly("events-00000000000000000001.log", "state-00000000000000000000.bin");
    ServerMessage next = ani.request(NegotiationTest.say(Channel.PUBLIC, "", "still here"), 0);

    assertThat(started.hasError()).as(started.toString()).isFalse();
    assertThat(next.hasError()).as(next.toString()).isFalse();
    assertThat(disk.list(dir(code)))
        .hasSize(2)
        .contains("events-00000000000000000001.log")
        .noneMatch(name -> name.equals("state-00000000000000000000.bin"));
    DurableRig restarted = new DurableRig(disk.afterPowerLoss(), new MutableClock(0));
    assertThat(DurableRig.texts(restarted.session(code))).containsExactly("still here");
    assertThat(restarted.session(code).state.phase).isEqualTo(Phase.RUNNING);
  }

  @Test
  void noDescriptorForANewSessionsFilesRefusesThatCreationOnly() throws Exception {
    String other = session(new DurableRig.Client(), new DurableRig.Client());
    disk.failOpens("state-", 1);

    ServerMessage refused = rig.create(new DurableRig.Client(), 0, 0);
    ServerMessage again = rig.create(new DurableRig.Client(), 0, 0);

    assertThat(refused.getError().getCode()).isEqualTo(ErrorCode.STORAGE_UNAVAILABLE);
    assertThat(refused.getError().getMessage())
        .isEqualTo("The server could not save the new session; try again.");
    assertThat(again.hasSessionCreated()).isTrue();
    assertThat(rig.lobby.sessionCount()).isEqualTo(2);
    assertThat(rig.join(new DurableRig.Client(), other, 0, "Ivan", "RUS").hasJoined()).isTrue();
  }

  @Test
  void aFailedFsyncStopsItsOwnSessionOnly() throws Exception {
    DurableRig.Client gmA = new DurableRig.Client();
    DurableRig.Client ani = new DurableRig.Client();
    String a = session(gmA, ani);
    DurableRig.Client gmB = new DurableRig.Client();
    DurableRig.Client bob = new DurableRig.Client();
    String b = session(gmB, bob);
    gmA.request(TurnsTest.start(), 0);
    gmB.request(TurnsTest.start(), 0);

    disk.failForcesAfter(0);
    ServerMessage lost = ani.request(NegotiationTest.say(Channel.PUBLIC, "", "lost?"), 0);
    disk.failForcesAfter(Integer.MAX_VALUE);
    ServerMessage inB = bob.request(NegotiationTest.say(Channel.PUBLIC, "", "fine in B"), 0);
    ServerMessage stillA = ani.request(NegotiationTest.say(Channel.PUBLIC, "", "and now?"), 0);

    assertThat(lost.getError().getCode()).isEqualTo(ErrorCode.STORAGE_UNAVAILABLE);
    assertThat(stillA.getError().getCode()).isEqualTo(ErrorCode.STORAGE_UNAVAILABLE);
    assertThat(inB.hasError()).as(inB.toString()).isFalse();
    assertThat(rig.writer.failed()).isTrue();
    DurableRig restarted = new DurableRig(disk.afterPowerLoss(), new MutableClock(0));
    assertThat(DurableRig.texts(restarted.session(a))).doesNotContain("lost?", "and now?");
    assertThat(DurableRig.texts(restarted.session(b))).containsExactly("fine in B");
  }
}
