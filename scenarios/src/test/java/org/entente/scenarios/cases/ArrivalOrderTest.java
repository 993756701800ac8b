package org.entente.scenarios.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.entente.engine.Engine;
import org.entente.engine.model.Scenario;
import org.entente.engine.order.Order;
import org.entente.engine.report.Report;
import org.entente.engine.state.GameState;
import org.entente.proto.scenario.v1.TestCase;
import org.entente.scenarios.BuiltInScenarios;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The same orders give the same result whatever order they arrived in: every permutation of a
 * turn's orders (which also permutes the actors' order in the map) gives identical state hashes
 * and identical reports for every turn.
 */
class ArrivalOrderTest {
  private static final Scenario SCENARIO = BuiltInScenarios.load("armenia-csto-2024");

  /** The outcome of a whole case: every turn's report and the final hash. */
  private record Outcome(List<Report> reports, String hash) {}

  @ParameterizedTest
  @ValueSource(
      strings = {
        "MEDIATION_CREDIT_FOR_PEACE_STEP",
        "SIGN_AT_70_WITH_MEDIATOR",
        "TWO_MEMBERS_CALL_ON_EACH_OTHER",
        "OWN_NOTICE_BEATS_RESUME_COST_SPENT",
        "NOTICE_AND_INCURSION_SAME_TURN",
        "RUSSIA_MILITARY_SAME_TURN_CLOSES_EARLY",
        "SUSPENSION_PROPOSED_IN_NOTICE_TURN_IS_MOOT",
        "OWN_WITHHOLD_DUES_BEATS_RESUME",
        "AZE_TERMS_BOTH_STEPS"
      })
  void everyPermutationOfEveryTurnGivesTheSameResult(String caseId) {
    TestCase c = conformanceCase(caseId);
    CaseRunner.Prepared prepared = CaseRunner.prepare(SCENARIO, c);
    assertThat(prepared.errors()).isEmpty();
    Outcome expected = play(prepared, prepared.turns());
    int checked = 0;
    for (int turn = 0; turn < prepared.turns().size(); turn++) {
      List<Order> flat = flatten(prepared.turns().get(turn));
      for (List<Order> permutation : permutations(flat)) {
        List<Map<String, List<Order>>> turns = new ArrayList<>(prepared.turns());
        turns.set(turn, byFirstAppearance(permutation));
        assertThat(play(prepared, turns))
            .as("%s, turn %d, arrival %s", caseId, turn + 1, permutation)
            .isEqualTo(expected);
        checked++;
      }
    }
    assertThat(checked).isGreaterThan(1);
  }

  @Test
  void shuffledFullGameGivesTheSameResult() {
    CaseFiles.Loaded loaded = CaseFiles.under("recorded", "full-game.cases.textproto").get(0);
    CaseRunner.Prepared prepared = CaseRunner.prepare(SCENARIO, loaded.file().getCases(0));
    Outcome expected = play(prepared, prepared.turns());
    Random random = new Random(20240612L);
    for (int round = 0; round < 40; round++) {
      List<Map<String, List<Order>>> turns = new ArrayList<>();
      for (Map<String, List<Order>> turn : prepared.turns()) {
        List<Order> flat = flatten(turn);
        Collections.shuffle(flat, random);
        turns.add(byFirstAppearance(flat));
      }
      assertThat(play(prepared, turns)).as("shuffle round %d", round).isEqualTo(expected);
    }
  }

  private static Outcome play(CaseRunner.Prepared prepared, List<Map<String, List<Order>>> turns) {
    GameState state = prepared.start();
    List<Report> reports = new ArrayList<>();
    for (int i = 0; i < turns.size(); i++) {
      var r = Engine.resolve(SCENARIO, state, turns.get(i), 0, prepared.options().get(i));
      reports.add(r.report());
      state = r.state();
    }
    return new Outcome(reports, state.hash());
  }

  private static List<Order> flatten(Map<String, List<Order>> byActor) {
    List<Order> flat = new ArrayList<>();
    byActor.values().forEach(flat::addAll);
    return flat;
  }

  /** Groups orders by actor, actors in the order they first appear: permutes the map's order too. */
  private static Map<String, List<Order>> byFirstAppearance(List<Order> orders) {
    Map<String, List<Order>> out = new LinkedHashMap<>();
    for (Order o : orders) {
      out.computeIfAbsent(o.actor(), k -> new ArrayList<>()).add(o);
    }
    return out;
  }

  private static List<List<Order>> permutations(List<Order> items) {
    List<List<Order>> out = new ArrayList<>();
    permute(new ArrayList<>(items), 0, out);
    return out;
  }

  private static void permute(List<Order> a, int k, List<List<Order>> out) {
    if (k == a.size()) {
      out.add(List.copyOf(a));
      return;
    }
    for (int i = k; i < a.size(); i++) {
      Collections.swap(a, k, i);
      permute(a, k + 1, out);
      Collections.swap(a, k, i);
    }
  }

  private static TestCase conformanceCase(String id) {
    for (CaseFiles.Loaded loaded : CaseFiles.under("conformance", ".cases.textproto")) {
      for (TestCase c : loaded.file().getCasesList()) {
        if (c.getId().equals(id)) {
          return c;
        }
      }
    }
    throw new AssertionError("no conformance case " + id + " in " + Set.of("conformance/"));
  }
}
