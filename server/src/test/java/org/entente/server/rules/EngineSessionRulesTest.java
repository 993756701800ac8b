package org.entente.server.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.entente.engine.model.OrderKind;
import org.entente.engine.order.Order;
import org.entente.engine.order.OrderCheck;
import org.entente.engine.report.Report;
import org.entente.engine.report.ReportLine;
import org.entente.engine.report.Visibility;
import org.entente.engine.state.GameState;
import org.entente.proto.scenario.v1.Press;
import org.entente.server.testing.Reachable;
import org.entente.server.testing.SmallScenario;
import org.junit.jupiter.api.Test;

class EngineSessionRulesTest {
  private final EngineSessionRules rules = new EngineSessionRules(SmallScenario.build());

  @Test
  void describesTheScenarioForTheLobby() {
    ScenarioInfo info = rules.scenario();
    assertThat(info.id()).isEqualTo("small-test");
    assertThat(info.defaultPress()).isEqualTo(Press.FULL);
    assertThat(info.playableCountryIds()).containsExactly("ARM", "RUS");
    assertThat(info.isPlayable("KAZ")).isFalse();
  }

  @Test
  void typedAndStructuredOrdersAreCheckedAlike() {
    OrderCheck typed = rules.check("ARM", List.of(), "resume csto");
    assertThat(typed.verdict()).isEqualTo(OrderCheck.Verdict.ACCEPTED);
    assertThat(typed.order().orElseThrow().toText()).isEqualTo("RESUME CSTO");
    assertThat(typed.order().orElseThrow().kind()).isEqualTo(OrderKind.RESUME);
    OrderCheck structured =
        rules.check(List.of(), Order.of("ARM", OrderKind.RESUME).withOrg("csto"));
    assertThat(structured).isEqualTo(typed);
  }

  @Test
  void refusalsCarryTheEnginesTypedReason() {
    OrderCheck notUnderstood = rules.check("ARM", List.of(), "DANCE CSTO");
    assertThat(notUnderstood.verdict()).isEqualTo(OrderCheck.Verdict.NOT_UNDERSTOOD);
    assertThat(notUnderstood.reason()).isNotBlank();
    OrderCheck notAllowed = rules.check("RUS", List.of(), "FREEZE CSTO");
    assertThat(notAllowed.verdict()).isEqualTo(OrderCheck.Verdict.NOT_ALLOWED);
    assertThat(notAllowed.reason()).contains("may not use FREEZE");
    OrderCheck structured =
        rules.check(List.of(), Order.of("RUS", OrderKind.FREEZE).withOrg("CSTO"));
    assertThat(structured).isEqualTo(notAllowed);
  }

  @Test
  void resolvingAdvancesTheStateAndReportsWithVisibilities() {
    Order resume = rules.check("ARM", List.of(), "RESUME CSTO").order().orElseThrow();
    Order dues = Order.of("ARM", OrderKind.WITHHOLD_DUES).withOrg("CSTO");
    Order statement =
        rules.check("RUS", List.of(), "STATEMENT ARM CRITICISE \"No.\"").order().orElseThrow();
    ResolvedTurn turn =
        rules.resolve(Map.of("ARM", List.of(resume, dues), "RUS", List.of(statement)), 42);
    assertThat(turn.turn()).isEqualTo(1);
    assertThat(rules.state().turn()).isEqualTo(1);
    assertThat(turn.lines())
        .extracting(ReportLine::visibility, ReportLine::render)
        .containsExactly(
            tuple(Visibility.PUBLIC, "T1 (July 2024) runs from 14 June to 31 July 2024."),
            tuple(
                Visibility.PUBLIC,
                "The CSTO loses credibility (-2) and cohesion (-2): 1 member has frozen its participation."
                    + " [docs/rules.md, section 3 (a frozen member costs its organisation every turn)]"),
            tuple(Visibility.PUBLIC, "Russia criticised Armenia: \"No.\""),
            tuple(
                Visibility.actors("ARM"),
                "Void: Armenia's RESUME CSTO contradicts its WITHHOLD_DUES CSTO; the more binding act"
                    + " wins and the order's cost is spent. [docs/rules.md, section 4 (conflict rules)]"),
            tuple(Visibility.PUBLIC, "Armenia stopped paying its dues to the CSTO."));
  }

  @Test
  void theSnapshotIsMadeOnceAStateAndAgainWhenTheStateMoves() {
    GameSnapshot first = rules.snapshot();
    assertThat(rules.snapshot()).as("nothing changed: the same snapshot").isSameAs(first);
    Order dues = Order.of("ARM", OrderKind.WITHHOLD_DUES).withOrg("CSTO");
    rules.resolve(Map.of("ARM", List.of(dues), "RUS", List.of()), 42);
    GameSnapshot second = rules.snapshot();
    assertThat(second.turn()).isEqualTo(1);
    assertThat(second).isNotEqualTo(first);
    EngineSessionRules same = new EngineSessionRules(SmallScenario.build());
    same.resolve(Map.of("ARM", List.of(dues), "RUS", List.of()), 42);
    assertThat(second).as("the kept snapshot is the state's").isEqualTo(same.snapshot());

    rules.quiet();
    GameSnapshot afterQuiet = rules.snapshot();
    assertThat(afterQuiet).as("made again after a quiet spell").isNotSameAs(second);
    assertThat(afterQuiet).isEqualTo(second);
  }

