package org.entente.engine.bot;

import com.google.common.collect.ImmutableMap;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;
import org.entente.engine.Engine;
import org.entente.engine.Score;
import org.entente.engine.Seeds;
import org.entente.engine.TurnResult;
import org.entente.engine.model.Actor;
import org.entente.engine.model.MemberStatus;
import org.entente.engine.model.Membership;
import org.entente.engine.model.OrderKind;
import org.entente.engine.model.Organisation;
import org.entente.engine.model.Scenario;
import org.entente.engine.order.Order;
import org.entente.engine.report.ReportLine;
import org.entente.engine.report.Visibility;
import org.entente.engine.state.GameState;

/**
 * Plays seeded games with every playable seat taken by a bot (or, for the baseline, some seats
 * by {@link RandomPlayer}s) and summarises them: each role's final objective score, how often
 * the key events happen, and which order kinds each role uses. The author's balance check
 * ({@code entente scenario simulate}). Pure and deterministic: the same arguments give the same
 * summary.
 */
public final class Simulation {
  /** Events whose frequency tells an author whether the scenario's story can happen. */
  public enum KeyEvent {
    NOTICE_GIVEN("notice given"),
    WITHDRAWAL_EFFECTIVE("withdrawal effective"),
    ASSISTANCE_REQUESTED("assistance requested"),
    ASSISTANCE_ANSWERED("assistance answered"),
    PEACE_SIGNED("peace signed");

    private final String label;

