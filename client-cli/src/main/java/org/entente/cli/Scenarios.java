package org.entente.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import org.entente.engine.model.Scenario;
import org.entente.scenarios.BuiltInScenarios;
import org.entente.scenarios.LoadResult;
import org.entente.scenarios.Problem;
import org.entente.scenarios.ScenarioLoader;

/** Loading scenarios for commands: a file (problems printed) or the built-in one. */
final class Scenarios {
  static final String BUILT_IN = "armenia-csto-2024";

  private Scenarios() {}

  /** The scenario in {@code file}, or the built-in one if null; null (problems printed) if invalid. */
  static Scenario loadOrBuiltIn(Path file, PrintStream err) {
    if (file == null) {
      return BuiltInScenarios.load(BUILT_IN);
    }
    LoadResult r = ScenarioLoader.load(file);
    for (Problem p : r.problems()) {
      err.println(p);
    }
    return r.scenario().orElse(null);
  }
}
