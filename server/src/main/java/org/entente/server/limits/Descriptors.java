package org.entente.server.limits;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.util.function.LongSupplier;

/**
 * The process's open file descriptors against its limit, so the server refuses connections
 * before the journal and snapshots run short of descriptors. Counting open descriptors reads a
 * directory of the size of the count, so it is sampled at most every {@link #SAMPLE_NANOS}.
 * Thread-safe.
 */
public final class Descriptors {
  static final long SAMPLE_NANOS = 200_000_000L;

  private final LongSupplier open;
  private final long max;
  private final LongSupplier nanoTime;
  private volatile long sampledAt;
  private volatile long sampled;

  Descriptors(LongSupplier open, long max, LongSupplier nanoTime) {
    this.open = open;
    this.max = max;
    this.nanoTime = nanoTime;
    this.sampledAt = nanoTime.getAsLong() - 2 * SAMPLE_NANOS;
  }

  /** This process's descriptors, or none known (never short) where the platform does not say. */
  public static Descriptors ofThisProcess() {
    OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof com.sun.management.UnixOperatingSystemMXBean unix) {
      return new Descriptors(
          unix::getOpenFileDescriptorCount, unix.getMaxFileDescriptorCount(), System::nanoTime);
    }
    return new Descriptors(() -> 0, Long.MAX_VALUE, System::nanoTime);
  }

  /** A view that reads {@code open} at every call, for tests. */
  public static Descriptors unsampled(LongSupplier open, long max) {
    long[] t = {0};
    return new Descriptors(open, max, () -> t[0] += 2 * SAMPLE_NANOS);
  }

  /** Open descriptors now (sampled). */
  public long open() {
    long now = nanoTime.getAsLong();
    if (now - sampledAt >= SAMPLE_NANOS) {
      sampled = open.getAsLong();
      sampledAt = now;
    }
    return sampled;
  }

  public long max() {
    return max;
  }

  /** Whether fewer than {@code reserve} descriptors are left. */
  public boolean runningShort(int reserve) {
    return open() + reserve >= max;
  }
}
