package org.entente.bench;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.entente.engine.Engine;
import org.entente.engine.TurnResult;
import org.entente.engine.model.Scenario;
import org.entente.engine.order.Order;
import org.entente.engine.state.GameState;
import org.entente.scenarios.BuiltInScenarios;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Resolving one turn. Run: {@code ./mvnw -B -q -pl benchmarks -am package -DskipTests && java -jar
 * benchmarks/target/benchmarks.jar TurnBenchmarks}. Targets (issue 2): the built-in scenario with a
 * full set of orders in 50 µs or less; 200 countries, 20 organisations, 2,000 orders in 20 ms or
 * less, growing no faster than n log n in orders.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TurnBenchmarks {

  @State(Scope.Benchmark)
  public static class BuiltIn {
    Scenario scenario;
    GameState state;
    Map<String, List<Order>> orders;

    @Setup(Level.Trial)
    public void setUp() {
      scenario = BuiltInScenarios.load("armenia-csto-2024");
      state = GameState.initial(scenario);
      orders = BuiltInOrders.fullSet(scenario, state);
    }
  }

  @State(Scope.Benchmark)
  public static class Synthetic {
    /** Countries; organisations are a tenth, orders ten per country. */
    @Param({"25", "50", "100", "200"})
    int countries;

    Scenario scenario;
    GameState state;
    Map<String, List<Order>> orders;

    @Setup(Level.Trial)
    public void setUp() {
      scenario = SyntheticScenario.build(countries, countries / 10);
      state = GameState.initial(scenario);
      orders = SyntheticScenario.orders(scenario, 10, 7);
    }
  }

  /** 200 countries and 20 organisations, with 1 to 10 orders per country: cost against orders alone. */
  @State(Scope.Benchmark)
  public static class Orders200 {
    @Param({"1", "2", "5", "10"})
    int ordersPerCountry;

    Scenario scenario;
    GameState state;
    Map<String, List<Order>> orders;

    @Setup(Level.Trial)
    public void setUp() {
      scenario = SyntheticScenario.build(200, 20);
      state = GameState.initial(scenario);
      orders = SyntheticScenario.orders(scenario, ordersPerCountry, 7);
    }
  }

  @Benchmark
  public TurnResult builtInFullOrders(BuiltIn s) {
    return Engine.resolve(s.scenario, s.state, s.orders, 1);
  }

  @Benchmark
  public TurnResult synthetic(Synthetic s) {
    return Engine.resolve(s.scenario, s.state, s.orders, 1);
  }

  @Benchmark
  public TurnResult synthetic200ByOrders(Orders200 s) {
    return Engine.resolve(s.scenario, s.state, s.orders, 1);
  }
}
