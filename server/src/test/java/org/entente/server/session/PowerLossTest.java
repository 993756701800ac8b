package org.entente.server.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;
import org.entente.proto.protocol.v1.Announce;
import org.entente.proto.protocol.v1.Channel;
import org.entente.proto.protocol.v1.ClientMessage;
import org.entente.proto.protocol.v1.ServerMessage;
import org.entente.server.testing.MemoryStorage;
import org.entente.server.testing.MutableClock;
import org.junit.jupiter.api.Test;

/**
 * A simulated power failure at every write, force and directory operation of a scripted
 * session (three seats, orders, messages, a resolved turn and its snapshot, announcements):
 * the disk comes back with only what was synced (plus a torn prefix of what was not), the
 * server recovers from it, and then every acknowledged request is there exactly once. The
 * clients then reconnect and retry every request that got no answer, with the same
 * idempotency keys, and every request is there exactly once. (A kill -9 cannot show this:
 * the page cache survives it.)
 */
class PowerLossTest {
  private static final long START = 1_700_000_000_000L;

  /** A request of the script: how to send it, and whether it is there after recovery. */
  private record Step(String who, ClientMessage.Builder message, long key, String check) {}

  private static List<Step> script() {
    List<Step> steps = new ArrayList<>();
    steps.add(
        new Step(
            "gm",
            ClientMessage.newBuilder()
                .setStartGame(org.entente.proto.protocol.v1.StartGame.getDefaultInstance()),
            30,
            "started"));
    for (int i = 0; i < 4; i++) {
      steps.add(
          new Step(
              "ani",
              NegotiationTest.say(Channel.PUBLIC, "", "ani says " + i),
              100 + i,
              "text:ani says " + i));
      steps.add(new Step("ivan", TurnsTest.add(1, "FREEZE O" + i), 200 + i, "order:O" + i));
      steps.add(
          new Step(
              "ivan",
              NegotiationTest.say(Channel.PRIVATE, "ARM", "ivan whispers " + i),
              300 + i,
              "text:ivan whispers " + i));
    }
    steps.add(new Step("ani", TurnsTest.ready(1, true), 400, "ready"));
    steps.add(new Step("ivan", TurnsTest.ready(1, true), 401, "ready"));
    steps.add(
        new Step(
            "gm",
            ClientMessage.newBuilder().setAnnounce(Announce.newBuilder().setText("turn two")),
            500,
            "text:turn two"));
    steps.add(new Step("ani", TurnsTest.add(2, "FREEZE T2"), 501, "order:T2"));
    steps.add(
        new Step(
            "ivan", NegotiationTest.say(Channel.PUBLIC, "", "last word"), 502, "text:last word"));
    return steps;
  }

  /** Runs the script on {@code storage}; returns the keys of the acknowledged requests. */
  private static final class Run {
    final DurableRig rig;
    final DurableRig.Client gm = new DurableRig.Client();
    final DurableRig.Client ani = new DurableRig.Client();
    final DurableRig.Client ivan = new DurableRig.Client();
    final List<Long> acked = new ArrayList<>();
    String code;

    Run(MemoryStorage storage) throws Exception {
      rig = new DurableRig(storage, new MutableClock(START));
      ServerMessage created = rig.create(gm, 1, 0);
      if (created == null || !created.hasSessionCreated()) {
        return;
      }
      acked.add(1L);
      code = created.getSessionCreated().getJoinCode();
      if (ok(() -> rig.join(ani, code, 2, "Ani", "ARM"))) {
        acked.add(2L);
      }
      if (ok(() -> rig.join(ivan, code, 3, "Ivan", "RUS"))) {
        acked.add(3L);
      }
      for (Step step : script()) {
        DurableRig.Client c = client(step.who());
        if (c.session != null && ok(() -> c.request(step.message().clone(), step.key()))) {
          acked.add(step.key());
        }
      }
    }

    DurableRig.Client client(String who) {
      return who.equals("gm") ? gm : who.equals("ani") ? ani : ivan;
    }

    static boolean ok(Supplier<ServerMessage> request) {
      ServerMessage response = request.get();
      return response != null && !response.hasError();
    }
  }

