package org.entente.engine.resolve;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.entente.engine.Phase;
import org.entente.engine.TurnResult;
import org.entente.engine.model.Scenario;
import org.entente.engine.order.Order;
import org.entente.engine.report.Report;
import org.entente.engine.report.ReportLine;
import org.entente.engine.report.Visibility;

/**
 * One turn, as a pipeline of the named {@link Phase}s (docs/design.md, "Phases"): upkeep, seal,
 * statements, legal orders, military and presence, obligations, organisation session, bilateral
 * matching, effects, timers, then objectives and reports.
 */
public final class Resolver {
  private Resolver() {}

  public static TurnResult resolve(
      Scenario scenario,
      org.entente.engine.state.GameState state,
      Map<String, List<Order>> orders,
      long seed,
      boolean engineActorsAct) {
    Turn t = new Turn(scenario, state, seed);
    t.engineActorsAct = engineActorsAct;
    Upkeep.run(t);
    Sealing.run(t, orders, engineActorsAct);
    LegalPhase.statements(t);
    List<Order> notices = LegalPhase.run(t);
    MilitaryPhase.run(t);
    Obligations.requests(t);
    Obligations.answers(t);
    ProposalsPhase.run(t, notices);
    BilateralPhase.run(t);
    for (Ledger.Change c : t.ledger.apply(t.b)) {
      if (c.before() != c.after()) {
        t.say(Phase.EFFECTS, Visibility.GAME_MASTER, describe(t, c), "effects");
      }
    }
    Timers.run(t, notices);
    org.entente.engine.state.GameState next = t.b.build();
    List<ReportLine> lines = new ArrayList<>(t.lines);
    return new TurnResult(next, new Report(t.number, lines), Scoring.score(scenario, next));
  }

  private static String describe(Turn t, Ledger.Change c) {
    String what;
    switch (c.quantity()) {
      case TRUST:
        what = "Trust of " + t.name(c.x()) + " toward " + t.name(c.y());
        break;
      case CRED:
        what = "Credibility of the " + c.x();
        break;
      case COH:
        what = "Cohesion of the " + c.x();
        break;
      case TRACK:
        what = "Track " + c.x();
        break;
      case PRESENCE_TURNS:
      case PRESENCE_STRENGTH:
        what = c.quantity().text() + " of " + c.x();
        break;
      default:
        what = c.quantity().name() + " of " + t.name(c.x());
        break;
    }
    return what + ": " + c.before() + " → " + c.after() + " (" + c.explain() + ").";
  }
}
