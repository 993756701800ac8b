package org.entente.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.entente.client.ProtocolClient;
import org.entente.client.SeatStore;
import org.entente.client.ServerAddress;
import org.entente.client.ServerTrust;
import org.entente.client.UntrustedServerException;
import org.entente.proto.protocol.v1.ClientMessage;
import org.entente.proto.protocol.v1.DebriefFormat;
import org.entente.proto.protocol.v1.Resume;
import org.entente.proto.protocol.v1.ServerMessage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code entente debrief}: the class debrief of a session on a server, as Markdown and HTML files. */
@Command(
    name = "debrief",
    mixinStandardHelpOptions = true,
    description = {
      "Write the debrief of a game on a server, finished or running:",
      "debrief.md and a self-contained debrief.html (timeline, charts,",
      "memberships, promises versus actions, objectives, what really",
      "happened next). Needs the join code; the game-master token is the",
      "one saved in ~/.config/entente/seats.json when the session was",
      "created here, else it is asked for without echo (--gm TOKEN works",
      "too, but other users of this machine can see it in ps).",
      "It takes over the game-master seat: a console connected elsewhere",
      "is disconnected and can reconnect. For 'entente play', type",
      "'debrief' in the game instead.",
      "With --csv it also writes students.csv (per seat: messages by",
      "channel, words written, orders authored and sealed, first and last",
      "active turn; counts only, never the text) and quantities.csv (per",
      "turn and country: every quantity and track), for grading."
    },
    footer = {
      "",
      "Examples:",
      "  entente debrief localhost:7777 --code ABC-DEF",
      "  entente debrief tls://10.0.0.5:7777 --code ABC-DEF \\",
      "      --out debrief-4B --include-private",
      "  entente debrief localhost:7777 --code ABC-DEF --gm k3v...token --csv",
      "",
      "Open debrief.html in any browser (it loads nothing from a",
      "network) and print it from there."
    })
final class DebriefCommand implements Callable<Integer> {
  @Parameters(
      index = "0",
      paramLabel = "HOST:PORT",
      description = "The server (tls://HOST:PORT for one that speaks TLS).")
  String address;

  @Option(
      names = "--code",
      required = true,
      paramLabel = "JOIN_CODE",
      description = "The session's join code.")
  String code;

  @Option(
      names = "--gm",
      paramLabel = "TOKEN",
      description = "The game-master token (default: the saved one, else asked for).")
  String token;

  @Option(
      names = "--fingerprint",
      paramLabel = "SHA256:...",
      description = "Speak TLS and trust only the certificate with this fingerprint.")
  String fingerprint;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      defaultValue = ".",
      description = "Where to write (default: here).")
  Path out;

  @Option(
      names = "--include-private",
      description = "Include private and team messages (default: public ones only).")
  boolean includePrivate;

  @Option(
      names = "--csv",
      description = "Also write students.csv and quantities.csv (UTF-8, for a spreadsheet).")
  boolean csv;

  @Override
  public Integer call() throws Exception {
    ServerAddress server;
    ServerTrust trust;
    try {
      server = ServerAddress.parse(address);
      server = fingerprint != null ? server.withTls(true) : server;
      trust = TrustOnFirstUse.trust(fingerprint);
    } catch (IllegalArgumentException e) {
      System.err.println("entente debrief: " + Safe.line(e.getMessage()));
      return 2;
    }
    Optional<String> gm =
        token != null ? Optional.of(token) : savedToken(server, code).or(DebriefCommand::askToken);
    if (gm.isEmpty()) {
      System.err.println(
          "entente debrief: no game-master token is saved for "
              + SeatStore.displayCode(code)
              + " on "
              + server
              + " in "
              + SeatStore.forUser().file()
              + "; run this where the session was created, or in a terminal to be asked for it.");
      return 2;
    }
    ServerAddress target = server;
    try (ProtocolClient client =
        TrustOnFirstUse.connect(
            target,
            trust,
            TrustOnFirstUse.onConsole(System.out),
            t -> {
              try {
                return ProtocolClient.connectAndHello(target, t, "entente debrief");
              } catch (IOException e) {
                throw e;
              } catch (Exception e) {
                throw new IOException(
                    "cannot reach the server at " + target + ": " + e.getMessage(), e);
              }
            })) {
      ServerMessage resumed =
          client
              .request(
                  ClientMessage.newBuilder()
                      .setResume(
                          Resume.newBuilder()
                              .setJoinCode(code)
                              .setToken(gm.get())
                              .setLastSeq(Long.MAX_VALUE)))
              .get(RemoteDebrief.TIMEOUT_SECONDS, TimeUnit.SECONDS);
      if (resumed.hasError()) {
        System.err.println("entente: " + Safe.line(resumed.getError().getMessage()));
        return 2;
      }
      String markdown =
          RemoteDebrief.fetch(client, DebriefFormat.DEBRIEF_FORMAT_MARKDOWN, includePrivate);
      String html = RemoteDebrief.fetch(client, DebriefFormat.DEBRIEF_FORMAT_HTML, includePrivate);
      List<Path> written = new ArrayList<>(DebriefFiles.write(out, markdown, html));
      if (csv) {
        written.addAll(DebriefFiles.fetchCsv(client, out, includePrivate));
      }
      for (Path p : written) {
        System.out.println("Wrote " + p);
      }
      return 0;
    } catch (UntrustedServerException e) {
      System.err.println("entente debrief: " + Safe.line(TrustOnFirstUse.advice(e)));
      return 2;
    } catch (IOException e) {
      System.err.println("entente debrief: " + Safe.line(e.getMessage()));
      return 2;
    } catch (RemoteDebrief.Failure e) {
      System.err.println("entente: " + Safe.line(e.getMessage()));
      return 2;
    }
  }

  /** The game-master token saved in seats.json for this server and join code. */
  static Optional<String> savedToken(ServerAddress server, String code) {
    try {
      return SeatStore.forUser()
          .find(server.toString(), code)
          .filter(s -> s.role().equals("GAME_MASTER"))
          .map(SeatStore.Seat::token);
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static Optional<String> askToken() {
    java.io.Console console = System.console();
    if (console == null) {
      return Optional.empty();
    }
    char[] typed = console.readPassword("Game-master token (not shown): ");
    return typed == null || new String(typed).isBlank()
        ? Optional.empty()
        : Optional.of(new String(typed).strip());
  }
}
