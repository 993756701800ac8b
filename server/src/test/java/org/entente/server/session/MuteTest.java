package org.entente.server.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.entente.engine.report.Viewer;
import org.entente.proto.protocol.v1.Channel;
import org.entente.proto.protocol.v1.ClientMessage;
import org.entente.proto.protocol.v1.ErrorCode;
import org.entente.proto.protocol.v1.MuteSeat;
import org.entente.proto.protocol.v1.SeatInfo;
import org.entente.proto.protocol.v1.ServerMessage;
import org.entente.server.testing.MemoryStorage;
import org.entente.server.testing.MutableClock;
import org.junit.jupiter.api.Test;

/** The game master can mute a player: their messages are refused, their orders still count, and it lasts across a restart. */
class MuteTest {
  private final MemoryStorage disk =
      new MemoryStorage(7).withDirectory(DurableRig.DATA.resolve("sessions"));
  private final DurableRig rig;
  private final DurableRig.Client gm = new DurableRig.Client();
  private final DurableRig.Client bob = new DurableRig.Client();
  private final String code;

  MuteTest() throws Exception {
    rig = new DurableRig(disk, new MutableClock(0));
    code = rig.create(gm, 0, 0).getSessionCreated().getJoinCode();
    rig.join(bob, code, 0, "Bob", "ARM");
    gm.request(TurnsTest.start(), 0);
  }

  private ServerMessage mute(long seatId, boolean muted) {
    return gm.request(
        ClientMessage.newBuilder()
            .setMuteSeat(MuteSeat.newBuilder().setSeatId(seatId).setMuted(muted)),
        0);
  }

  private static SeatInfo seatIn(GameSession s, long seatId) {
    return Views.view(s.state, Viewer.GAME_MASTER, s.rules.snapshot()).getSeatsList().stream()
        .filter(i -> i.getSeatId() == seatId)
        .findFirst()
        .orElseThrow();
  }

  @Test
  void aMutedPlayersMessagesAreRefusedButTheirOrdersCount() {
    assertThat(mute(bob.seatId, true).hasOk()).isTrue();

    ServerMessage said = bob.request(NegotiationTest.say(Channel.PUBLIC, "", "spam"), 0);
    assertThat(said.getError().getCode()).isEqualTo(ErrorCode.PERMISSION_DENIED);
    assertThat(said.getError().getMessage()).isEqualTo("The game master has muted you.");
    assertThat(bob.request(TurnsTest.add(1, "FREEZE CSTO"), 0).hasDraftUpdated()).isTrue();
    assertThat(seatIn(rig.session(code), bob.seatId).getMuted()).isTrue();
    assertThat(bob.link.sent)
        .anySatisfy(m -> assertThat(m.getEvent().getSeatMuted().getMuted()).isTrue());
    assertThat(DurableRig.texts(rig.session(code))).isEmpty();
  }

  @Test
  void unmutingLetsThemSpeakAgain() {
    mute(bob.seatId, true);
    assertThat(mute(bob.seatId, false).hasOk()).isTrue();

    assertThat(bob.request(NegotiationTest.say(Channel.PUBLIC, "", "sorry"), 0).hasHistoryPage())
        .isTrue();
    assertThat(seatIn(rig.session(code), bob.seatId).getMuted()).isFalse();
  }

  @Test
  void aMuteLastsAcrossARestart() throws Exception {
    mute(bob.seatId, true);
    DurableRig restarted = new DurableRig(disk.afterPowerLoss(), new MutableClock(0));
    DurableRig.Client back = new DurableRig.Client();
    assertThat(restarted.resume(back, code, bob.token, 0).hasResumed()).isTrue();

    assertThat(
            back.request(NegotiationTest.say(Channel.PUBLIC, "", "again"), 0)
                .getError()
                .getMessage())
        .isEqualTo("The game master has muted you.");
    assertThat(seatIn(restarted.session(code), bob.seatId).getMuted()).isTrue();
  }

  @Test
  void onlyPlayersThatExistCanBeMuted() {
    assertThat(mute(99, true).getError().getCode()).isEqualTo(ErrorCode.NOT_FOUND);
    ServerMessage self = mute(gm.seatId, true);
    assertThat(self.getError().getCode()).isEqualTo(ErrorCode.INVALID_REQUEST);
    assertThat(self.getError().getMessage())
        .isEqualTo("Only players can be muted; seat " + gm.seatId + " is the game master's.");
  }
}
