package org.entente.engine.state;

/** Military assistance in force: {@code helper}'s force counts for {@code helped} until {@code untilTurn}. */
public record Assistance(String helper, String helped, int untilTurn) {}
