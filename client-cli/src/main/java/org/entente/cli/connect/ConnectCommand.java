package org.entente.cli.connect;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.entente.cli.TrustOnFirstUse;
import org.entente.client.ClientSession;
import org.entente.client.SeatStore;
import org.entente.client.ServerAddress;
import org.entente.client.ServerTrust;
import org.entente.client.UntrustedServerException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code entente connect}: the networked client, for students and game masters. */
@Command(
    name = "connect",
    mixinStandardHelpOptions = true,
    description = {
      "Connect to a game server: play a country, or run a session as game master.",
      "Join a team with the code the teacher reads out, create a session, or open",
      "the game-master console with its token. Seat tokens are saved in",
      "~/.config/entente/seats.json ($XDG_CONFIG_HOME/entente if set): connecting",
      "to the same server again takes your seat back, and a dropped connection",
      "reconnects by itself. With no --join, --create or --gm and no saved seat,",
      "the shell starts in the lobby."
    },
    footer = {
      "",
      "Examples:",
      "  entente connect localhost:7777 --create armenia-csto-2024 --deadline 10m",
      "  entente connect 10.0.0.5:7777 --join ABC-DEF --name Ani --country ARM",
      "  entente connect 10.0.0.5:7777       (takes back your saved seat)",
      "  entente connect localhost:7777 --join ABC-DEF --gm   (asks for the token)",
      "  entente connect tls://10.0.0.5 --join ABC-DEF --name Ani --country ARM",
      "  entente connect tls://10.0.0.5:7777 --fingerprint SHA256:AB:CD:...",
      "  entente connect localhost:7777 --create armenia-csto-2024 --create-key key.txt",
      "  entente connect localhost:7777 --create armenia-csto-2024 \\",
      "      --script prepare.txt --json",
      "",
      "A tls:// server's certificate must be vouched for by a certificate",
      "authority, or match the fingerprint the server printed at start: the",
      "first time, connect shows it and asks (or give --fingerprint), and pins",
      "it in ~/.config/entente/known-servers; a changed certificate is refused.",
      "Secrets stay out of view: tokens are never printed (seats.json keeps",
      "them), and a creation key or token is asked for without echo.",
      "",
      "In the shell, 'help' lists the commands for your role; 'help COMMAND'",
      "explains one. A script has one shell command per line ('#' comments) and",
      "stops at the first failing command; 'wait players 10', 'wait turn 2',",
      "'wait report 1' and 'wait phase ENDED' let it follow the game.",
      "",
      "Exit codes: 0 success; 1 a command in a script failed (a refused order,",
      "an error from the server); 2 usage or connection error (bad address,",
      "server unreachable, unreadable script)."
    })
