package org.entente.server.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.protobuf.CodedOutputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.entente.engine.model.OrderKind;
import org.entente.engine.order.Order;
import org.entente.proto.journal.v1.SessionHeader;
import org.entente.proto.journal.v1.SessionStateRecord;
import org.entente.proto.journal.v1.Snapshot;
import org.entente.proto.scenario.v1.Press;
import org.entente.server.rules.InjectedEvent;
import org.entente.server.rules.SessionRules;
import org.entente.server.testing.FakeRules;
import org.junit.jupiter.api.Test;

/**
 * A session of many turns keeps its rules steps as the bytes a snapshot holds them in: the
 * memory they take grows by each step's encoded size and nothing more, and a snapshot copies
 * them as they are.
 */
class RulesStepsTest {
  private static final List<String> COUNTRIES = FakeRules.SCENARIO.playableCountryIds();

  /** Turn {@code turn}'s sealed orders: two statements from each playable country. */
  private static ImmutableMap<String, List<Order>> orders(int turn) {
    ImmutableMap.Builder<String, List<Order>> all = ImmutableMap.builder();
    for (String country : COUNTRIES) {
      all.put(
          country,
          ImmutableList.of(
              Order.of(country, OrderKind.STATEMENT)
                  .withTarget("ARM")
                  .withOption(turn % 2 == 0 ? "REASSURE" : "CRITICISE"),
              Order.of(country, OrderKind.STATEMENT).withTarget("RUS").withOption("REASSURE")));
    }
    return all.build();
  }

  private static InjectedEvent news(int turn) {
    return new InjectedEvent(
        "News of turn " + turn,
        "Something happened.",
        "",
        ImmutableList.of(new InjectedEvent.Effect("sec(ARM)", -1)));
  }

  /** 119 turns, each with two injects before it resolves; returns the steps made, in order. */
  private static List<RulesSteps.Step> play(RulesSteps steps) {
    List<RulesSteps.Step> made = new ArrayList<>();
    for (int turn = 1; turn <= 119; turn++) {
      for (int i = 0; i < 2; i++) {
        steps.inject(news(turn), turn);
        made.add(new RulesSteps.Injected(news(turn), turn));
      }
      steps.resolve(turn, orders(turn), 1000L + turn, false);
      made.add(new RulesSteps.Resolved(turn, 1000L + turn, false, orders(turn)));
    }
    return made;
  }

  @Test
  void theStepsOfManyTurnsTakeTheirEncodedSizeAndDecodeToWhatWasMade() {
    RulesSteps steps = new RulesSteps(new FakeRules());
    List<RulesSteps.Step> made = play(steps);

    int encoded = made.stream().mapToInt(s -> StateCodec.stepBytes(s).length).sum();
    assertThat(steps.encodedBytes()).isEqualTo(encoded);
    // Ten statements and two injects a turn: a few hundred bytes, not kilobytes of objects.
    assertThat(steps.encodedBytes()).isLessThan(119 * 600);
    assertThat(steps.steps()).isEqualTo(made);
  }

  @Test
  void packedTheyTakeAFractionOfTheirSizeAndComeBackTheSame() throws Exception {
    RulesSteps steps = new RulesSteps(new FakeRules());
    List<RulesSteps.Step> made = play(steps);
    int encoded = steps.encodedBytes();
    byte[] plain = written(steps);

    steps.pack();

    assertThat(steps.heldBytes()).isLessThan(encoded / 5);
    assertThat(steps.encodedBytes()).isEqualTo(encoded);
    assertThat(written(steps)).isEqualTo(plain);
    assertThat(steps.heldBytes()).as("inflated again for the snapshot").isEqualTo(encoded);
    steps.pack();
    assertThat(steps.steps()).isEqualTo(made);
    steps.pack();
    steps.resolve(120, orders(120), 7, true);
    assertThat(steps.steps())
        .hasSize(made.size() + 1)
        .startsWith(made.toArray(RulesSteps.Step[]::new))
        .endsWith(new RulesSteps.Resolved(120, 7, true, orders(120)));
  }