  @Test
  void injectsAreValidatedLikeScenarioEventsAndApplyAtTheNextResolution() {
    ImmutableList<String> problems =
        rules.validate(
            new InjectedEvent(
                "Clash",
                "Shots.",
                "",
                ImmutableList.of(
                    new InjectedEvent.Effect("sec(ARM)", -5),
                    new InjectedEvent.Effect("mood(ARM)", 1),
                    new InjectedEvent.Effect("sec(self)", 1),
                    new InjectedEvent.Effect("sec(XYZ)", 1))));
    assertThat(problems).hasSize(3);
    assertThat(problems.get(0)).startsWith("effect 2 ('mood(ARM)'): ");
    assertThat(problems.get(1)).isEqualTo("effect 3 ('sec(self)'): 'self' needs the event's actor");
    assertThat(problems.get(2)).startsWith("effect 4 ('sec(XYZ)'): ");
    assertThat(rules.validate(new InjectedEvent("Clash", "Shots.", "NOPE", ImmutableList.of())))
        .containsExactly("actor: 'NOPE' is not an actor in this scenario");

    InjectedEvent clash =
        new InjectedEvent(
            "Border clash",
            "Shots at the border.",
            "ARM",
            ImmutableList.of(new InjectedEvent.Effect("sec(self)", -7)));
    assertThat(rules.validate(clash)).isEmpty();
    int before = rules.state().sec("ARM");
    rules.apply(clash);
    ResolvedTurn turn = rules.resolve(Map.of(), 1);
    assertThat(rules.state().sec("ARM")).isEqualTo(before - 7);
    // The inject is news from the game master with its effects, for everyone; the change it makes,
    // with its cause, for the country it touches.
    assertThat(turn.lines())
        .extracting(ReportLine::visibility, ReportLine::render)
        .contains(
            tuple(
                Visibility.PUBLIC,
                "News from the game master: Border clash. Shots at the border."
                    + " Effects: Armenia's security (SEC) -7."))
        .contains(
            tuple(
                Visibility.actors("ARM"),
                "Armenia's security (SEC): "
                    + before
                    + " → "
                    + (before - 7)
                    + " (-7 news from the game master: Border clash)."));
    assertThat(turn.lines())
        .extracting(ReportLine::render)
        .noneMatch(r -> r.contains("[scheduled event]"));
  }

  /**
   * The calls of a game of {@code turns} turns, the last one final: Armenia's and Russia's orders
   * every turn, and an inject every tenth turn.
   */
  private List<Consumer<SessionRules>> game(int turns) {
    Order resume = rules.check("ARM", List.of(), "RESUME CSTO").order().orElseThrow();
    Order statement = rules.check("RUS", List.of(), "STATEMENT ARM REASSURE").order().orElseThrow();
    List<Consumer<SessionRules>> calls = new ArrayList<>();
    for (int turn = 1; turn <= turns; turn++) {
      if (turn % 10 == 0) {
        InjectedEvent news =
            new InjectedEvent(
                "Clash " + turn,
                "Shots.",
                "",
                ImmutableList.of(new InjectedEvent.Effect("sec(ARM)", -1)));
        calls.add(r -> r.apply(news));
      }
      long seed = turn;
      boolean last = turn == turns;
      calls.add(
          r -> r.resolve(Map.of("ARM", List.of(resume), "RUS", List.of(statement)), seed, last));
    }
    return calls;
  }

  /** The session keeps the game's inputs; the rules keep no state, report or order of past turns. */
  @Test
  void theRulesKeepTheCurrentStateOnlyWhateverTheTurnsResolved() {
    game(30).forEach(call -> call.accept(rules));
    assertThat(rules.state().turn()).isEqualTo(30);

    Reachable kept = Reachable.from(rules);
    assertThat(kept.count(GameState.class)).isEqualTo(1);
    assertThat(kept.count(Report.class)).isZero();
    assertThat(kept.count(ReportLine.class)).isZero();
    assertThat(kept.count(Order.class)).isZero();
  }

  @Test
  void theDebriefReplaysTheGamesInputsOnFreshRules() {
    List<Consumer<SessionRules>> game = game(30);
    game.forEach(call -> call.accept(rules));

    Debrief debrief =
        rules.debrief(fresh -> game.forEach(call -> call.accept(fresh)), List.of(), 30, List.of());
    assertThat(debrief.turns()).isEqualTo(30);
    assertThat(debrief.markdown())
        .contains("### T1 (", "### T30 (")
        .contains("News from the game master: Clash 10.", "News from the game master: Clash 30.");
    assertThat(rules.state().turn()).as("the session's rules are untouched").isEqualTo(30);
  }

  @Test
  void aDebriefOfInputsThatAreNotThisGamesIsAProgrammingError() {
    game(2).forEach(call -> call.accept(rules));

    assertThatThrownBy(
            () -> rules.debrief(fresh -> fresh.resolve(Map.of(), 1), List.of(), 3, List.of()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "the game's inputs rebuild a different state (turn 1) from this game's (turn 2)");
  }
}
