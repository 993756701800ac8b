package org.entente.server.limits;

import com.google.common.collect.ImmutableMap;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.entente.proto.protocol.v1.RateClass;

/**
 * A token bucket per rate class of the request contract (contract.proto): {@code burst}
 * requests at once, refilled at {@code perMinute}. In-session classes are counted per seat
 * (a seat keeps its bucket across reconnects); lobby classes per network address
 * ({@link AddressKey}), and session creation also server-wide.
 */
public record RatePolicy(ImmutableMap<RateClass, Rate> rates, Rate createServerWide) {
  /** A bucket: at most {@code burst} at once, {@code perMinute} sustained. */
  public record Rate(int burst, int perMinute) {
    public Rate {
      if (burst < 1 || perMinute < 1) {
        throw new IllegalArgumentException("a rate needs burst >= 1 and perMinute >= 1");
      }
    }
  }

  /**
   * Defaults sized for a school: several classes of 35 joining at once from behind one school
   * address (lobby classes count per address), a student typing a message every few seconds, a
   * team editing orders together (in-session classes count per seat).
   */
  public static RatePolicy defaults() {
    Map<RateClass, Rate> r = new EnumMap<>(RateClass.class);
    r.put(RateClass.RATE_LOOKUP, new Rate(200, 1200));
    r.put(RateClass.RATE_CREATE, new Rate(10, 20));
    r.put(RateClass.RATE_ENTRY, new Rate(200, 600));
    r.put(RateClass.RATE_ORDERS, new Rate(30, 300));
    r.put(RateClass.RATE_CHAT, new Rate(10, 60));
    r.put(RateClass.RATE_READ, new Rate(40, 600));
    r.put(RateClass.RATE_CONTROL, new Rate(30, 300));
    r.put(RateClass.RATE_EXPORT, new Rate(60, 1200));
    return new RatePolicy(ImmutableMap.copyOf(r), new Rate(30, 120));
  }

  /** The rate of {@code c}; empty for classes that are never limited (hello, heartbeat). */
  public Optional<Rate> of(RateClass c) {
    return Optional.ofNullable(rates.get(c));
  }

  /** Every class at {@code rate} (for tests of other things than limits). */
  public static RatePolicy all(Rate rate) {
    Map<RateClass, Rate> r = new EnumMap<>(RateClass.class);
    defaults().rates().keySet().forEach(c -> r.put(c, rate));
    return new RatePolicy(ImmutableMap.copyOf(r), rate);
  }

  /** The same policy with {@code c} at {@code rate} (for configuration and tests). */
  public RatePolicy with(RateClass c, Rate rate) {
    Map<RateClass, Rate> r = new EnumMap<>(rates);
    r.put(c, rate);
    return new RatePolicy(ImmutableMap.copyOf(r), createServerWide);
  }
}
