package org.entente.engine.model;

/** What a scheduled event does to a presence. */
public enum PresenceAction {
  ESTABLISH,
  END,
  EXTEND,
  SET_STRENGTH
}
