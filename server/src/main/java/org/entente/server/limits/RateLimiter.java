package org.entente.server.limits;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Token buckets by key (a seat, an address, the whole server), thread-safe. A bucket that has
 * refilled completely is the same as no bucket, so when the map grows past {@link #PRUNE_ABOVE}
 * full buckets are dropped: memory stays bounded by the keys active within a refill period.
 */
public final class RateLimiter {
  static final int PRUNE_ABOVE = 50_000;

  /** Past this many keys even after pruning, a new key is limited until buckets refill. */
  static final int MAX_KEYS = 4 * PRUNE_ABOVE;

  private static final class Bucket {
    final RatePolicy.Rate rate;
    double tokens;
    long at;

    Bucket(RatePolicy.Rate rate, long at) {
      this.rate = rate;
      this.tokens = rate.burst();
      this.at = at;
    }

    boolean fullAt(long now) {
      return tokens + (now - at) / 60e9 * rate.perMinute() >= rate.burst();
    }
  }

  private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();
  private final LongSupplier nanoTime;

  public RateLimiter(LongSupplier nanoTime) {
    this.nanoTime = nanoTime;
  }

  /**
   * Takes one token from {@code key}'s bucket; returns 0 if there was one, else the
   * milliseconds until there will be (nothing is taken then).
   */
  public long tryTake(String key, RatePolicy.Rate rate) {
    long now = nanoTime.getAsLong();
    if (buckets.size() >= MAX_KEYS && !buckets.containsKey(key)) {
      return 1_000;
    }
    long[] wait = {0};
    buckets.compute(
        key,
        (k, b) -> {
          Bucket bucket = b == null ? new Bucket(rate, now) : b;
          refill(bucket, rate, now);
          if (bucket.tokens >= 1) {
            bucket.tokens -= 1;
          } else {
            double missing = 1 - bucket.tokens;
            wait[0] = Math.max(1, (long) Math.ceil(missing * 60_000.0 / rate.perMinute()));
          }
          return bucket;
        });
    if (buckets.size() > PRUNE_ABOVE) {
      buckets.values().removeIf(b -> b.fullAt(now));
    }
    return wait[0];
  }

  /** Keys with a bucket now (for tests of the bound). */
  public int size() {
    return buckets.size();
  }

  private static void refill(Bucket b, RatePolicy.Rate rate, long now) {
    double add = (now - b.at) / 60e9 * rate.perMinute();
    b.tokens = Math.min(rate.burst(), b.tokens + add);
    b.at = now;
  }
}
