package org.entente.server.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.entente.proto.protocol.v1.Channel;
import org.entente.proto.protocol.v1.ClientMessage;
import org.entente.proto.protocol.v1.ErrorCode;
import org.entente.proto.protocol.v1.Event;
import org.entente.proto.protocol.v1.GetView;
import org.entente.proto.protocol.v1.LeaveSession;
import org.entente.proto.protocol.v1.RemoveSeat;
import org.entente.proto.protocol.v1.Resume;
import org.entente.proto.protocol.v1.Role;
import org.entente.proto.protocol.v1.ServerMessage;
import org.entente.server.testing.EmbeddedHarness;
import org.junit.jupiter.api.Test;

class ReconnectTest {
  private final EmbeddedHarness harness = new EmbeddedHarness();

  @org.junit.jupiter.api.AfterEach
  void releaseBuffers() {
    harness.close();
  }

  static ClientMessage.Builder resume(String code, String token, long lastSeq) {
    return ClientMessage.newBuilder()
        .setResume(Resume.newBuilder().setJoinCode(code).setToken(token).setLastSeq(lastSeq));
  }

  @Test
  void aReconnectingSeatReceivesExactlyTheEventsItMissedThatItMaySee() {
    EmbeddedHarness.Client gm = harness.gameMaster(3);
    EmbeddedHarness.Client ani = harness.player(gm.joinCode, "Ani", "ARM");
    EmbeddedHarness.Client ivan = harness.player(gm.joinCode, "Ivan", "RUS");
    EmbeddedHarness.Client leyla = harness.player(gm.joinCode, "Leyla", "AZE");
    ani.poll();
    long seen = ani.lastSeq();
    ani.channel.close();

    ivan.request(NegotiationTest.say(Channel.PRIVATE, "ARM", "to Armenia"));
    ivan.request(NegotiationTest.say(Channel.PRIVATE, "AZE", "to Azerbaijan"));
    leyla.request(NegotiationTest.say(Channel.PUBLIC, "", "public"));
    ivan.request(NegotiationTest.say(Channel.TEAM, "", "russian team"));
    gm.request(TurnsTest.start());
    ivan.request(TurnsTest.add(1, "FREEZE CSTO"));

    EmbeddedHarness.Client back = harness.helloClient();
    ServerMessage resumed = back.request(resume(ani.joinCode.toLowerCase(), ani.token, seen));
    assertThat(resumed.getResumed().getSeatId()).isEqualTo(ani.seatId);
    assertThat(resumed.getResumed().getCountry()).isEqualTo("ARM");
    assertThat(resumed.getResumed().getRole()).isEqualTo(Role.PLAYER);
    assertThat(resumed.getResumed().getReplayed()).isEqualTo(4);
    // The four she missed, then her return as her team sees it.
    assertThat(back.events).hasSize(5);
    assertThat(back.events.get(4).getSeatStatus().getReason()).isEqualTo("reconnected");
    // Her own drop, as her team (and the game master) saw it.
    assertThat(back.events.get(0).getSeatStatus().getReason()).isEqualTo("connection lost");
    assertThat(back.events.get(1).getMessage().getText()).isEqualTo("to Armenia");
    assertThat(back.events.get(2).getMessage().getText()).isEqualTo("public");
    assertThat(back.events.get(3).hasPhaseChanged()).isTrue();
    assertThat(back.events).extracting(Event::getSeq).isSorted().allMatch(s -> s > seen);

    ivan.request(NegotiationTest.say(Channel.PUBLIC, "", "live again"));
    back.poll();
    assertThat(back.events.get(back.events.size() - 1).getMessage().getText())
        .isEqualTo("live again");
  }

  @Test
  void aSecondConnectionWithTheSameTokenReplacesTheFirst() {
    EmbeddedHarness.Client gm = harness.gameMaster(3);
    EmbeddedHarness.Client first = harness.player(gm.joinCode, "Ani", "ARM");
    EmbeddedHarness.Client second = harness.helloClient();
    assertThat(second.request(resume(first.joinCode, first.token, 0)).hasResumed()).isTrue();
    first.poll();
    assertThat(first.unsolicited)
        .singleElement()
        .satisfies(m -> assertThat(m.getError().getCode()).isEqualTo(ErrorCode.REPLACED));
    assertThat(first.channel.isActive()).isFalse();
    assertThat(
            second
                .request(ClientMessage.newBuilder().setGetView(GetView.getDefaultInstance()))
                .getView()
                .getViewerCountry())
        .isEqualTo("ARM");
  }

