package org.entente.server.session;

/** What a seat may see and do in a session. */
public enum Role {
  PLAYER,
  SPECTATOR,
  GAME_MASTER
}
