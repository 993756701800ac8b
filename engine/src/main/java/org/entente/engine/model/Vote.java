package org.entente.engine.model;

/** A member's position on an organisation proposal. */
public enum Vote {
  SUPPORT,
  OBJECT,
  STAND_ASIDE
}
