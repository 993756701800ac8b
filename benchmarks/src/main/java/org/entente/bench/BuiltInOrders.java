package org.entente.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.entente.engine.Engine;
import org.entente.engine.model.Actor;
import org.entente.engine.model.Scenario;
import org.entente.engine.order.Order;
import org.entente.engine.order.OrderCheck;
import org.entente.engine.state.GameState;

/** A full set of plausible orders for the built-in scenario's first turn. */
public final class BuiltInOrders {
  private BuiltInOrders() {}

  private static final Map<String, List<String>> WANTED =
      Map.of(
          "ARM",
              List.of(
                  "STATEMENT RUS CRITICISE \"Members did not fulfil their obligations\"",
                  "JOINT_EXERCISE USA",
                  "ARMS_DEAL BUY FRA SMALL",
                  "PEACE_STEP AZE DELIMIT_BORDER",
                  "WITHHOLD_DUES CSTO"),
          "RUS", List.of("STATEMENT ARM CRITICISE", "ECONOMIC_PRESSURE ARM", "MEDIATE ARM AZE"),
          "AZE",
              List.of(
                  "STATEMENT ARM CONDEMN",
                  "PEACE_STEP ARM DELIMIT_BORDER",
                  "ESCALATE ARM INCIDENT"),
          "USA",
              List.of(
                  "STATEMENT ARM REASSURE",
                  "JOINT_EXERCISE ARM",
                  "PROPOSE_PARTNERSHIP ARM STRATEGIC_PARTNERSHIP"),
          "FRA",
              List.of("STATEMENT ARM REASSURE", "ARMS_DEAL SELL ARM SMALL", "LOBBY EU RENEW EUMA"));

  /** Each playable actor's orders that the engine accepts, up to its order points. */
  public static Map<String, List<Order>> fullSet(Scenario sc, GameState state) {
    Map<String, List<Order>> out = new LinkedHashMap<>();
    for (Actor a : sc.playableActors()) {
      List<Order> mine = new ArrayList<>();
      for (String text : WANTED.getOrDefault(a.id(), List.of())) {
        OrderCheck c = Engine.check(sc, state, a.id(), mine, text);
        if (c.isAccepted()) {
          mine.add(c.order().orElseThrow());
        }
      }
      out.put(a.id(), mine);
    }
    return out;
  }
}
