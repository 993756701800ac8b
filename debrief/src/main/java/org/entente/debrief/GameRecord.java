package org.entente.debrief;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.entente.engine.Engine;
import org.entente.engine.Score;
import org.entente.engine.TurnResult;
import org.entente.engine.model.Scenario;
import org.entente.engine.order.Order;
import org.entente.engine.report.Report;
import org.entente.engine.state.GameState;

/**
 * Everything a debrief shows about one game, finished or running: the scenario, the state at
 * T0 and after each resolved turn, each turn's sealed orders and full report, and the
 * negotiation messages with the game master's choice of which to include. Immutable; built
 * turn by turn with {@link Builder}. Pure data: no network, clock or I/O.
 */
public record GameRecord(
    Scenario scenario,
    int plannedTurns,
    ImmutableList<GameState> states,
    ImmutableList<Turn> turns,
    ImmutableList<Message> messages,
    ImmutableList<Seat> roster) {

  /** One resolved turn: the orders each actor sealed (bots included) and the whole report. */
  public record Turn(int number, ImmutableMap<String, ImmutableList<Order>> orders, Report report) {
    public Turn {
      Objects.requireNonNull(report);
    }

    /** Every order of the turn, actors in the order they were recorded. */
    public List<Order> allOrders() {
      List<Order> all = new ArrayList<>();
      orders.values().forEach(all::addAll);
      return all;
    }
  }

  /** Who may have read a message. */
  public enum Channel {
    PUBLIC,
    ANNOUNCEMENT,
    PRIVATE,
    TEAM
  }

  /**
   * A negotiation message. {@code from} is a country id, or empty for the game master;
   * {@code to} is the addressee of a private message or the team of a team message.
   */
  public record Message(
      int turn,
      Channel channel,
      String from,
      String fromName,
      String to,
      String text,
      boolean included) {
    /** The default choice: public statements and announcements in, private and team messages out. */
    public static boolean includedByDefault(Channel channel) {
      return channel == Channel.PUBLIC || channel == Channel.ANNOUNCEMENT;
    }
  }

  /**
   * Who held a seat: {@code seat} is the seat's label (its number, "bot X", or "left" for a
   * player who holds no seat at the end), {@code country} the country played (empty for the game
   * master), {@code name} the player's name (empty for a bot), {@code bot} whether the engine
   * played it; {@code ordersAuthored} how many orders this seat added to its team's drafts,
   * {@code ordersSealed} how many of them were still there when the turn was sealed, {@code
   * firstOrderTurn} and {@code lastOrderTurn} the turns of its first and last authored order (0:
   * none); {@code left} whether the player left the country's team during the game (kicked, left
   * or moved to another country) after authoring orders for it.
   */
  public record Seat(
      String seat,
      String country,
      String name,
      boolean bot,
      int ordersAuthored,
      int ordersSealed,
      int firstOrderTurn,
      int lastOrderTurn,
      boolean left) {
    public Seat {
      Objects.requireNonNull(seat);
      Objects.requireNonNull(country);
      Objects.requireNonNull(name);
    }

    /** A seat held at the end of the game. */
    public Seat(
        String seat,
        String country,
        String name,
        boolean bot,
        int ordersAuthored,
        int ordersSealed,
        int firstOrderTurn,
        int lastOrderTurn) {
      this(
          seat,
          country,
          name,
          bot,
          ordersAuthored,
          ordersSealed,
          firstOrderTurn,
          lastOrderTurn,
          false);
    }

    /**
     * Who played it, for the roster: "bot", "game master", "student" or "student (left during the
     * game)".
     */
    public String playedBy() {
      if (bot) {
        return "bot";
      }
      if (country.isEmpty()) {
        return "game master";
      }
      return left ? "student (left during the game)" : "student";
    }
  }

  public GameRecord {
    Objects.requireNonNull(scenario);
    Objects.requireNonNull(roster);
    if (states.size() != turns.size() + 1) {
      throw new IllegalArgumentException("a record holds one state more than it has turns");
    }
  }

  /** Whether every planned turn has been resolved. */
  public boolean finished() {
    return turns.size() >= plannedTurns;
  }

  /** The state after the last resolved turn (T0 when none). */
  public GameState finalState() {
    return states.get(states.size() - 1);
  }

  /** Each role's objective scored on the last state. */
  public List<Score> finalScores() {
    return Engine.score(scenario, finalState());
  }

  /** The same record with other messages (e.g. a different inclusion choice). */
  public GameRecord withMessages(List<Message> newMessages) {
    return new GameRecord(
        scenario, plannedTurns, states, turns, ImmutableList.copyOf(newMessages), roster);
  }

  /** The same record with another roster. */
  public GameRecord withRoster(List<Seat> seats) {
    return new GameRecord(
        scenario, plannedTurns, states, turns, messages, ImmutableList.copyOf(seats));
  }

  /** Whether the game master injected news, i.e. the scenario holds events named {@code GM_INJECT_n}. */
  public static boolean isInject(org.entente.engine.model.ScheduledEvent e) {
    return e.id().startsWith(INJECT_PREFIX);
  }

  /** The id prefix of the scheduled events a game master's inject becomes. */
  public static final String INJECT_PREFIX = "GM_INJECT_";

  public static Builder builder(Scenario scenario) {
    return new Builder(scenario, GameState.initial(scenario));
  }

  public static Builder builder(Scenario scenario, GameState start) {
    return new Builder(scenario, start);
  }

  /** Collects a game as it is played. Not thread-safe. */
  public static final class Builder {
    private Scenario scenario;
    private int plannedTurns;
    private final List<GameState> states = new ArrayList<>();
    private final List<Turn> turns = new ArrayList<>();
    private final List<Message> messages = new ArrayList<>();
    private final List<Seat> roster = new ArrayList<>();

    private Builder(Scenario scenario, GameState start) {
      this.scenario = scenario;
      this.plannedTurns = scenario.metadata().defaultTurns();
      states.add(start);
    }

    /** The scenario may change during a game (a game master's injects); the latest is shown. */
    public Builder scenario(Scenario value) {
      scenario = value;
      return this;
    }

    /** Records a resolved turn: the orders given to the engine and what it returned. */
    public Builder turn(Map<String, ? extends List<Order>> orders, TurnResult result) {
      Map<String, ImmutableList<Order>> copy = new LinkedHashMap<>();
      orders.forEach((actor, list) -> copy.put(actor, ImmutableList.copyOf(list)));
      turns.add(new Turn(result.report().turn(), ImmutableMap.copyOf(copy), result.report()));
      states.add(result.state());
      return this;
    }

    /** How many turns the game was set to last. */
    public Builder plannedTurns(int value) {
      plannedTurns = value;
      return this;
    }

    public Builder message(Message message) {
      messages.add(message);
      return this;
    }

    public Builder seat(Seat seat) {
      roster.add(seat);
      return this;
    }

    public int turnsRecorded() {
      return turns.size();
    }

    public GameRecord build() {
      return new GameRecord(
          scenario,
          plannedTurns,
          ImmutableList.copyOf(states),
          ImmutableList.copyOf(turns),
          ImmutableList.copyOf(messages),
          ImmutableList.copyOf(roster));
    }
  }
}
