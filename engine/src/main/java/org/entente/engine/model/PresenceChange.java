package org.entente.engine.model;

/** What a scheduled event does to a presence; {@code amount} is turns or strength. */
public record PresenceChange(String presence, PresenceAction action, int amount) {}
