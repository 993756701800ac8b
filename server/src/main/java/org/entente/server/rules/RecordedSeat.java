package org.entente.server.rules;

/**
 * A seat as the debrief's roster and students.csv show it: its label, country (empty for the
 * game master), player name (empty for a bot), whether a bot plays it, how many orders it
 * added to its team's drafts and how many of those were sealed, the turns of its first and
 * last authored order (0: none), and whether the player left the country's team during the game
 * (kicked, left or moved: they authored orders for it but hold no seat for it now).
 */
public record RecordedSeat(
    String seat,
    String country,
    String name,
    boolean bot,
    int ordersAuthored,
    int ordersSealed,
    int firstOrderTurn,
    int lastOrderTurn,
    boolean left) {
  /** A seat held at the end. */
  public RecordedSeat(
      String seat,
      String country,
      String name,
      boolean bot,
      int ordersAuthored,
      int ordersSealed,
      int firstOrderTurn,
      int lastOrderTurn) {
    this(
        seat,
        country,
        name,
        bot,
        ordersAuthored,
        ordersSealed,
        firstOrderTurn,
        lastOrderTurn,
        false);
  }
}
