package org.entente.server.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.entente.debrief.GameRecord;
import org.entente.engine.Engine;
import org.entente.engine.TurnResult;
import org.entente.engine.model.Scenario;
import org.entente.engine.order.Order;
import org.entente.engine.order.OrderCheck;
import org.entente.engine.report.Viewer;
import org.entente.proto.protocol.v1.AssignBot;
import org.entente.proto.protocol.v1.Briefing;
import org.entente.proto.protocol.v1.Channel;
import org.entente.proto.protocol.v1.ClientMessage;
import org.entente.proto.protocol.v1.DebriefFormat;
import org.entente.proto.protocol.v1.ExportRecord;
import org.entente.proto.protocol.v1.ForceResolution;
import org.entente.proto.protocol.v1.RecordExport;
import org.entente.proto.protocol.v1.ServerMessage;
import org.entente.scenarios.BuiltInScenarios;
import org.entente.server.rules.Debrief;
import org.entente.server.rules.EngineSessionRules;
import org.entente.server.rules.GameSnapshot;
import org.entente.server.rules.InjectedEvent;
import org.entente.server.rules.RecordedMessage;
import org.entente.server.rules.RecordedSeat;
import org.entente.server.rules.ResolvedTurn;
import org.entente.server.rules.ScenarioInfo;
import org.entente.server.rules.SessionRules;
import org.junit.jupiter.api.Test;

/**
 * The engine's rules keep no record of past turns: the debrief replays the session's rules
 * steps on fresh rules. It is the debrief the server rendered when it collected the record
 * during play, byte for byte, in every format; and a session restored from any of its snapshots
 * exports the same debrief.
 */
class DebriefFromTheGamesInputsTest {
  private static final Scenario SCENARIO = BuiltInScenarios.load("armenia-csto-2024");

  private static final List<DebriefFormat> FORMATS =
      List.of(
          DebriefFormat.DEBRIEF_FORMAT_MARKDOWN,
          DebriefFormat.DEBRIEF_FORMAT_HTML,
          DebriefFormat.DEBRIEF_FORMAT_STUDENTS_CSV,
          DebriefFormat.DEBRIEF_FORMAT_QUANTITIES_CSV);

  @Test
  void theReplayedDebriefIsTheOneCollectedDuringPlay() {
    CollectedDuringPlay rules = new CollectedDuringPlay();
    SessionTable t = play(rules);
    assertThat(t.session.state.phase).isEqualTo(Phase.ENDED);
    assertThat(t.session.rulesSteps.steps())
        .as("the bots sealed orders")
        .anyMatch(s -> s instanceof RulesSteps.Resolved r && !r.orders().get("AZE").isEmpty());

    for (boolean includePrivate : List.of(false, true)) {
      for (DebriefFormat format : FORMATS) {
        String replayed = export(t, format, includePrivate);
        assertThat(replayed)
            .as(format + (includePrivate ? " with private messages" : ""))
            .isEqualTo(text(rules.collected(), format));
      }
    }
    Debrief collected = rules.collected();
    assertThat(collected.turns()).isEqualTo(3);
    assertThat(collected.markdown())
        .contains("News from the game master: Early news.")
        .contains("News from the game master: Border clash.")
        .contains("News from the game master: Late news.")
        .contains("deal?", "hello all");
    assertThat(collected.studentsCsv()).contains("\r\nbot AZE,,AZE,bot,", "\r\nbot USA,,USA,bot,");
  }

  @Test
  void aSessionRestoredFromAnySnapshotExportsTheLiveSessionsDebrief() throws Exception {
    SessionTable live = play(new EngineSessionRules(SCENARIO));
    byte[] token = live.seat("Teacher").token;
    assertThat(live.journal.snapshots).hasSizeGreaterThan(3);
    for (int i = 0; i < live.journal.snapshots.size(); i++) {
      SessionTable restored = SessionTable.restore(live, i, () -> new EngineSessionRules(SCENARIO));
      assertThat(restored.resume("Teacher", token, live.session.state.lastSeq()).hasResumed())
          .isTrue();
      for (DebriefFormat format : FORMATS) {
        assertThat(export(restored, format, true))
            .as("from snapshot " + i + ", " + format)
            .isEqualTo(export(live, format, true));
      }
    }
  }

  /**
   * Three turns, the last one final: two students, two bots and a country nobody plays; injects
   * before the game, during turn 1 (one with its own actor) and during the last turn; public,
   * private and team messages.
   */
  private static SessionTable play(SessionRules rules) {
    SessionTable t = SessionTable.open(rules);
    t.seatGameMaster("Teacher", 0);
    ok(t.join("Ani", Role.PLAYER, "ARM", 0));
    ok(t.join("Ivan", Role.PLAYER, "RUS", 0));
    ok(t.send("Teacher", StateSnapshotTest.inject("Early news", "sec(ARM)", 2)));
    ok(t.send("Teacher", bot("AZE")));
    ok(t.send("Teacher", bot("USA")));
    ok(t.send("Teacher", TurnsTest.start()));
    ok(t.send("Ani", TurnsTest.add(1, "STATEMENT RUS REASSURE")));
    ok(t.send("Ivan", NegotiationTest.say(Channel.PRIVATE, "ARM", "deal?")));
    ok(t.send("Ivan", NegotiationTest.say(Channel.PUBLIC, "", "hello all")));
    ok(t.send("Teacher", StateSnapshotTest.inject("Border clash", "sec(ARM)", -5)));
    ok(t.send("Teacher", injectFor("AZE", "Oil find", "dom(self)", 3)));
    ok(t.send("Ani", TurnsTest.ready(1, true)));
    ok(t.send("Ivan", TurnsTest.ready(1, true))); // turn 1 resolves
    ok(t.send("Ani", TurnsTest.add(2, "JOINT_EXERCISE USA")));
    ok(t.send("Ani", NegotiationTest.say(Channel.TEAM, "", "ours")));
    ok(t.send("Teacher", force())); // turn 2 resolves
    ok(t.send("Ivan", TurnsTest.add(3, "STATEMENT ARM REASSURE")));
    ok(t.send("Teacher", StateSnapshotTest.inject("Late news", "dom(RUS)", 1)));
    ok(t.send("Teacher", force())); // the last turn resolves
    return t;
  }

