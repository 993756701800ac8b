package org.entente.server.rules;

/**
 * A seat as the debrief's roster and students.csv show it: its label, country (empty for the
 * game master), player name (empty for a bot), whether a bot plays it, how many orders it
 * added to its team's drafts and how many of those were sealed, and the turns of its first and
 * last authored order (0: none).
 */
public record RecordedSeat(
    String seat,
    String country,
    String name,
    boolean bot,
    int ordersAuthored,
    int ordersSealed,
    int firstOrderTurn,
    int lastOrderTurn) {}
