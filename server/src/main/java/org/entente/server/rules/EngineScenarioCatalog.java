package org.entente.server.rules;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.Optional;
import org.entente.engine.model.Scenario;
import org.entente.scenarios.BuiltInScenarios;
import org.entente.scenarios.LoadResult;
import org.entente.scenarios.Problem;
import org.entente.scenarios.ScenarioLoader;

/**
 * The scenarios of the {@code scenarios} module: the built-in ones, loaded once at
 * construction and shared by every session (they are immutable), and files sent by game
 * masters, validated by the same loader as {@code ./entente scenario validate}.
 */
public final class EngineScenarioCatalog implements ScenarioCatalog {
  private final ImmutableMap<String, Scenario> builtIns;

  public EngineScenarioCatalog() {
    ImmutableMap.Builder<String, Scenario> loaded = ImmutableMap.builder();
    for (String id : BuiltInScenarios.ids()) {
      loaded.put(id, BuiltInScenarios.load(id));
    }
    this.builtIns = loaded.buildOrThrow();
  }

  @Override
  public ImmutableList<ScenarioInfo> builtIns() {
    return builtIns.values().stream()
        .map(EngineSessionRules::describe)
        .collect(ImmutableList.toImmutableList());
  }

  @Override
  public Optional<Loaded> loadBuiltIn(String id) {
    return Optional.ofNullable(builtIns.get(id)).map(EngineScenarioCatalog::loaded);
  }

  @Override
  public Loaded loadFile(String fileName, String text) {
    LoadResult result = ScenarioLoader.load(fileName, text);
    if (result.scenario().isPresent()) {
      return loaded(result.scenario().get());
    }
    ImmutableList<String> problems =
        result.errors().stream().map(Problem::toString).collect(ImmutableList.toImmutableList());
    return new Loaded() {
      @Override
      public ImmutableList<String> problems() {
        return problems;
      }

      @Override
      public ScenarioInfo info() {
        throw new IllegalStateException("the scenario did not load");
      }

      @Override
      public SessionRules newSession() {
        throw new IllegalStateException("the scenario did not load");
      }
    };
  }

  private static Loaded loaded(Scenario scenario) {
    ScenarioInfo info = EngineSessionRules.describe(scenario);
    return new Loaded() {
      @Override
      public ImmutableList<String> problems() {
        return ImmutableList.of();
      }

      @Override
      public ScenarioInfo info() {
        return info;
      }

      @Override
      public SessionRules newSession() {
        return new EngineSessionRules(scenario);
      }
    };
  }
}
