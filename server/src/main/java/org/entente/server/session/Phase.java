package org.entente.server.session;

/** The life cycle of a session. */
public enum Phase {
  WAITING,
  RUNNING,
  PAUSED,
  ENDED
}
