package org.entente.cli.bench;

import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Recorder;
import org.entente.proto.protocol.v1.ErrorCode;
import org.entente.proto.protocol.v1.ServerMessage;

/**
 * Runs one phase at a time and makes its {@link Result}: the latencies its body records, the
 * answers it counts (accepted, refused, rate-limited), the first refusal in words, and the
 * server's CPU time and resident memory around it.
 */
final class Meter {
  /** The longest latency recorded; a longer one is recorded as this. */
  static final long MAX_LATENCY_NANOS = TimeUnit.SECONDS.toNanos(60);

  /** How long any one answer is awaited. */
  static final long ANSWER_WAIT_SECONDS = 30;

  /** A phase's work: records latencies, returns {accepted, errors, rate-limited[, nanos]}. */
  interface Body {
    long[] run(Recorder recorder) throws Exception;
  }

  private final Probe probe;

  /** The first error of the running phase, to say what went wrong. */
  private volatile String firstError;

  Meter(Probe probe) {
    this.probe = probe;
  }

  Probe probe() {
    return probe;
  }

  /**
   * Runs {@code body} as the phase {@code name}. Its seconds are the wall time, unless the body
   * returns a fourth count: the nanoseconds that matter (a turn: last ready to last report).
   */
  Result measure(String name, Body body) throws Exception {
    Recorder recorder = new Recorder(3);
    OptionalLong cpuBefore = probe.cpuMillis();
    long start = System.nanoTime();
    firstError = null;
    long[] counts = body.run(recorder);
    double seconds = (System.nanoTime() - start) / 1e9;
    if (counts.length > 3) {
      seconds = counts[3] / 1e9;
    }
    OptionalLong cpuAfter = probe.cpuMillis();
    OptionalLong cpu =
        cpuBefore.isPresent() && cpuAfter.isPresent()
            ? OptionalLong.of(cpuAfter.getAsLong() - cpuBefore.getAsLong())
            : OptionalLong.empty();
    String error = firstError;
    firstError = null;
    return new Result(
        name,
        counts[0] + counts[1] + counts[2],
        counts[1],
        counts[2],
        seconds,
        recorder.getIntervalHistogram(),
        cpu,
        probe.rssBytes(),
        error == null ? "" : error);
  }

  static void record(Recorder recorder, long nanos) {
    recorder.recordValue(Math.max(0, Math.min(nanos, MAX_LATENCY_NANOS)));
  }

  void noteError(String what) {
    if (firstError == null) {
      firstError = what;
    }
  }

  /** Counts one answer into {accepted, errors, rate-limited}. */
  void count(ServerMessage r, long[] counts) {
    if (!r.hasError()) {
      counts[0]++;
    } else if (r.getError().getCode() == ErrorCode.RATE_LIMITED) {
      counts[2]++;
    } else {
      counts[1]++;
      noteError(r.getError().getCode() + ": " + r.getError().getMessage());
    }
  }

  /** {@link #count} for answers arriving on several threads. */
  void tally(ServerMessage r, AtomicLong ok, AtomicLong errors, AtomicLong limited) {
    if (!r.hasError()) {
      ok.incrementAndGet();
    } else if (r.getError().getCode() == ErrorCode.RATE_LIMITED) {
      limited.incrementAndGet();
    } else {
      errors.incrementAndGet();
      noteError(r.getError().getCode() + ": " + r.getError().getMessage());
    }
  }
}
