package org.entente.engine.model;

/** Which messages players may send. */
public enum Press {
  FULL,
  PUBLIC_ONLY,
  NONE
}