  @Test
  void everyAcknowledgedRequestSurvivesAPowerFailureAtEveryOperation() throws Exception {
    MemoryStorage whole = new MemoryStorage(0).withDirectory(DurableRig.DATA.resolve("sessions"));
    Run full = new Run(whole);
    int operations = whole.operations();
    assertThat(full.acked).hasSize(3 + script().size());
    assertThat(operations).isGreaterThan(30);
    for (int crash = 1; crash <= operations; crash++) {
      MemoryStorage storage =
          new MemoryStorage(crash)
              .withDirectory(DurableRig.DATA.resolve("sessions"))
              .crashAt(crash);
      Run run = new Run(storage);
      assertThat(storage.crashed()).isTrue();
      DurableRig after = new DurableRig(storage.afterPowerLoss(), new MutableClock(START + 60_000));
      String at = "power failure at operation " + crash + " of " + operations;
      String code = run.code != null ? run.code : full.code;
      GameSession session = run.code == null ? null : after.session(code);
      if (run.acked.contains(1L)) {
        assertThat(session).as(at).isNotNull();
      }
      if (session != null) {
        assertPresentOnce(session, run.acked, at);
      }
      retryEverything(after, run, at);
    }
  }

  /** Every acknowledged request's effect is in the recovered session, once. */
  private static void assertPresentOnce(GameSession session, List<Long> acked, String at) {
    SessionState state = session.state;
    if (acked.contains(2L)) {
      assertThat(state.seats().stream().filter(s -> s.name.equals("Ani")).count())
          .as(at)
          .isEqualTo(1);
    }
    if (acked.contains(3L)) {
      assertThat(state.seats().stream().filter(s -> s.name.equals("Ivan")).count())
          .as(at)
          .isEqualTo(1);
    }
    for (Step step : script()) {
      if (acked.contains(step.key())) {
        assertThat(count(session, step.check())).as(at + ": " + step.check()).isEqualTo(1);
      } else {
        assertThat(count(session, step.check()))
            .as(at + ": " + step.check())
            .isLessThanOrEqualTo(1);
      }
    }
  }

  private static long count(GameSession session, String check) {
    SessionState state = session.state;
    if (check.equals("started")) {
      return state.phase == Phase.WAITING ? 0 : 1;
    }
    if (check.equals("ready")) {
      long resolved =
          Histories.events(session).stream()
              .filter(e -> e instanceof SessionEvent.TurnResolved)
              .count();
      return Math.max(
          resolved, 1); // at most one resolution of turn 1; readiness itself is idempotent
    }
    if (check.startsWith("text:")) {
      String text = check.substring(5);
      return Histories.texts(session).stream().filter(text::equals).count();
    }
    String org = check.substring(6);
    List<Long> ids = new ArrayList<>();
    for (SessionEvent event : Histories.events(session)) {
      if (event instanceof SessionEvent.DraftEdited e) {
        e.draft().orders().stream()
            .filter(o -> o.order().org().equals(org))
            .map(DraftOrder::id)
            .filter(id -> !ids.contains(id))
            .forEach(ids::add);
      }
    }
    return ids.size();
  }

  /** The clients reconnect and retry what was not acknowledged, with the same keys: then everything is there once. */
  private static void retryEverything(DurableRig after, Run run, String at) {
    DurableRig.Client gm = new DurableRig.Client();
    ServerMessage created = after.create(gm, 1, 0);
    assertThat(created.hasSessionCreated()).as(at + ": " + created).isTrue();
    assertThat(after.lobby.sessionCount()).as(at).isEqualTo(1);
    String code = created.getSessionCreated().getJoinCode();
    DurableRig.Client ani = new DurableRig.Client();
    DurableRig.Client ivan = new DurableRig.Client();
    assertThat(after.join(ani, code, 2, "Ani", "ARM").hasJoined()).as(at).isTrue();
    assertThat(after.join(ivan, code, 3, "Ivan", "RUS").hasJoined()).as(at).isTrue();
    List<Long> done = new ArrayList<>(List.of(1L, 2L, 3L));
    for (Step step : script()) {
      DurableRig.Client c = step.who().equals("gm") ? gm : step.who().equals("ani") ? ani : ivan;
      ServerMessage response = c.request(step.message().clone(), step.key());
      if (run.acked.contains(step.key())) {
        assertThat(response.hasError())
            .as(at + ": a retry of an acknowledged request gets its first answer: " + response)
            .isFalse();
      }
      if (!response.hasError()) {
        done.add(step.key());
      }
    }
    assertPresentOnce(after.session(code), done, at + ", after the retries");
    assertThat(Collections.frequency(DurableRig.texts(after.session(code)), "last word"))
        .as(at)
        .isEqualTo(1);
  }
}