public final class ConnectCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "HOST:PORT",
      description =
          "The server, e.g. localhost:7777, or tls://HOST:PORT for one that speaks TLS (port 7777 if omitted).")
  String server;

  @Option(
      names = "--join",
      paramLabel = "CODE",
      description = "The session's join code (with --name and --country, or with --gm).")
  String join;

  @Option(
      names = "--name",
      paramLabel = "NAME",
      description = "Your name as others see it (1..32 characters).")
  String name;

  @Option(
      names = "--country",
      paramLabel = "ID",
      description = "The country whose team you join, e.g. ARM.")
  String country;

  @Option(
      names = "--gm",
      paramLabel = "TOKEN",
      arity = "0..1",
      fallbackValue = "",
      description =
          "Open the game-master console of the --join session: with the token saved in seats.json, else asked for"
              + " without echo. A TOKEN typed here is visible to other users of this machine (ps); prefer the question.")
  String gmToken;

  @Option(
      names = "--fingerprint",
      paramLabel = "SHA256:...",
      description =
          "Speak TLS and trust only the certificate with"
              + " this fingerprint (the one 'entente server' printed); pinned for later connections.")
  String fingerprint;

  @Option(
      names = "--create-key",
      paramLabel = "FILE",
      description =
          "With --create: the server's creation key, read from"
              + " FILE (without it, connect asks when the server wants one).")
  Path createKey;

  @Option(names = "--spectate", description = "Watch the --join session instead of playing.")
  boolean spectate;

  @Option(
      names = "--create",
      paramLabel = "SCENARIO",
      description =
          "Create a session of a built-in scenario (or a .textproto file) and be its game master.")
  String create;

  @Option(
      names = "--turns",
      paramLabel = "N",
      description = "With --create: number of turns (default: the scenario's).")
  Integer turns;

  @Option(
      names = "--deadline",
      paramLabel = "10m|manual",
      description = "With --create: time per turn (e.g. 90s, 10m, 1h) or manual (default).")
  String deadline;

  @Option(
      names = "--script",
      paramLabel = "FILE",
      description = "Run shell commands from FILE (one per line), then quit.")
  Path script;

  @Option(names = "--json", description = "Print one JSON object per event and per command result.")
  boolean json;

  @Option(
      names = "--no-color",
      description = "No colour (also when NO_COLOR is set or output is not a terminal).")
  boolean noColor;

  @Override
  public Integer call() {
    PrintStream err = System.err;
    ServerAddress address;
    List<String> first;
    try {
      address = ServerAddress.parse(server);
      first = firstCommand();
    } catch (IllegalArgumentException e) {
      err.println("entente connect: " + e.getMessage());
      return 2;
    }
    if (script != null && !Files.isReadable(script)) {
      err.println("entente connect: cannot read the script " + script);
      return 2;
    }
    String key = null;
    if (createKey != null) {
      if (create == null) {
        err.println("entente connect: --create-key goes with --create");
        return 2;
      }
      try {
        key = readCreationKey(createKey);
      } catch (IOException e) {
        err.println("entente connect: " + e.getMessage());
        return 2;
      }
    }
    ServerTrust trust;
    try {
      trust = TrustOnFirstUse.trust(fingerprint);
    } catch (IllegalArgumentException e) {
      err.println("entente connect: " + e.getMessage());
      return 2;
    }
    ServerAddress target = fingerprint != null ? address.withTls(true) : address;
    boolean canAsk = script == null && !json;
    ClientSession session;
    try {
      session =
          TrustOnFirstUse.connect(
              target,
              trust,
              canAsk ? TrustOnFirstUse.onConsole(System.out) : null,
              t -> ClientSession.connect(target, t, SeatStore.forUser(), "entente-cli 0.1"));
    } catch (UntrustedServerException e) {
      err.println("entente connect: " + TrustOnFirstUse.advice(e));
      return 2;
    } catch (IOException e) {
      err.println("entente connect: " + e.getMessage());
      return 2;
    }
    try (session) {
      return run(session, null, null, first, List.of(), script, json, noColor, key);
    }
  }

  /** The first line of a creation-key file, as {@code entente server --create-key} reads it. */
  static String readCreationKey(Path file) throws IOException {
    String key;
    try {
      key = Files.readString(file, StandardCharsets.UTF_8).lines().findFirst().orElse("").strip();
    } catch (IOException e) {
      throw new IOException("cannot read the creation key file " + file + ": " + e.getMessage(), e);
    }
    if (key.isEmpty()) {
      throw new IOException("the creation key file " + file + " is empty");
    }
    return key;
  }

  /**
   * Runs the client on an open session: the interactive shell when standard input is a terminal
   * (and there is no script and no JSON), otherwise the commands of {@code script} or standard
   * input; {@code first} runs before them (shell words, e.g. {@code join CODE NAME ARM}). Returns
   * the exit code: 0, 1 if a command failed, 2 on a usage or I/O error. {@code entente play} uses
   * it with a server in its own process, whose debrief {@code debrief [DIR]} writes.
   */
  public static int runShell(
      ClientSession session,
      LocalDebrief debrief,
      List<String> first,
      Path script,
      boolean json,
      boolean noColor) {
    return run(session, null, debrief, first, List.of(), script, json, noColor, null);
  }

  /**
   * Runs the hot seat's shell ({@code entente play --hot-seat}) like {@link #runShell}: it starts
   * speaking for the seat the hot seat took first, after printing {@code intro}.
   */
  public static int runHotSeat(
      HotSeat hotSeat,
      LocalDebrief debrief,
      List<String> intro,
      Path script,
      boolean json,
      boolean noColor) {
    return run(hotSeat.first(), hotSeat, debrief, List.of(), intro, script, json, noColor, null);
  }

  private static int run(
      ClientSession session,
      HotSeat hotSeat,
      LocalDebrief debrief,
      List<String> first,
      List<String> intro,
      Path script,
      boolean json,
      boolean noColor,
      String creationKey) {
    boolean interactive = script == null && System.console() != null && !json;
    if (interactive) {
      return interactive(session, hotSeat, debrief, first, intro, noColor, creationKey);
    }
    boolean colour =
        !noColor && !json && System.getenv("NO_COLOR") == null && System.console() != null;
    Console console =
        new Console(session, Output.plain(System.out, colour, json, () -> 100), hotSeat, debrief);
    if (creationKey != null) {
      console.creationKey(creationKey);
    }
    if (hotSeat != null) {
      introduce(console, intro);
    } else if (!runFirst(console, session, first, !json)) {
      return 1;
    }
    try (BufferedReader in =
        script != null
            ? Files.newBufferedReader(script, StandardCharsets.UTF_8)
            : new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
      return runScript(console, in, !json);
    } catch (IOException e) {
      System.err.println(
          "entente: cannot read "
              + (script != null ? script : "standard input")
              + ": "
              + e.getMessage());
      return 2;
    }
  }

  /** The command the options ask for before the shell takes over, as shell words; empty for none. */
  List<String> firstCommand() {
    boolean joining = name != null || country != null;
    if (create != null) {
      if (join != null || gmToken != null || joining || spectate) {
        throw new IllegalArgumentException(
            "--create starts a new session; it does not go with --join, --gm, --name, --country or --spectate");
      }
      List<String> c = new ArrayList<>(List.of("create", create));
      if (turns != null) {
        c.add(String.valueOf(turns));
      }
      if (deadline != null) {
        c.add(deadline);
      }
      return c;
    }
    if (turns != null || deadline != null) {
      throw new IllegalArgumentException("--turns and --deadline go with --create");
    }
    if (gmToken != null) {
      if (join == null) {
        throw new IllegalArgumentException(
            "--gm needs the session's join code too: --join CODE --gm");
      }
      return gmToken.isEmpty() ? List.of("gm", join) : List.of("gm", join, gmToken);
    }
    if (spectate) {
      if (join == null) {
        throw new IllegalArgumentException("--spectate needs --join CODE");
      }
      return List.of("spectate", join, name == null ? "Spectator" : name);
    }
    if (join == null) {
      if (joining) {
        throw new IllegalArgumentException("--name and --country go with --join CODE");
      }
      return List.of();
    }
    if (!joining) {
      return List.of("rejoin", join);
    }
    if (name == null || country == null) {
      throw new IllegalArgumentException(
          "joining needs --name NAME and --country ID (e.g. --name Ani --country ARM)");
    }
    return List.of("join", join, name, country);
  }

  private static String line(List<String> words) {
    StringBuilder b = new StringBuilder();
    for (String w : words) {
      b.append(b.length() == 0 ? "" : " ")
          .append('"')
          .append(w.replace("\\", "\\\\").replace("\"", "\\\""))
          .append('"');
    }
    return b.toString();
  }

  /**
   * Runs the first command. With none, takes back the newest seat saved for this server. A
   * {@code rejoin CODE} without a saved seat is a usage error.
   */
  private static boolean runFirst(
      Console console, ClientSession session, List<String> first, boolean echo) {
    List<String> cmd = first;
    if (cmd.isEmpty()) {
      try {
        if (session.seats().forServer(session.address().toString()).isEmpty()) {
          return true;
        }
      } catch (IOException e) {
        console.notice(e.getMessage(), true);
        return true;
      }
      cmd = List.of("rejoin");
    }
    if (cmd.get(0).equals("rejoin")) {
      try {
        Optional<SeatStore.Seat> saved =
            cmd.size() > 1
                ? session.seats().find(session.address().toString(), cmd.get(1))
                : session.seats().forServer(session.address().toString()).stream()
                    .reduce((a, b) -> b);
        if (saved.isEmpty()) {
          console.notice(
              "no seat is saved for join code "
                  + SeatStore.displayCode(cmd.get(1))
                  + "; to join, add --name NAME --country ID",
              true);
          return false;
        }
        console.notice(
            "taking back your seat in "
                + SeatStore.displayCode(saved.get().joinCode())
                + " ("
                + saved.get().role().toLowerCase().replace('_', ' ')
                + (saved.get().country().isEmpty() ? "" : " " + saved.get().country())
                + ")",
            false);
      } catch (IOException e) {
        console.notice(e.getMessage(), true);
        return false;
      }
    }
    if (echo) {
      console.echo(String.join(" ", cmd.get(0).equals("gm") ? List.of("gm", cmd.get(1)) : cmd));
    }
    Console.Result r = console.run(line(cmd));
    if (r != Console.Result.OK && cmd.get(0).equals("rejoin") && first.isEmpty()) {
      try {
        session
            .seats()
            .forget(
                session.address().toString(),
                session.seats().forServer(session.address().toString()).stream()
                    .reduce((a, b) -> b)
                    .map(SeatStore.Seat::joinCode)
                    .orElse(""));
      } catch (IOException e) {
        // Keeping a stale seat only costs a message next time.
      }
      console.notice(
          "that saved seat no longer works and is forgotten; you are in the lobby", true);
      return true;
    }
    return r == Console.Result.OK;
  }

  private static void introduce(Console console, List<String> intro) {
    if (!console.out().json()) {
      intro.forEach(
          line ->
              console
                  .out()
                  .print(
                      line.isEmpty()
                          ? List.of(Renderers.plain(""))
                          : Renderers.wrap(line, console.out().width(), 0)));
    }
  }

  private static int interactive(
      ClientSession session,
      HotSeat hotSeat,
      LocalDebrief debrief,
      List<String> first,
      List<String> intro,
      boolean noColor,
      String creationKey) {
    boolean colour = !noColor && System.getenv("NO_COLOR") == null;
    try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
      Path history = SeatStore.configDir().resolve("history");
      try {
        Files.createDirectories(history.getParent());
      } catch (IOException e) {
        history = null;
      }
      Shell shell = new Shell(terminal, session, hotSeat, debrief, colour, history);
      if (creationKey != null) {
        shell.console().creationKey(creationKey);
      }
      if (hotSeat != null) {
        introduce(shell.console(), intro);
      } else if (!runFirst(shell.console(), session, first, false)
          && !first.isEmpty()
          && !session.inSession()) {
        shell.console().notice("you are in the lobby: 'help' lists what you can do", false);
      }
      return shell.loop();
    } catch (IOException e) {
      System.err.println("entente connect: cannot open the terminal: " + e.getMessage());
      return 2;
    }
  }

  /** Runs commands line by line; stops at the first failure (exit 1), except in the hot seat. */
  static int runScript(Console console, BufferedReader in, boolean echo) throws IOException {
    ClientSession session = console.session();
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      String cmd = line.strip();
      if (cmd.isEmpty() || cmd.startsWith("#")) {
        continue;
      }
      session.drain();
      if (echo) {
        console.echo(cmd);
      }
      Console.Result r = console.run(cmd);
      session.drain();
      // A hot seat's lesson shows mistakes on purpose: its script goes on after a refusal.
      if (r == Console.Result.FAILED && console.hotSeat() == null) {
        return 1;
      }
      if (r == Console.Result.QUIT) {
        return 0;
      }
    }
    return 0;
  }
}
