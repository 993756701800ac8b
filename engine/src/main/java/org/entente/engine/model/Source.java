package org.entente.engine.model;

/** A cited source; other data refers to it by {@code key}. */
public record Source(String key, String citation, String url) {}
