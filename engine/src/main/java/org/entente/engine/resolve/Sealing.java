package org.entente.engine.resolve;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.entente.engine.Phase;
import org.entente.engine.model.Actor;
import org.entente.engine.model.Doctrine.StandingOrder;
import org.entente.engine.order.Order;
import org.entente.engine.order.OrderCheck;
import org.entente.engine.report.Visibility;

/**
 * P1: the orders are sealed. Whatever order they arrived in, they are sorted canonically and
 * checked again against the state after upkeep; engine-run actors' standing orders join them.
 * An order no longer allowed is void, with a line to its actor saying why.
 */
final class Sealing {
  private Sealing() {}

  static void run(Turn t, Map<String, List<Order>> submitted, boolean engineActorsAct) {
    Map<String, List<Order>> byActor = new LinkedHashMap<>();
    for (Actor a : t.scenario.actors()) {
      List<Order> given = new ArrayList<>(submitted.getOrDefault(a.id(), List.of()));
      if (!a.playable() && engineActorsAct && given.isEmpty()) {
        for (StandingOrder s : a.doctrine().standingOrders()) {
          if (t.holds(s.when(), Turn.bindings(s.order()))) {
            given.add(s.order());
          }
        }
      }
      given.sort(Order.CANONICAL);
      byActor.put(a.id(), given);
    }
    for (String actor : submitted.keySet()) {
      if (!byActor.containsKey(actor)) {
        throw new IllegalArgumentException("orders for unknown actor " + actor);
      }
    }
    OrderValidator validator = new OrderValidator(t.scenario);
    List<Order> sealed = new ArrayList<>();
    for (Map.Entry<String, List<Order>> e : byActor.entrySet()) {
      List<Order> accepted = new ArrayList<>();
      for (Order o : e.getValue()) {
        if (!o.actor().equals(e.getKey())) {
          throw new IllegalArgumentException("order " + o + " filed under " + e.getKey());
        }
        OrderCheck c = validator.check(t.start, accepted, o);
        if (c.isAccepted()) {
          accepted.add(o);
        } else {
          t.say(
              Phase.SEAL,
              Visibility.actors(o.actor()),
              "Void: "
                  + t.possessive(o.actor())
                  + " order "
                  + o.toText()
                  + " was no longer allowed when the orders were sealed: "
                  + c.reason()
                  + ".",
              "",
              o);
        }
      }
      sealed.addAll(accepted);
    }
    t.seal(sealed);
  }
}
