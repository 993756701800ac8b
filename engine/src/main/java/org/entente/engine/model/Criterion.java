package org.entente.engine.model;

import org.entente.engine.expr.Expr;

/** One scored part of an objective. */
public record Criterion(String id, String description, Expr condition, int points) {}
