package org.entente.client;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.ListValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import com.google.protobuf.util.JsonFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The seats this user holds, kept in {@code seats.json} (mode 600: tokens are secrets) so that a
 * restarted terminal rejoins its seat without retyping anything. Keyed by server address and
 * join code; the newest entry for a key wins.
 */
public final class SeatStore {
  /** One saved seat. {@code role} is PLAYER, SPECTATOR or GAME_MASTER. */
  public record Seat(
      String server, String joinCode, String token, String role, String country, String name) {
    public Seat {
      joinCode = normaliseCode(joinCode);
    }
  }

  private final Path file;

  public SeatStore(Path file) {
    this.file = file;
  }

  /** The store in {@code $XDG_CONFIG_HOME/entente/} or {@code $HOME/.config/entente/}. */
  public static SeatStore forUser() {
    return new SeatStore(configDir().resolve("seats.json"));
  }

  /**
   * {@code $XDG_CONFIG_HOME/entente}, else {@code $HOME/.config/entente}; the system property
   * {@code entente.config.dir} overrides both (tests run in one process and cannot set the environment).
   */
  public static Path configDir() {
    return configDir(
        System.getProperty("entente.config.dir"), System.getenv(), System.getProperty("user.home"));
  }

  /**
   * The rule of {@link #configDir()}: {@code $HOME} is the shell's home (a classroom account, a
   * {@code HOME=/tmp/x} for a second seat), which may differ from the JVM's {@code user.home}
   * (read from the password database); {@code userHome} counts only when {@code HOME} is unset.
   */
  static Path configDir(String override, Map<String, String> env, String userHome) {
    if (override != null && !override.isBlank()) {
      return Path.of(override);
    }
    String xdg = env.get("XDG_CONFIG_HOME");
    if (xdg != null && !xdg.isBlank()) {
      return Path.of(xdg, "entente");
    }
    String home = env.get("HOME");
    return Path.of(home != null && !home.isBlank() ? home : userHome, ".config", "entente");
  }

  public Path file() {
    return file;
  }

  /** A join code as the server compares it: upper case, no spaces or dashes. */
  public static String normaliseCode(String code) {
    return code.toUpperCase(Locale.ROOT).replace("-", "").replace(" ", "");
  }

  /** A join code as people read it: {@code ABC-DEF}. */
  public static String displayCode(String code) {
    String c = normaliseCode(code);
    return c.length() == 6 ? c.substring(0, 3) + "-" + c.substring(3) : c;
  }

  public synchronized List<Seat> all() throws IOException {
    if (!Files.exists(file)) {
      return List.of();
    }
    Struct.Builder root = Struct.newBuilder();
    try {
      JsonFormat.parser()
          .ignoringUnknownFields()
          .merge(Files.readString(file, StandardCharsets.UTF_8), root);
    } catch (InvalidProtocolBufferException e) {
      throw new IOException(
          file + " is not valid JSON (" + e.getMessage() + "); delete it to start afresh", e);
    }
    List<Seat> seats = new ArrayList<>();
    for (Value v :
        root.getFieldsOrDefault("seats", Value.getDefaultInstance())
            .getListValue()
            .getValuesList()) {
      Map<String, Value> f = v.getStructValue().getFieldsMap();
      String token = str(f, "token");
      if (!token.isEmpty()) {
        seats.add(
            new Seat(
                str(f, "server"),
                str(f, "join_code"),
                token,
                str(f, "role"),
                str(f, "country"),
                str(f, "name")));
      }
    }
    return seats;
  }

  /** The seats saved for one server, oldest first. */
  public List<Seat> forServer(String server) throws IOException {
    return all().stream().filter(s -> s.server().equals(server)).toList();
  }

  public Optional<Seat> find(String server, String joinCode) throws IOException {
    String code = normaliseCode(joinCode);
    return forServer(server).stream().filter(s -> s.joinCode().equals(code)).reduce((a, b) -> b);
  }

  /** Saves a seat, replacing any seat with the same server and join code. */
  public synchronized void save(Seat seat) throws IOException {
    List<Seat> seats = new ArrayList<>(all());
    seats.removeIf(s -> s.server().equals(seat.server()) && s.joinCode().equals(seat.joinCode()));
    seats.add(seat);
    write(seats);
  }

  /** Removes the seat for this server and code; false if there was none. */
  public synchronized boolean forget(String server, String joinCode) throws IOException {
    List<Seat> seats = new ArrayList<>(all());
    String code = normaliseCode(joinCode);
    boolean removed = seats.removeIf(s -> s.server().equals(server) && s.joinCode().equals(code));
    if (removed) {
      write(seats);
    }
    return removed;
  }

  private void write(List<Seat> seats) throws IOException {
    ListValue.Builder list = ListValue.newBuilder();
    for (Seat s : seats) {
      list.addValues(
          Value.newBuilder()
              .setStructValue(
                  Struct.newBuilder()
                      .putFields("server", string(s.server()))
                      .putFields("join_code", string(s.joinCode()))
                      .putFields("token", string(s.token()))
                      .putFields("role", string(s.role()))
                      .putFields("country", string(s.country()))
                      .putFields("name", string(s.name()))));
    }
    Struct root =
        Struct.newBuilder()
            .putFields("seats", Value.newBuilder().setListValue(list).build())
            .build();
    Files.createDirectories(file.toAbsolutePath().getParent());
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.deleteIfExists(tmp);
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      Files.createFile(
          tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    }
    Files.writeString(tmp, JsonFormat.printer().print(root) + "\n", StandardCharsets.UTF_8);
    try {
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static Value string(String s) {
    return Value.newBuilder().setStringValue(s).build();
  }

  private static String str(Map<String, Value> f, String key) {
    return f.getOrDefault(key, Value.getDefaultInstance()).getStringValue();
  }
}
