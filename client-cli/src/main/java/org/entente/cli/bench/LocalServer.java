package org.entente.cli.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A server for the load test in a process of its own, started from this program's jar, so
 * its CPU time and resident memory can be read from {@code /proc} apart from the load.
 * Journalled to a temporary data directory (every acknowledgement waits for its fsync, as in
 * class) and bound to loopback, with the connection caps and rate limits raised for a load
 * test. The process is killed when the bench ends.
 */
final class LocalServer implements AutoCloseable {
  private static final Pattern LISTENING = Pattern.compile("listening on \\S*?:(\\d+)");

  /** Clock ticks per second of /proc/PID/stat on Linux ({@code getconf CLK_TCK}). */
  private static final double TICKS = 100.0;

  private final Process process;
  private final int port;
  private final Path dataDir;

  private LocalServer(Process process, int port, Path dataDir) {
    this.process = process;
    this.port = port;
    this.dataDir = dataDir;
  }

  static LocalServer start(String jvmHeap) throws IOException, InterruptedException {
    Path jar = jar();
    Path data = Files.createTempDirectory("entente-bench-data");
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + jvmHeap,
                "-jar",
                jar.toString(),
                "server",
                "--port",
                "0",
                "--bind",
                "127.0.0.1",
                "--data-dir",
                data.toString(),
                "--max-connections",
                "60000",
                "--max-connections-per-address",
                "60000",
                "--no-rate-limits"));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    StringBuilder seen = new StringBuilder();
    String line;
    while (System.nanoTime() < deadline && (line = out.readLine()) != null) {
      seen.append(line).append('\n');
      Matcher m = LISTENING.matcher(line);
      if (m.find()) {
        Thread drain =
            new Thread(
                () -> {
                  try {
                    while (out.readLine() != null) {
                      // keep the pipe empty so the server never blocks on its log
                    }
                  } catch (IOException e) {
                    // the server stopped
                  }
                },
                "bench-server-log");
        drain.setDaemon(true);
        drain.start();
        return new LocalServer(p, Integer.parseInt(m.group(1)), data);
      }
    }
    p.destroyForcibly();
    throw new IOException("the local server did not start:\n" + seen);
  }

  private static Path jar() throws IOException {
    try {
      Path self =
          Path.of(LocalServer.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      if (Files.isRegularFile(self)) {
        return self;
      }
    } catch (java.net.URISyntaxException | SecurityException e) {
      // fall through
    }
    throw new IOException(
        "entente bench starts its server from entente.jar; run it through ./entente, or give HOST:PORT");
  }

  int port() {
    return port;
  }

  /** User plus system CPU seconds the server has used so far, if /proc says. */
  OptionalLong cpuMillis() {
    try {
      String stat = Files.readString(Path.of("/proc", String.valueOf(process.pid()), "stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      // After the command name: state is field 3, utime field 14 and stime field 15 of the whole
      // line.
      long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
      return OptionalLong.of(Math.round(ticks / TICKS * 1000));
    } catch (IOException | RuntimeException e) {
      return OptionalLong.empty();
    }
  }

  /** The server's resident memory in bytes, if /proc says. */
  OptionalLong rssBytes() {
    try {
      for (String line :
          Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
        if (line.startsWith("VmRSS:")) {
          return OptionalLong.of(Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024);
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux
    }
    return OptionalLong.empty();
  }

  @Override
  public void close() {
    process.destroyForcibly();
    try {
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try (var files = Files.walk(dataDir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (IOException e) {
      // a temporary directory: the system cleans it
    }
  }
}
