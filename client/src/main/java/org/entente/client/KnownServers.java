package org.entente.client;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The certificate fingerprints this user has pinned, one server a line ({@code HOST:PORT
 * SHA256:AB:CD:...}) in {@code known-servers} next to {@code seats.json}: like SSH's
 * {@code known_hosts}, a server whose certificate no authority vouches for is trusted once the
 * user has compared its fingerprint, and refused if it ever presents another.
 */
public final class KnownServers {
  /** At most this many pinned servers; the oldest pin goes first. */
  public static final int MAX_SERVERS = 1000;

  private static final Pattern FINGERPRINT = Pattern.compile("SHA256(:[0-9A-F]{2}){32}");

  private final Path file;
  private final int maxServers;

  public KnownServers(Path file) {
    this(file, MAX_SERVERS);
  }

  /** For tests of the cap. */
  KnownServers(Path file, int maxServers) {
    this.file = file;
    this.maxServers = maxServers;
  }

  /** The store in the user's configuration directory ({@link SeatStore#configDir}). */
  public static KnownServers forUser() {
    return new KnownServers(SeatStore.configDir().resolve("known-servers"));
  }

  public Path file() {
    return file;
  }

  /**
   * A fingerprint as {@code entente server} prints it ({@code SHA256:} and 32 bytes in hex,
   * colons optional, any case).
   *
   * @throws IllegalArgumentException with a sentence for the user if it is not one
   */
  public static String normaliseFingerprint(String text) {
    String hex = text.strip().toUpperCase(Locale.ROOT);
    hex = hex.startsWith("SHA256:") ? hex.substring("SHA256:".length()) : hex;
    hex = hex.replace(":", "");
    if (!hex.matches("[0-9A-F]{64}")) {
      throw new IllegalArgumentException(
          "'"
              + text
              + "' is not a certificate fingerprint; copy the"
              + " 'SHA256:AB:CD:...' line 'entente server' printed (32 bytes in hex)");
    }
    StringBuilder b = new StringBuilder("SHA256");
    for (int i = 0; i < hex.length(); i += 2) {
      b.append(':').append(hex, i, i + 2);
    }
    return b.toString();
  }

  /** The fingerprint pinned for {@code server}, if any. */
  public synchronized Optional<String> pinned(ServerAddress server) throws IOException {
    String key = server.toString();
    for (String[] entry : entries()) {
      if (entry[0].equals(key)) {
        return Optional.of(entry[1]);
      }
    }
    return Optional.empty();
  }

  /** Pins {@code fingerprint} for {@code server}, replacing an older pin. */
  public synchronized void pin(ServerAddress server, String fingerprint) throws IOException {
    String fp = normaliseFingerprint(fingerprint);
    List<String> lines = new ArrayList<>();
    for (String[] entry : entries()) {
      if (!entry[0].equals(server.toString())) {
        lines.add(entry[0] + " " + entry[1]);
      }
    }
    lines.add(server + " " + fp);
    while (lines.size() > maxServers) {
      lines.remove(0);
    }
    Files.createDirectories(file.toAbsolutePath().getParent());
    Path temp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.write(temp, lines, StandardCharsets.UTF_8);
    try {
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** Well-formed lines only: a hand-edited line that is not {@code HOST:PORT FINGERPRINT} is skipped. */
  private List<String[]> entries() throws IOException {
    if (!Files.exists(file)) {
      return List.of();
    }
    List<String[]> out = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      String[] parts = line.strip().split("\\s+");
      if (parts.length == 2 && FINGERPRINT.matcher(parts[1]).matches()) {
        out.add(parts);
      }
    }
    return out;
  }
}
