package org.entente.server.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.server.session.TurnsTest.add;
import static org.entente.server.session.TurnsTest.ready;
import static org.entente.server.session.TurnsTest.reports;
import static org.entente.server.session.TurnsTest.start;

import java.util.List;
import org.entente.proto.protocol.v1.ClientMessage;
import org.entente.proto.protocol.v1.Event;
import org.entente.proto.protocol.v1.GetView;
import org.entente.proto.protocol.v1.SeatInfo;
import org.entente.proto.protocol.v1.SeatStatus;
import org.entente.server.testing.EmbeddedHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A team is ready when every connected member says so; the game master and the team see each member's state. */
class TeamReadinessTest {
  private final EmbeddedHarness harness = new EmbeddedHarness();

  @AfterEach
  void releaseBuffers() {
    harness.close();
  }

  private static List<SeatStatus> statuses(EmbeddedHarness.Client c) {
    c.poll();
    return c.events.stream().filter(Event::hasSeatStatus).map(Event::getSeatStatus).toList();
  }

  @Test
  void oneMemberReadyDoesNotResolveBothDo() {
    EmbeddedHarness.Client gm = harness.gameMaster(2);
    EmbeddedHarness.Client ani = harness.player(gm.joinCode, "Ani", "ARM");
    EmbeddedHarness.Client aram = harness.player(gm.joinCode, "Aram", "ARM");
    gm.request(start());

    assertThat(ani.request(ready(1, true)).hasOk()).isTrue();
    gm.poll();
    assertThat(reports(gm)).as("Aram is still drafting").isEmpty();
    assertThat(statuses(aram))
        .last()
        .satisfies(
            s -> {
              assertThat(s.getSeatId()).isEqualTo(ani.seatId);
              assertThat(s.getReadyTurn()).isEqualTo(1);
              assertThat(s.getReason()).isEqualTo("ready");
            });
    List<SeatInfo> seats =
        aram.request(ClientMessage.newBuilder().setGetView(GetView.getDefaultInstance()))
            .getView()
            .getSeatsList();
    assertThat(seats)
        .filteredOn(SeatInfo::getReady)
        .extracting(SeatInfo::getDisplayName)
        .containsExactly("Ani");

    assertThat(aram.request(ready(1, true)).hasOk()).isTrue();
    gm.poll();
    assertThat(reports(gm))
        .singleElement()
        .satisfies(r -> assertThat(r.getTurnReport().getCause()).isEqualTo("ALL_READY"));
  }

  @Test
  void aDraftChangeUnreadiesEveryMember() {
    EmbeddedHarness.Client gm = harness.gameMaster(2);
    EmbeddedHarness.Client ani = harness.player(gm.joinCode, "Ani", "ARM");
    EmbeddedHarness.Client aram = harness.player(gm.joinCode, "Aram", "ARM");
    gm.request(start());
    ani.request(ready(1, true));
    aram.request(add(1, "FREEZE CSTO"));
    assertThat(statuses(gm))
        .last()
        .satisfies(
            s -> {
              assertThat(s.getSeatId()).isEqualTo(ani.seatId);
              assertThat(s.getReadyTurn()).isZero();
              assertThat(s.getReason()).isEqualTo("the orders changed");
            });
    aram.request(ready(1, true));
    gm.poll();
    assertThat(reports(gm)).as("Ani has to say ready again").isEmpty();
  }

  @Test
  void aDisconnectedMemberDoesNotBlockAndTheGameMasterIsTold() {
    EmbeddedHarness.Client gm = harness.gameMaster(2);
    EmbeddedHarness.Client ani = harness.player(gm.joinCode, "Ani", "ARM");
    EmbeddedHarness.Client aram = harness.player(gm.joinCode, "Aram", "ARM");
    gm.request(start());
    ani.request(ready(1, true));
    gm.poll();
    assertThat(reports(gm)).isEmpty();

    aram.channel.close();
    gm.poll();
    assertThat(statuses(gm))
        .anySatisfy(
            s -> {
              assertThat(s.getSeatId()).isEqualTo(aram.seatId);
              assertThat(s.getConnected()).isFalse();
              assertThat(s.getReason()).isEqualTo("connection lost");
            });
    assertThat(reports(gm)).as("the only connected member is ready").singleElement();
    assertThat(statuses(ani))
        .anySatisfy(s -> assertThat(s.getReason()).isEqualTo("connection lost"));
  }
}
