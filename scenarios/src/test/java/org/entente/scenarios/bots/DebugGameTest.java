package org.entente.scenarios.bots;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.entente.engine.Engine;
import org.entente.engine.TurnResult;
import org.entente.engine.bot.Bot;
import org.entente.engine.model.Actor;
import org.entente.engine.model.Scenario;
import org.entente.engine.order.Order;
import org.entente.engine.report.ReportLine;
import org.entente.engine.state.GameState;
import org.entente.scenarios.BuiltInScenarios;
import org.junit.jupiter.api.Test;

class DebugGameTest {
  @Test
  void countEscalations() {
    Scenario s = BuiltInScenarios.load("armenia-csto-2024");
    int esc = 0;
    for (long seed = 0; seed < 40; seed++) {
      GameState st = GameState.initial(s);
      for (int t = 0; t < 12; t++) {
        Map<String, List<Order>> orders = new LinkedHashMap<>();
        for (Actor a : s.playableActors()) {
          List<Order> os = Bot.orders(s, st, a.id(), seed);
          orders.put(a.id(), os);
          for (Order o : os) if (o.kind().name().startsWith("ESC") || o.kind().name().startsWith("REQUEST_A")) { esc++; System.out.println(seed + " T" + (t+1) + " " + o + " tension " + st.track("TENSION")); }
        }
        st = Engine.resolve(s, st, orders, seed + t).state();
      }
    }
    System.out.println("escalations " + esc);
  }

  @Test
  void printOneGame() {
    Scenario s = BuiltInScenarios.load(System.getProperty("sc", "armenia-csto-2024"));
    GameState st = GameState.initial(s);
    for (int t = 0; t < 12; t++) {
      Map<String, List<Order>> orders = new LinkedHashMap<>();
      for (Actor a : s.playableActors()) {
        orders.put(a.id(), Bot.orders(s, st, a.id(), 7));
      }
      System.out.println("T" + (t + 1) + " " + orders.values());
      TurnResult r = Engine.resolve(s, st, orders, 7 + t);
      for (ReportLine l : r.report().lines()) {
        if (l.phase() != 8) System.out.println("   " + l.visibility().scope() + " " + l.text());
      }
      st = r.state();
      System.out.println("   tension " + st.track("TENSION") + " peace " + st.track("PEACE"));
    }
    Engine.score(s, st).forEach(x -> System.out.println(x.actor() + " " + x.points() + " " + x.criteria().stream().filter(c -> !c.met()).map(c -> c.id()).toList()));
  }
}