  private static void ok(ServerMessage response) {
    assertThat(response.hasError()).as(response.toString()).isFalse();
  }

  private static ClientMessage.Builder bot(String country) {
    return ClientMessage.newBuilder().setAssignBot(AssignBot.newBuilder().setCountry(country));
  }

  private static ClientMessage.Builder force() {
    return ClientMessage.newBuilder().setForceResolution(ForceResolution.getDefaultInstance());
  }

  private static ClientMessage.Builder injectFor(
      String actor, String title, String target, int delta) {
    ClientMessage.Builder m = StateSnapshotTest.inject(title, target, delta);
    m.getInjectEventBuilder().setActor(actor);
    return m;
  }

  /** The whole export in {@code format}, chunk by chunk. */
  private static String export(SessionTable t, DebriefFormat format, boolean includePrivate) {
    StringBuilder text = new StringBuilder();
    while (true) {
      ServerMessage r =
          t.send(
              "Teacher",
              ClientMessage.newBuilder()
                  .setExportRecord(
                      ExportRecord.newBuilder()
                          .setFormat(format)
                          .setIncludePrivateMessages(includePrivate)
                          .setOffset(text.length())));
      assertThat(r.hasRecordExport()).as(r.toString()).isTrue();
      RecordExport chunk = r.getRecordExport();
      text.append(chunk.getText());
      if (text.length() >= chunk.getTotalChars()) {
        return text.toString();
      }
    }
  }

  private static String text(Debrief debrief, DebriefFormat format) {
    return switch (format) {
      case DEBRIEF_FORMAT_MARKDOWN -> debrief.markdown();
      case DEBRIEF_FORMAT_STUDENTS_CSV -> debrief.studentsCsv();
      case DEBRIEF_FORMAT_QUANTITIES_CSV -> debrief.quantitiesCsv();
      default -> debrief.html();
    };
  }

  /**
   * The engine's rules, and beside them the debrief's record collected during play as the server
   * used to: each turn resolved by the engine from the state before it, and the scenario with
   * each inject. Its {@link #collected} debrief renders that record with what the last export
   * passed (messages, planned turns, roster).
   */
  private static final class CollectedDuringPlay implements SessionRules {
    private final EngineSessionRules live = new EngineSessionRules(SCENARIO);
    private final GameRecord.Builder record = GameRecord.builder(SCENARIO, live.state());
    private List<RecordedMessage> messages = List.of();
    private List<RecordedSeat> seats = List.of();
    private int plannedTurns;

    Debrief collected() {
      return EngineSessionRules.render(record.plannedTurns(plannedTurns).build(), messages, seats);
    }

    @Override
    public ResolvedTurn resolve(
        Map<String, List<Order>> ordersByActor, long seed, boolean finalTurn) {
      Map<String, List<Order>> orders = new LinkedHashMap<>(ordersByActor);
      TurnResult result =
          Engine.resolve(
              live.playedScenario(),
              live.state(),
              orders,
              seed,
              finalTurn ? Engine.Options.DEFAULT.asFinalTurn() : Engine.Options.DEFAULT);
      record.turn(orders, result);
      ResolvedTurn turn = live.resolve(ordersByActor, seed, finalTurn);
      assertThat(turn.lines()).isEqualTo(result.report().lines());
      return turn;
    }

    @Override
    public void apply(InjectedEvent event) {
      live.apply(event);
      record.scenario(live.playedScenario());
    }

    @Override
    public Debrief debrief(
        GameInputs game,
        List<RecordedMessage> messages,
        int plannedTurns,
        List<RecordedSeat> seats) {
      this.messages = ImmutableList.copyOf(messages);
      this.seats = ImmutableList.copyOf(seats);
      this.plannedTurns = plannedTurns;
      return live.debrief(game, messages, plannedTurns, seats);
    }

    @Override
    public ScenarioInfo scenario() {
      return live.scenario();
    }

    @Override
    public OrderCheck check(String actor, List<Order> draft, String text) {
      return live.check(actor, draft, text);
    }

    @Override
    public OrderCheck check(List<Order> draft, Order candidate) {
      return live.check(draft, candidate);
    }

    @Override
    public GameSnapshot snapshot() {
      return live.snapshot();
    }

    @Override
    public Briefing briefing(Viewer viewer, int turns) {
      return live.briefing(viewer, turns);
    }

    @Override
    public ImmutableList<String> validate(InjectedEvent event) {
      return live.validate(event);
    }

    @Override
    public BotTurn botTurn(String actor, long seed, List<Order> offers) {
      return live.botTurn(actor, seed, offers);
    }
  }
}
