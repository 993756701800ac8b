package org.entente.server.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.entente.proto.protocol.v1.ClientMessage;
import org.entente.proto.protocol.v1.ErrorCode;
import org.entente.proto.protocol.v1.RemoveSeat;
import org.entente.proto.protocol.v1.ServerMessage;
import org.entente.server.testing.MemoryStorage;
import org.entente.server.testing.MutableClock;
import org.junit.jupiter.api.Test;

/** Two seats of a session never show the same name, or two names that look the same. */
class SeatNamesTest {
  private final DurableRig rig;
  private final DurableRig.Client gm = new DurableRig.Client();
  private final String code;

  SeatNamesTest() throws Exception {
    rig =
        new DurableRig(
            new MemoryStorage(7).withDirectory(DurableRig.DATA.resolve("sessions")),
            new MutableClock(0));
    code = rig.create(gm, 0, 0).getSessionCreated().getJoinCode(); // the game master is "Teacher"
  }

  private ServerMessage join(String name, String country) {
    return rig.join(new DurableRig.Client(), code, 0, name, country);
  }

  private ServerMessage spectate(String name) {
    DurableRig.Client c = new DurableRig.Client();
    rig.session(code).join(c.link, 1, Role.SPECTATOR, name, "", c);
    return c.response(1);
  }

  private static void assertTaken(ServerMessage response, String name) {
    assertThat(response.getError().getCode()).isEqualTo(ErrorCode.INVALID_REQUEST);
    assertThat(response.getError().getMessage())
        .isEqualTo("The name '" + name + "' is taken in this session; choose another.");
  }

  @Test
  void aNameTakenInAnyCaseOrByALookAlikeIsRefused() {
    assertThat(join("Bob", "ARM").hasJoined()).isTrue();

    assertTaken(join("bob", "RUS"), "bob");
    assertTaken(join("BOB", "RUS"), "BOB");
    assertTaken(join("\u0412\u043eb", "RUS"), "\u0412\u043eb"); // Cyrillic Ve and o
    assertTaken(spectate("B\u043eb"), "B\u043eb");
    assertThat(rig.session(code).state.seats()).hasSize(2);
  }

  @Test
  void theGameMastersNameCounts() {
    assertTaken(join("teacher", "ARM"), "teacher");
    assertTaken(spectate("Teacher"), "Teacher");
  }

  @Test
  void aRemovedSeatFreesItsName() {
    long bob = join("Bob", "ARM").getJoined().getSeatId();
    assertThat(
            gm.request(
                    ClientMessage.newBuilder()
                        .setRemoveSeat(RemoveSeat.newBuilder().setSeatId(bob)),
                    0)
                .hasOk())
        .isTrue();

    ServerMessage again = join("bob", "RUS");
    assertThat(again.hasJoined()).isTrue();
    assertThat(again.getJoined().getSeatId()).isNotEqualTo(bob);
  }
}
