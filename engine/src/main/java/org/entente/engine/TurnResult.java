package org.entente.engine;

import java.util.List;
import java.util.Optional;
import org.entente.engine.report.Report;
import org.entente.engine.state.GameState;

/**
 * What resolving a turn produced: the next state, the report (viewed per viewer with
 * {@link Report#linesFor}), and every role's objective score on the new state.
 */
public record TurnResult(GameState state, Report report, List<Score> scores) {
  public TurnResult {
    scores = List.copyOf(scores);
  }

  public Optional<Score> scoreOf(String actor) {
    return scores.stream().filter(s -> s.actor().equals(actor)).findFirst();
  }
}
