package org.entente.engine.state;

/** An escalation that happened: level 1 incident, 2 incursion, 3 offensive. */
public record EscalationRecord(
    int turn, String attacker, String defender, int level, boolean succeeded) {}
