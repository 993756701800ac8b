package org.entente.engine.bot;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.entente.engine.Engine;
import org.entente.engine.Seeds;
import org.entente.engine.model.Actor;
import org.entente.engine.model.OrderKind;
import org.entente.engine.model.Scenario;
import org.entente.engine.order.Order;
import org.entente.engine.order.OrderCheck;
import org.entente.engine.order.OrderParser;
import org.entente.engine.order.OrderSyntax;
import org.entente.engine.order.OrderSyntax.Slot;
import org.entente.engine.state.GameState;

/**
 * The baseline a bot must beat: a player who gives legal orders chosen at random. Its candidate
 * orders are every order the syntax allows for its kinds with the scenario's ids, built once per
 * actor; each turn it draws among those {@link Engine#check} accepts until its points run out.
 */
public final class RandomPlayer {
  private static final String TEXT = "\"A statement.\"";

  private final Scenario scenario;
  private final List<List<Order>> candidates = new ArrayList<>();

  public RandomPlayer(Scenario scenario) {
    this.scenario = scenario;
    OrderParser parser = new OrderParser(scenario);
    for (Actor a : scenario.actors()) {
      List<Order> orders = new ArrayList<>();
      for (OrderKind k : OrderKind.values()) {
        if (!a.mayUse(k)) {
          continue;
        }
        for (String text : texts(k)) {
          OrderCheck c = parser.parse(a.id(), text);
          if (c.isAccepted()) {
            orders.add(c.order().orElseThrow());
          }
        }
      }
      candidates.add(List.copyOf(orders));
    }
  }

  /** Random legal orders for {@code actor}; the same arguments always give the same orders. */
  public static List<Order> orders(Scenario scenario, GameState state, String actor, long seed) {
    return new RandomPlayer(scenario).orders(state, actor, seed);
  }

  /** Random legal orders for {@code actor} this turn. */
  public List<Order> orders(GameState state, String actor, long seed) {
    int index = scenario.actorIndex(actor);
    List<Order> legal = new ArrayList<>();
    for (Order o : candidates.get(index)) {
      if (Engine.check(scenario, state, List.of(), o).isAccepted()) {
        legal.add(o);
      }
    }
    SplittableRandom random = Seeds.randomPlayer(seed, state.turn(), index);
    List<Order> draft = new ArrayList<>();
    while (!legal.isEmpty()) {
      Order o = legal.remove(random.nextInt(legal.size()));
      if (Engine.check(scenario, state, draft, o).isAccepted()) {
        draft.add(o);
      }
    }
    return List.copyOf(draft);
  }

  /** Every text the syntax allows for a kind, with this scenario's ids in each slot. */
  private List<String> texts(OrderKind kind) {
    List<String> out = new ArrayList<>();
    out.add(kind.name());
    for (Slot slot : OrderSyntax.signature(kind)) {
      List<String> next = new ArrayList<>();
      for (String prefix : out) {
        for (String word : words(slot)) {
          next.add(word.isEmpty() ? prefix : prefix + " " + word);
        }
      }
      out = next;
    }
    if (kind == OrderKind.LOBBY) {
      List<String> next = new ArrayList<>();
      for (String prefix : out) {
        List<String> lasts = prefix.endsWith(" FUNDS") ? actorIds() : presenceIds();
        lasts.forEach(last -> next.add(prefix + " " + last));
      }
      out = next;
    }
    return out;
  }

  private List<String> words(Slot slot) {
    switch (slot.type()) {
      case ORG:
        return scenario.organisations().stream().map(o -> o.id()).toList();
      case TARGET:
        return slot.optional() ? withEmpty(actorIds()) : actorIds();
      case OTHER:
        return actorIds();
      case PRESENCE:
        return presenceIds();
      case OPTION:
      case DIRECTION:
        return List.copyOf(slot.words());
      case TEXT:
        return slot.optional() ? List.of("") : List.of(TEXT);
      default:
        throw new AssertionError(slot.type());
    }
  }

  private List<String> actorIds() {
    return scenario.actors().stream().map(Actor::id).toList();
  }

  private List<String> presenceIds() {
    return scenario.presences().stream().map(p -> p.id()).toList();
  }

  private static List<String> withEmpty(List<String> ids) {
    List<String> out = new ArrayList<>(ids);
    out.add("");
    return out;
  }
}
