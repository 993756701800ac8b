package org.entente.server.session;

/** Who is looking: the role and, for a player, the country whose team they sit on. */
public record Viewer(Role role, String country) {

  public static final Viewer GAME_MASTER = new Viewer(Role.GAME_MASTER, "");
  public static final Viewer SPECTATOR = new Viewer(Role.SPECTATOR, "");

  public static Viewer player(String country) {
    return new Viewer(Role.PLAYER, country);
  }

  public boolean isGameMaster() {
    return role == Role.GAME_MASTER;
  }

  /** True for the game master and for players of {@code countryId}. */
  public boolean speaksFor(String countryId) {
    return isGameMaster() || (role == Role.PLAYER && country.equals(countryId));
  }
}
