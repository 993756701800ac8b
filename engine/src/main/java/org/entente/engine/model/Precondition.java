package org.entente.engine.model;

import org.entente.engine.expr.Expr;

/** A condition an order needs, with the reason a player is shown when it does not hold. */
public record Precondition(Expr condition, String reason) {}
