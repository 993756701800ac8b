package org.entente.engine;

import java.util.SplittableRandom;

/**
 * Every seed a game uses, derived from the one seed the game was created with. This is the only
 * place a seed is derived: the server, the one-terminal game, the simulation and the conformance
 * runner all call it, so the same game seed gives the same game wherever it is played.
 *
 * <p>Guarantees: every method is a pure function of its arguments, stable across JVM runs and
 * releases (journals record the turn seeds; changing a formula changes recorded games).
 */
public final class Seeds {
  private static final long GOLDEN = 0x9E3779B97F4A7C15L;
  private static final long RANDOM_PLAYER_SALT = 0x5EED;

  private Seeds() {}

  /** The seed {@link Engine#resolve} receives for turn {@code turn} of a game seeded {@code gameSeed}. */
  public static long turn(long gameSeed, int turn) {
    return gameSeed * 31 + turn;
  }

  /**
   * The seed of game {@code game} of a simulation run seeded {@code runSeed}: runs with the same
   * seed are comparable game by game, and nearby run seeds give unrelated games.
   */
  public static long game(long runSeed, int game) {
    return mix(runSeed * 1_000_003L + game);
  }

  /** The random stream of a bot playing actor index {@code actor} in turn {@code turn}. */
  public static SplittableRandom bot(long gameSeed, int turn, int actor) {
    return random(gameSeed, turn, actor);
  }

  /** The random stream of the baseline random player in that seat: independent of the bot's. */
  public static SplittableRandom randomPlayer(long gameSeed, int turn, int actor) {
    return random(gameSeed, turn, actor, RANDOM_PLAYER_SALT);
  }

  /** A generator that depends on every part, so nearby seeds give unrelated streams. */
  private static SplittableRandom random(long... parts) {
    long h = GOLDEN;
    for (long p : parts) {
      h = mix(h ^ p) + GOLDEN;
    }
    return new SplittableRandom(h);
  }

  /** MurmurHash3's 64-bit finaliser. */
  private static long mix(long z) {
    z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
    z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
    return z ^ (z >>> 33);
  }
}
