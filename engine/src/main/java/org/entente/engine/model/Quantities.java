package org.entente.engine.model;

/** An actor's security, domestic support, international standing and regional force. */
public record Quantities(int sec, int dom, int std, int rf) {}
