package org.entente.server.session;

import org.entente.proto.protocol.v1.Channel;

/**
 * A negotiation message. {@code fromCountry} is empty for the game master; {@code
 * toCountry} is the addressee of a PRIVATE message and the team of a TEAM message.
 */
public record ChatMessage(
    Channel channel,
    String fromCountry,
    String fromName,
    String toCountry,
    String text,
    int turn,
    long epochMillis) {}
