package org.entente.engine.model;

/** Answers to a request for assistance; {@link #SILENCE} is what the engine records for none. */
public enum Answer {
  MILITARY,
  MONITORS,
  DIPLOMATIC,
  DECLINE,
  SILENCE
}
