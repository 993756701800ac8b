package org.entente.engine.model;

import java.util.List;
import org.entente.engine.expr.Expr;

/**
 * An event at a given turn: at upkeep, or after the turn's orders when {@code afterOrders}.
 * A null {@code when} always holds; {@code actor} may be empty.
 */
public record ScheduledEvent(
    String id,
    int turn,
    String title,
    String text,
    Expr when,
    boolean afterOrders,
    List<Effect> effects,
    String actor,
    List<PresenceChange> presenceChanges,
    List<String> sources) {
  public ScheduledEvent {
    effects = List.copyOf(effects);
    presenceChanges = List.copyOf(presenceChanges);
    sources = List.copyOf(sources);
  }
}
