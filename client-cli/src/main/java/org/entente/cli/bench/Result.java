package org.entente.cli.bench;

import java.util.List;
import java.util.OptionalLong;
import org.HdrHistogram.Histogram;

/** What one phase measured: requests and their latency, and the server's CPU and memory after it. */
record Result(
    String name,
    long requests,
    long errors,
    long rateLimited,
    double seconds,
    Histogram latency,
    OptionalLong serverCpuMillis,
    OptionalLong serverRssBytes,
    String firstError) {
  double throughput() {
    return seconds == 0 ? 0 : requests / seconds;
  }

  /** Several runs of one phase as one: counts, times and CPU added, latencies in one histogram. */
  static Result merged(String name, List<Result> parts) {
    Histogram latency = new Histogram(3);
    long requests = 0;
    long errors = 0;
    long limited = 0;
    double seconds = 0;
    long cpu = 0;
    boolean cpuKnown = true;
    String firstError = "";
    for (Result r : parts) {
      latency.add(r.latency());
      requests += r.requests();
      errors += r.errors();
      limited += r.rateLimited();
      seconds += r.seconds();
      cpuKnown &= r.serverCpuMillis().isPresent();
      cpu += r.serverCpuMillis().orElse(0);
      if (firstError.isEmpty()) {
        firstError = r.firstError();
      }
    }
    return new Result(
        name,
        requests,
        errors,
        limited,
        seconds,
        latency,
        cpuKnown && !parts.isEmpty() ? OptionalLong.of(cpu) : OptionalLong.empty(),
        parts.isEmpty() ? OptionalLong.empty() : parts.get(parts.size() - 1).serverRssBytes(),
        firstError);
  }
}
