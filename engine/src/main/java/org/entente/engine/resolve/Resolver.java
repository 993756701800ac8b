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
    return resolve(scenario, state, orders, seed, engineActorsAct, false);
  }

  public static TurnResult resolve(
      Scenario scenario,
      org.entente.engine.state.GameState state,
      Map<String, List<Order>> orders,
      long seed,
      boolean engineActorsAct,
      boolean finalTurn) {
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
    List<Ledger.Change> changes = t.ledger.apply(t.b);
    for (Ledger.Change c : changes) {
      if (c.quantity() == org.entente.engine.expr.Quantity.GRIEVANCE && c.after() > c.before()) {
        t.grievanceRenewed.add(c.x());
      }
    }
    t.report(Phase.EFFECTS, changes);
    Timers.run(t, notices);
    org.entente.engine.state.GameState next = t.b.build();
    List<org.entente.engine.Score> scores = Scoring.score(scenario, next);
    if (finalTurn) {
      FinalLines.write(t, scores);
    }
    List<ReportLine> lines = new ArrayList<>(t.lines);
    return new TurnResult(next, new Report(t.number, lines), scores);
  }
}
