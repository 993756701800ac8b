package org.entente.scenarios;

import java.util.List;
import java.util.Optional;
import org.entente.engine.model.Scenario;

/**
 * The outcome of loading a scenario file: every problem found, the parsed file when it parsed,
 * and the engine scenario when there were no errors.
 *
 * @param scenario present exactly when {@link #errors()} is empty
 * @param proto the parsed file, present when the text parsed (possibly with unknown fields
 *     skipped, which are reported as errors)
 * @param problems errors and warnings, ordered by line and column
 */
public record LoadResult(
    Optional<Scenario> scenario,
    Optional<org.entente.proto.scenario.v1.Scenario> proto,
    List<Problem> problems) {
  public LoadResult {
    problems = List.copyOf(problems);
  }

  public boolean ok() {
    return scenario.isPresent();
  }

  public List<Problem> errors() {
    return problems.stream().filter(Problem::isError).toList();
  }

  public List<Problem> warnings() {
    return problems.stream().filter(p -> !p.isError()).toList();
  }

  /** Every problem, one {@code FILE:LINE:COL: ...} line each. */
  public String report() {
    StringBuilder sb = new StringBuilder();
    problems.forEach(p -> sb.append(p).append('\n'));
    return sb.toString();
  }
}
