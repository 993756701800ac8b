package org.entente.server.limits;

import org.entente.proto.protocol.v1.RateClass;

/**
 * The server-wide state behind the connection limits: the gate that counts connections, the
 * rate limiter and the policy. One per server, shared by every connection.
 */
public final class NetworkGuards {
  /** Refusals in a row after which a connection that keeps sending past its limit is closed. */
  public static final int ABUSE_REFUSALS = 50;

  private final Limits limits;
  private final RatePolicy policy;
  private final ConnectionGate gate;
  private final RateLimiter limiter;

  public NetworkGuards(
      Limits limits, RatePolicy policy, Descriptors descriptors, RateLimiter limiter) {
    this.limits = limits;
    this.policy = policy;
    this.gate = new ConnectionGate(limits, descriptors);
    this.limiter = limiter;
  }

  /** The defaults, with this process's descriptors and the system clock. */
  public static NetworkGuards defaults() {
    return new NetworkGuards(
        Limits.defaults(),
        RatePolicy.defaults(),
        Descriptors.ofThisProcess(),
        new RateLimiter(System::nanoTime));
  }

  public Limits limits() {
    return limits;
  }

  public ConnectionGate gate() {
    return gate;
  }

  /**
   * Takes a token for a request of class {@code c} from {@code key} (a seat or an address);
   * returns 0 if it may go ahead, else the milliseconds to wait.
   */
  public long take(RateClass c, String key) {
    var rate = policy.of(c);
    if (rate.isEmpty()) {
      return 0;
    }
    if (c == RateClass.RATE_CREATE) {
      long wait = limiter.tryTake("server:create", policy.createServerWide());
      if (wait > 0) {
        return wait;
      }
    }
    return limiter.tryTake(c.name() + "|" + key, rate.get());
  }
}
