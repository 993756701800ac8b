package org.entente.engine;

/** One objective criterion's result: its points, earned only if {@code met}. */
public record CriterionResult(String id, String description, int points, boolean met) {}