    KeyEvent(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /**
   * One role's results over all games: final scores, games in which each objective criterion
   * was met (in the objective's order), and the orders given by kind.
   */
  public record RoleStats(
      String actor,
      boolean random,
      List<Integer> scores,
      Map<String, Integer> criteriaMet,
      Map<OrderKind, Integer> orders) {
    public RoleStats {
      scores = List.copyOf(scores);
      criteriaMet = ImmutableMap.copyOf(criteriaMet);
      orders = ImmutableMap.copyOf(orders);
    }

    public double mean() {
      return scores.stream().mapToInt(Integer::intValue).average().orElse(0);
    }

    /** Population standard deviation. */
    public double standardDeviation() {
      double m = mean();
      return Math.sqrt(scores.stream().mapToDouble(s -> (s - m) * (s - m)).average().orElse(0));
    }

    public int min() {
      return scores.stream().mapToInt(Integer::intValue).min().orElse(0);
    }

    public int max() {
      return scores.stream().mapToInt(Integer::intValue).max().orElse(0);
    }

    public int totalOrders() {
      return orders.values().stream().mapToInt(Integer::intValue).sum();
    }
  }

  /** The summary of a run: per role (playable actors with an objective) and per key event. */
  public record Summary(
      int games, int turns, long seed, List<RoleStats> roles, Map<KeyEvent, Integer> events) {
    public Summary {
      roles = List.copyOf(roles);
      events = ImmutableMap.copyOf(events);
    }

    public RoleStats role(String actor) {
      return roles.stream().filter(r -> r.actor().equals(actor)).findFirst().orElseThrow();
    }
  }

  private final Scenario scenario;
  private final RandomPlayer randomPlayer;

  public Simulation(Scenario scenario) {
    this.scenario = scenario;
    this.randomPlayer = new RandomPlayer(scenario);
  }

  /**
   * Plays {@code games} games of {@code turns} turns. Game {@code g} uses a seed derived from
   * ({@code seed}, g), so runs with the same seed are comparable seat by seat. Seats in {@code
   * randomSeats} are played by random legal players, the other playable seats by bots.
   * {@code progress} receives the number of games finished after each game.
   */
  public Summary run(
      int games, int turns, long seed, Set<String> randomSeats, IntConsumer progress) {
    Map<String, List<Integer>> scores = new LinkedHashMap<>();
    Map<String, Map<String, Integer>> met = new LinkedHashMap<>();
    Map<String, Map<OrderKind, Integer>> usage = new LinkedHashMap<>();
    for (Actor a : scenario.playableActors()) {
      scenario
          .objectiveOf(a.id())
          .ifPresent(
              o -> {
                scores.put(a.id(), new ArrayList<>());
                Map<String, Integer> criteria = new LinkedHashMap<>();
                o.criteria().forEach(c -> criteria.put(c.id(), 0));
                met.put(a.id(), criteria);
                usage.put(a.id(), new EnumMap<>(OrderKind.class));
              });
    }
    Map<KeyEvent, Integer> events = new EnumMap<>(KeyEvent.class);
    for (KeyEvent e : KeyEvent.values()) {
      events.put(e, 0);
    }
    for (int g = 0; g < games; g++) {
      Set<KeyEvent> seen = EnumSet.noneOf(KeyEvent.class);
      GameState end = play(Seeds.game(seed, g), turns, randomSeats, usage, seen);
      for (Score s : Engine.score(scenario, end)) {
        List<Integer> list = scores.get(s.actor());
        if (list != null) {
          list.add(s.points());
          s.criteria().stream()
              .filter(c -> c.met())
              .forEach(c -> met.get(s.actor()).merge(c.id(), 1, Integer::sum));
        }
      }
      seen.forEach(e -> events.merge(e, 1, Integer::sum));
      progress.accept(g + 1);
    }
    List<RoleStats> roles = new ArrayList<>();
    scores.forEach(
        (actor, list) ->
            roles.add(
                new RoleStats(
                    actor, randomSeats.contains(actor), list, met.get(actor), usage.get(actor))));
    return new Summary(games, turns, seed, roles, events);
  }

  private GameState play(
      long gameSeed,
      int turns,
      Set<String> randomSeats,
      Map<String, Map<OrderKind, Integer>> usage,
      Set<KeyEvent> seen) {
    GameState state = GameState.initial(scenario);
    for (int t = 0; t < turns; t++) {
      Map<String, List<Order>> orders = new LinkedHashMap<>();
      for (Actor a : scenario.playableActors()) {
        List<Order> given =
            randomSeats.contains(a.id())
                ? randomPlayer.orders(state, a.id(), gameSeed)
                : Bot.orders(scenario, state, a.id(), gameSeed);
        orders.put(a.id(), given);
        Map<OrderKind, Integer> counts = usage.get(a.id());
        if (counts != null) {
          given.forEach(o -> counts.merge(o.kind(), 1, Integer::sum));
        }
      }
      TurnResult r = Engine.resolve(scenario, state, orders, Seeds.turn(gameSeed, state.turn()));
      detect(state, r, seen);
      state = r.state();
    }
    for (Actor a : scenario.actors()) {
      for (Actor b : scenario.actors()) {
        if (a.id().compareTo(b.id()) < 0 && state.peaceSigned(a.id(), b.id())) {
          seen.add(KeyEvent.PEACE_SIGNED);
        }
      }
    }
    return state;
  }

  private void detect(GameState before, TurnResult r, Set<KeyEvent> seen) {
    GameState after = r.state();
    for (Organisation o : scenario.organisations()) {
      for (Membership m : o.members()) {
        MemberStatus was = before.memberStatus(m.actor(), o.id());
        MemberStatus now = after.memberStatus(m.actor(), o.id());
        if (was != MemberStatus.NOTICE && now == MemberStatus.NOTICE) {
          seen.add(KeyEvent.NOTICE_GIVEN);
        }
        if (was != MemberStatus.WITHDRAWN && now == MemberStatus.WITHDRAWN) {
          seen.add(KeyEvent.WITHDRAWAL_EFFECTIVE);
        }
        if (after.requests(m.actor(), o.id()) > before.requests(m.actor(), o.id())) {
          seen.add(KeyEvent.ASSISTANCE_REQUESTED);
        }
      }
    }
    for (ReportLine line : r.report().lines()) {
      if (line.visibility().equals(Visibility.PUBLIC)
          && line.orders().stream().anyMatch(o -> o.kind() == OrderKind.RESPOND)) {
        seen.add(KeyEvent.ASSISTANCE_ANSWERED);
      }
    }
  }
}