  @Test
  void aSessionNobodyIsConnectedToKeepsItsStepsPacked() {
    SessionTable t = SessionTable.open(new FakeRules());
    t.seatGameMaster("Teacher", 0);
    t.join("Ani", Role.PLAYER, "ARM", 0);
    t.send("Teacher", TurnsTest.start());
    RulesSteps steps = t.session.rulesSteps;
    t.session.execute(() -> play(steps)); // a long game's steps, on the session's thread
    assertThat(steps.heldBytes()).isEqualTo(steps.encodedBytes());

    t.detach("Ani");
    assertThat(steps.heldBytes()).as("a seat is still connected").isEqualTo(steps.encodedBytes());
    t.detach("Teacher");

    assertThat(steps.heldBytes()).isLessThan(steps.encodedBytes() / 5);
    // A task that needs them while nobody is connected (a timed turn) packs them again.
    t.session.execute(() -> assertThat(steps.steps()).isNotEmpty());
    assertThat(steps.heldBytes()).isLessThan(steps.encodedBytes() / 5);
  }

  private static byte[] written(RulesSteps steps) throws Exception {
    byte[] out = new byte[steps.encodedBytes()];
    CodedOutputStream o = CodedOutputStream.newInstance(out);
    steps.writeTo(o);
    o.checkNoSpaceLeft();
    return out;
  }

  @Test
  void theyHoldNoObjectPerStepOnlyTheirBytes() {
    // Every field of a RulesSteps is its rules, a number, or an array of bytes (the steps
    // encoded, or packed): nothing that could hold a step, an order or a list of them.
    for (Field field : RulesSteps.class.getDeclaredFields()) {
      if (Modifier.isStatic(field.getModifiers())) {
        continue;
      }
      assertThat(
              field.getType().isPrimitive()
                  || field.getType() == byte[].class
                  || field.getType() == SessionRules.class)
          .as(field.getName() + " of type " + field.getType().getName())
          .isTrue();
    }
  }

  @Test
  void aSnapshotCopiesTheStepsAndParsesAsTheStateWithThem() throws Exception {
    SessionTable t = SessionTable.open(new FakeRules());
    List<RulesSteps.Step> made = play(t.session.rulesSteps);
    Snapshot withoutState =
        Snapshot.newBuilder()
            .setHeader(SessionHeader.newBuilder().setSessionId("s1"))
            .setTurn(120)
            .setLastSeq(7)
            .build();

    byte[] bytes = StateCodec.snapshot(withoutState, t.session.state, t.session.rulesSteps);

    Snapshot parsed = Snapshot.parseFrom(bytes);
    assertThat(parsed.toBuilder().clearState().build()).isEqualTo(withoutState);
    SessionStateRecord state = parsed.getState();
    assertThat(state.getRulesStepsCount()).isEqualTo(made.size());
    assertThat(state.getTurn()).isEqualTo(t.session.state.turn);
    assertThat(state.getDraftsCount()).isEqualTo(COUNTRIES.size());
    SessionState restored =
        new SessionState(
            "s1",
            "ABCDEF",
            FakeRules.SCENARIO,
            120,
            Press.FULL,
            DeadlinePolicy.gameMasterAdvanced(),
            9);
    assertThat(StateCodec.decode(state, 7, restored)).isEqualTo(made);
    // The steps' bytes are in the snapshot as they are kept.
    byte[] kept =
        made.stream().map(StateCodec::stepBytes).reduce(new byte[0], RulesStepsTest::concat);
    assertThat(Arrays.copyOfRange(bytes, bytes.length - kept.length, bytes.length)).isEqualTo(kept);
  }

  @Test
  void theInjectsOfTheTurnAreCountedFromTheTurnsStart() {
    RulesSteps steps = new RulesSteps(new FakeRules());
    assertThat(steps.injectsIn(1)).isZero();
    steps.inject(news(1), 1);
    steps.inject(news(1), 1);
    assertThat(steps.injectsIn(1)).isEqualTo(2);
    steps.resolve(1, orders(1), 5, false);
    assertThat(steps.injectsIn(2)).isZero();
    steps.inject(news(2), 2);
    assertThat(steps.injectsIn(2)).isEqualTo(1);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] all = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}
