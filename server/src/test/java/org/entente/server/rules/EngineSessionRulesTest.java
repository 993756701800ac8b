package org.entente.server.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import org.entente.server.testing.SmallScenario;
import java.util.List;
import java.util.Map;
import org.entente.proto.scenario.v1.Press;
import org.junit.jupiter.api.Test;

class EngineSessionRulesTest {
  private final EngineSessionRules rules = new EngineSessionRules(SmallScenario.build());

  private static Order text(String line) {
    return new Order("", "", "", "", "", "", "", line);
  }

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
    OrderCheck typed = rules.check("ARM", List.of(), text("resume csto"));
    assertThat(typed.outcome()).isEqualTo(OrderCheck.Outcome.ACCEPTED);
    assertThat(typed.canonicalText()).isEqualTo("RESUME CSTO");
    assertThat(typed.order().orElseThrow().kind()).isEqualTo("RESUME");
    OrderCheck structured = rules.check("ARM", List.of(), new Order("", "RESUME", "csto", "", "", "", "", ""));
    assertThat(structured).isEqualTo(typed);
  }

  @Test
  void refusalsCarryTheEnginesTypedReason() {
    OrderCheck notUnderstood = rules.check("ARM", List.of(), text("DANCE CSTO"));
    assertThat(notUnderstood.outcome()).isEqualTo(OrderCheck.Outcome.NOT_UNDERSTOOD);
    assertThat(notUnderstood.reason()).isNotBlank();
    OrderCheck notAllowed = rules.check("RUS", List.of(), text("FREEZE CSTO"));
    assertThat(notAllowed.outcome()).isEqualTo(OrderCheck.Outcome.NOT_ALLOWED);
    assertThat(notAllowed.reason()).contains("may not use FREEZE");
    OrderCheck unknownKind = rules.check("ARM", List.of(), new Order("", "DANCE", "", "", "", "", "", ""));
    assertThat(unknownKind.reason()).isEqualTo("Unknown order kind 'DANCE'.");
  }

  @Test
  void resolvingAdvancesTheStateAndReportsWithVisibilities() {
    Order freeze = rules.check("ARM", List.of(), text("RESUME CSTO")).order().orElseThrow();
    ResolvedTurn turn = rules.resolve(Map.of("ARM", List.of(freeze), "RUS", List.of()), 42);
    assertThat(turn.turn()).isEqualTo(1);
    assertThat(rules.state().turn()).isEqualTo(1);
    assertThat(turn.lines()).isNotEmpty();
  }

  @Test
  void injectsAreValidatedLikeScenarioEventsAndApplyAtTheNextResolution() {
    ImmutableList<String> problems = rules.validate(new InjectedEvent("Clash", "Shots.", "",
        ImmutableList.of(new InjectedEvent.Effect("sec(ARM)", -5), new InjectedEvent.Effect("mood(ARM)", 1),
            new InjectedEvent.Effect("sec(self)", 1), new InjectedEvent.Effect("sec(XYZ)", 1))));
    assertThat(problems).hasSize(3);
    assertThat(problems.get(0)).startsWith("effect 2 ('mood(ARM)'): ");
    assertThat(problems.get(1)).isEqualTo("effect 3 ('sec(self)'): 'self' needs the event's actor");
    assertThat(problems.get(2)).startsWith("effect 4 ('sec(XYZ)'): ");
    assertThat(rules.validate(new InjectedEvent("Clash", "Shots.", "NOPE", ImmutableList.of())))
        .containsExactly("actor: 'NOPE' is not an actor in this scenario");

    InjectedEvent clash = new InjectedEvent("Border clash", "Shots at the border.", "ARM",
        ImmutableList.of(new InjectedEvent.Effect("sec(self)", -7)));
    assertThat(rules.validate(clash)).isEmpty();
    int before = rules.state().sec("ARM");
    rules.apply(clash);
    ResolvedTurn turn = rules.resolve(Map.of(), 1);
    assertThat(rules.state().sec("ARM")).isEqualTo(before - 7);
    assertThat(turn.lines()).anySatisfy(l -> {
      assertThat(l.visibility()).isEqualTo(ReportLine.Visibility.PUBLIC);
      assertThat(l.text()).contains("Border clash");
    });
  }
}