  @Test
  void theGameMasterTokenResumesTheGameMasterSeat() {
    EmbeddedHarness.Client gm = harness.gameMaster(3);
    gm.channel.close();
    EmbeddedHarness.Client back = harness.helloClient();
    ServerMessage resumed = back.request(resume(gm.joinCode, gm.token, 0));
    assertThat(resumed.getResumed().getRole()).isEqualTo(Role.GAME_MASTER);
    assertThat(back.request(TurnsTest.start()).hasOk()).isTrue();
  }

  @Test
  void aTokenFromOneSessionIsUselessInAnother() {
    EmbeddedHarness.Client gmA = harness.gameMaster(3);
    EmbeddedHarness.Client gmB = harness.gameMaster(3);
    EmbeddedHarness.Client aniA = harness.player(gmA.joinCode, "Ani", "ARM");
    EmbeddedHarness.Client thief = harness.helloClient();
    ServerMessage refused = thief.request(resume(gmB.joinCode, aniA.token, 0));
    assertThat(refused.getError().getCode()).isEqualTo(ErrorCode.INVALID_TOKEN);
    assertThat(refused.getError().getMessage())
        .isEqualTo("This token does not belong to a seat in this session.");
    assertThat(thief.request(resume(gmB.joinCode, gmA.token, 0)).getError().getCode())
        .isEqualTo(ErrorCode.INVALID_TOKEN);
    assertThat(thief.request(resume(gmA.joinCode, gmA.token, 0)).getResumed().getRole())
        .isEqualTo(Role.GAME_MASTER);
  }

  @Test
  void aRemovedOrDepartedSeatsTokenStopsWorking() {
    EmbeddedHarness.Client gm = harness.gameMaster(3);
    EmbeddedHarness.Client ani = harness.player(gm.joinCode, "Ani", "ARM");
    EmbeddedHarness.Client ivan = harness.player(gm.joinCode, "Ivan", "RUS");
    gm.poll();
    long beforeRemovals = gm.lastSeq();
    assertThat(
            gm.request(
                    ClientMessage.newBuilder()
                        .setRemoveSeat(RemoveSeat.newBuilder().setSeatId(ani.seatId)))
                .hasOk())
        .isTrue();
    ani.poll();
    assertThat(ani.unsolicited)
        .singleElement()
        .satisfies(
            m ->
                assertThat(m.getError().getMessage())
                    .isEqualTo("The game master removed you from the session."));
    assertThat(ani.channel.isActive()).isFalse();
    assertThat(
            harness.helloClient().request(resume(ani.joinCode, ani.token, 0)).getError().getCode())
        .isEqualTo(ErrorCode.INVALID_TOKEN);

    assertThat(
            ivan.request(
                    ClientMessage.newBuilder().setLeaveSession(LeaveSession.getDefaultInstance()))
                .hasOk())
        .isTrue();
    assertThat(ivan.channel.isActive()).isFalse();
    assertThat(
            harness
                .helloClient()
                .request(resume(ivan.joinCode, ivan.token, 0))
                .getError()
                .getCode())
        .isEqualTo(ErrorCode.INVALID_TOKEN);
    gm.poll();
    assertThat(gm.events)
        .filteredOn(Event::hasSeatRemoved)
        .extracting(e -> e.getSeatRemoved().getSeatId())
        .containsExactly(ani.seatId, ivan.seatId);

    // The game master, reconnecting from before the removals, is replayed exactly them, in order.
    EmbeddedHarness.Client back = harness.helloClient();
    ServerMessage resumed = back.request(resume(gm.joinCode, gm.token, beforeRemovals));
    assertThat(resumed.getResumed().getReplayed()).isEqualTo(2);
    assertThat(back.events)
        .extracting(Event::getKindCase, Event::getSeq, e -> e.getSeatRemoved().getSeatId())
        .containsExactly(
            tuple(Event.KindCase.SEAT_REMOVED, beforeRemovals + 1, ani.seatId),
            tuple(Event.KindCase.SEAT_REMOVED, beforeRemovals + 2, ivan.seatId));
  }
}
