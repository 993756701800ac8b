package org.entente.cli.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The limit on open files that every connection counts against, once in the bench and once in
 * a server it starts (which inherits the limit): read before a run, so that a run too large
 * for it is refused up front with what to raise, not half-way with connections refused.
 */
final class FileLimit {
  private FileLimit() {}

  /** Why {@code needed} descriptors will not fit under {@code limit}, if they will not. */
  static Optional<String> problem(long needed, OptionalLong limit) {
    if (limit.isEmpty() || needed <= limit.getAsLong()) {
      return Optional.empty();
    }
    return Optional.of(
        String.format(
            Locale.ROOT,
            "this run needs about %d open files (one per connection), in this process and in a"
                + " server started here, and the limit is %d: raise it (ulimit -n %d, up to the"
                + " hard limit, ulimit -Hn) or use fewer sessions.",
            needed,
            limit.getAsLong(),
            needed));
  }

  /** This process's soft limit on open files, from /proc/self/limits (the JVM raises it to the hard limit at start). */
  static OptionalLong ofThisProcess() {
    try {
      return parse(Files.readAllLines(Path.of("/proc/self/limits")));
    } catch (IOException | RuntimeException e) {
      return OptionalLong.empty();
    }
  }

  /** The soft limit in {@code /proc/PID/limits}' "Max open files  SOFT  HARD  files" line. */
  static OptionalLong parse(List<String> limits) {
    for (String line : limits) {
      if (line.startsWith("Max open files")) {
        String soft = line.substring("Max open files".length()).strip().split("\\s+")[0];
        return soft.equals("unlimited")
            ? OptionalLong.empty()
            : OptionalLong.of(Long.parseLong(soft));
      }
    }
    return OptionalLong.empty();
  }
}
