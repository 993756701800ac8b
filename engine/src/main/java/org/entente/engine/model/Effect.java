package org.entente.engine.model;

import org.entente.engine.expr.QuantityRef;

/** One change to one number: {@code target += delta}. */
public record Effect(QuantityRef target, int delta) {}
