package org.entente.engine.state;

/** An arms deal agreed and not yet delivered. */
public record Delivery(String seller, String buyer, String size, int force, int dueTurn) {}
