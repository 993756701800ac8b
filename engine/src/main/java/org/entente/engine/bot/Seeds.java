package org.entente.engine.bot;

import java.util.SplittableRandom;

/** Seeded randomness for bots: one independent stream per (seed, turn, actor). */
final class Seeds {
  private Seeds() {}

  /** A generator that depends on every part, so nearby seeds give unrelated streams. */
  static SplittableRandom random(long... parts) {
    long h = 0x9E3779B97F4A7C15L;
    for (long p : parts) {
      h = mix(h ^ p) + 0x9E3779B97F4A7C15L;
    }
    return new SplittableRandom(h);
  }

  /** MurmurHash3's 64-bit finaliser. */
  static long mix(long z) {
    z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
    z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
    return z ^ (z >>> 33);
  }
}
