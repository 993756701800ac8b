package org.entente.server.rules;

/**
 * A negotiation message as the debrief shows it. {@code channel} is PUBLIC, ANNOUNCEMENT,
 * PRIVATE or TEAM; {@code from} is empty for the game master; {@code included} is the game
 * master's choice to show it.
 */
public record RecordedMessage(
    int turn,
    String channel,
    String from,
    String fromName,
    String to,
    String text,
    boolean included) {}
