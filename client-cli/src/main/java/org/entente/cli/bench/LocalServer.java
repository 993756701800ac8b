package org.entente.cli.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
final class LocalServer implements Probe, AutoCloseable {
  private static final Pattern LISTENING = Pattern.compile("listening on \\S*?:(\\d+)");

  /** A heap's (or a generation's) line of {@code jcmd PID GC.heap_info}: "... total 1048576K, used 12345K [...". */
  private static final Pattern HEAP_USED = Pattern.compile("total \\d+K, used (\\d+)K");

  /** How long one jcmd may take (a full GC of a large heap included). */
  private static final long JCMD_SECONDS = 120;

  /** Clock ticks per second of /proc/PID/stat on Linux ({@code getconf CLK_TCK}). */
  private static final double TICKS = 100.0;

  private final Process process;
  private final int port;
  private final Path dataDir;

  /** {@link #dataDir} as the server's descriptors name it (the temporary directory may be a link). */
  private final Path realDataDir;

  private LocalServer(Process process, int port, Path dataDir) throws IOException {
    this.process = process;
    this.port = port;
    this.dataDir = dataDir;
    this.realDataDir = dataDir.toRealPath();
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
  @Override
  public OptionalLong cpuMillis() {
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
  @Override
  public OptionalLong rssBytes() {
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

  /**
   * Asks the server's JVM for a full collection ({@code jcmd PID GC.run}, i.e. System.gc(),
   * a stop-the-world full GC with G1), then reads the heap in use ({@code GC.heap_info});
   * empty if this JDK has no jcmd or it fails.
   */
  @Override
  public OptionalLong heapAfterFullGc() {
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    if (!Files.isExecutable(jcmd)) {
      return OptionalLong.empty();
    }
    try {
      jcmd(jcmd, "GC.run");
      return usedHeap(jcmd(jcmd, "GC.heap_info"));
    } catch (IOException e) {
      return OptionalLong.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return OptionalLong.empty();
    }
  }

  private String jcmd(Path jcmd, String command) throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder(jcmd.toString(), String.valueOf(process.pid()), command)
            .redirectErrorStream(true)
            .start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(JCMD_SECONDS, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException("jcmd " + command + " took over " + JCMD_SECONDS + " s");
    }
    if (p.exitValue() != 0) {
      throw new IOException(
          "jcmd " + command + " failed: " + new String(out, StandardCharsets.UTF_8));
    }
    return new String(out, StandardCharsets.UTF_8);
  }

  /** The heap in use in {@code GC.heap_info}'s words: G1's one heap line, or the sum of the generations'. */
  static OptionalLong usedHeap(String heapInfo) {
    Matcher m = HEAP_USED.matcher(heapInfo);
    long kib = 0;
    boolean found = false;
    while (m.find()) {
      kib += Long.parseLong(m.group(1));
      found = true;
    }
    return found ? OptionalLong.of(kib * 1024) : OptionalLong.empty();
  }

  /** The server's open descriptors, from /proc/PID/fd. */
  @Override
  public Optional<OpenFiles> openFiles() {
    Path fds = Path.of("/proc", String.valueOf(process.pid()), "fd");
    List<String> targets = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(fds)) {
      for (Path fd : entries) {
        try {
          targets.add(Files.readSymbolicLink(fd).toString());
        } catch (IOException e) {
          // closed while listing
        }
      }
    } catch (IOException e) {
      return Optional.empty();
    }
    return Optional.of(OpenFiles.of(targets, realDataDir));
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
