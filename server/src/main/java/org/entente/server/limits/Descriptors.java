package org.entente.server.limits;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

/**
 * The process's open file descriptors against its limit, so the server refuses connections
 * before the journal and snapshots run short of descriptors. Counting open descriptors reads a
 * directory of the size of the count (about 5 ms at 10,000), so it is sampled at most every
 * {@link #SAMPLE_NANOS}, one sample at a time, on {@code sampler} (never the caller's event
 * loop); between samples the count follows the connections opened and closed since the last
 * one, which are most of the descriptors a burst of clients makes. Thread-safe.
 */
public final class Descriptors {
  static final long SAMPLE_NANOS = 1_000_000_000L;

  private final LongSupplier open;
  private final long max;
  private final LongSupplier nanoTime;
  private final Executor sampler;
  private final AtomicBoolean sampling = new AtomicBoolean();
  private volatile long sampledAt;

  /** The count at the last sample, and the connections open then. */
  private volatile Sample sample = new Sample(0, 0);

  private record Sample(long open, long connections) {}

  Descriptors(LongSupplier open, long max, LongSupplier nanoTime, Executor sampler) {
    this.open = open;
    this.max = max;
    this.nanoTime = nanoTime;
    this.sampler = sampler;
    this.sampledAt = nanoTime.getAsLong() - 2 * SAMPLE_NANOS;
  }

  /** This process's descriptors, or none known (never short) where the platform does not say. */
  public static Descriptors ofThisProcess() {
    OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof com.sun.management.UnixOperatingSystemMXBean unix) {
      Descriptors d =
          new Descriptors(
              unix::getOpenFileDescriptorCount,
              unix.getMaxFileDescriptorCount(),
              System::nanoTime,
              ForkJoinPool.commonPool());
      d.sampleNow(0);
      return d;
    }
    return new Descriptors(() -> 0, Long.MAX_VALUE, System::nanoTime, Runnable::run);
  }

  /** A view that reads {@code open} at every call, for tests. */
  public static Descriptors unsampled(LongSupplier open, long max) {
    long[] t = {0};
    return new Descriptors(open, max, () -> t[0] += 2 * SAMPLE_NANOS, Runnable::run);
  }

  /** Open descriptors now (sampled), with no connection counted. */
  public long open() {
    return open(0);
  }

  /**
   * Open descriptors now: the last sample, plus the {@code connections} open now beyond those
   * open when it was taken (fewer if some closed since).
   */
  public long open(long connections) {
    long now = nanoTime.getAsLong();
    if (now - sampledAt >= SAMPLE_NANOS && sampling.compareAndSet(false, true)) {
      sampledAt = now;
      try {
        sampler.execute(
            () -> {
              try {
                sampleNow(connections);
              } finally {
                sampling.set(false);
              }
            });
      } catch (RejectedExecutionException e) {
        sampling.set(false);
      }
    }
    Sample last = sample;
    return Math.max(0, last.open() + connections - last.connections());
  }

  /**
   * Counts the descriptors now, with {@code connections} open when asked: connections opened
   * while it counts are counted twice until the next sample, which errs on the safe side.
   */
  private void sampleNow(long connections) {
    sample = new Sample(open.getAsLong(), connections);
  }

  public long max() {
    return max;
  }

  /** Whether fewer than {@code reserve} descriptors are left. */
  public boolean runningShort(int reserve) {
    return runningShort(reserve, 0);
  }

  /** Whether fewer than {@code reserve} descriptors are left, with {@code connections} open now. */
  public boolean runningShort(int reserve, long connections) {
    return open(connections) + reserve >= max;
  }
}
