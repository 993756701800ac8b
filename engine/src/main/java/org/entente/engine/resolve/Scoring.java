package org.entente.engine.resolve;

import java.util.ArrayList;
import java.util.List;
import org.entente.engine.CriterionResult;
import org.entente.engine.Score;
import org.entente.engine.expr.Bindings;
import org.entente.engine.model.Criterion;
import org.entente.engine.model.Objective;
import org.entente.engine.model.Scenario;
import org.entente.engine.state.GameState;

/** P10: each role's hidden objective scored out of 100 against a state. */
public final class Scoring {
  private Scoring() {}

  public static List<Score> score(Scenario scenario, GameState state) {
    List<Score> out = new ArrayList<>();
    for (Objective o : scenario.objectives()) {
      Bindings b = Bindings.of("self", o.actor());
      int total = 0;
      List<CriterionResult> results = new ArrayList<>();
      for (Criterion c : o.criteria()) {
        boolean met = c.condition().test(state, b);
        total += met ? c.points() : 0;
        results.add(new CriterionResult(c.id(), c.description(), c.points(), met));
      }
      out.add(new Score(o.actor(), total, results));
    }
    return List.copyOf(out);
  }
}
