package org.entente.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.entente.proto.protocol.v1.ClientMessage;
import org.entente.proto.protocol.v1.DebriefFormat;
import org.entente.proto.protocol.v1.Resume;
import org.entente.proto.protocol.v1.ServerMessage;
import org.entente.client.ProtocolClient;
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
      "happened next). Needs the join code and the game-master token.",
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
      "  entente debrief localhost:7777 --code ABC-DEF --gm k3v...token",
      "  entente debrief 10.0.0.5:7777 --code ABC-DEF --gm k3v...token \\",
      "      --out debrief-4B --include-private",
      "  entente debrief localhost:7777 --code ABC-DEF --gm k3v...token --csv",
      "",
      "Open debrief.html in any browser (it loads nothing from a",
      "network) and print it from there."
    })
final class DebriefCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "HOST:PORT", description = "The server.")
  String address;

  @Option(names = "--code", required = true, paramLabel = "JOIN_CODE", description = "The session's join code.")
  String code;

  @Option(names = "--gm", required = true, paramLabel = "TOKEN", description = "The game-master token.")
  String token;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = ".", description = "Where to write (default: here).")
  Path out;

  @Option(names = "--include-private", description = "Include private and team messages (default: public ones only).")
  boolean includePrivate;

  @Option(names = "--csv", description = "Also write students.csv and quantities.csv (UTF-8, for a spreadsheet).")
  boolean csv;

  @Override
  public Integer call() throws Exception {
    int colon = address.lastIndexOf(':');
    int port;
    try {
      port = Integer.parseInt(address.substring(colon + 1));
    } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
      System.err.println("entente: '" + Safe.text(address) + "' is not HOST:PORT (e.g. localhost:7777)");
      return 2;
    }
    String host = colon > 0 ? address.substring(0, colon) : "localhost";
    try (ProtocolClient client = ProtocolClient.connectAndHello(host, port, "entente debrief")) {
      ServerMessage resumed = client.request(ClientMessage.newBuilder().setResume(Resume.newBuilder()
          .setJoinCode(code).setToken(token).setLastSeq(Long.MAX_VALUE))).get(RemoteDebrief.TIMEOUT_SECONDS, TimeUnit.SECONDS);
      if (resumed.hasError()) {
        System.err.println("entente: " + Safe.text(resumed.getError().getMessage()));
        return 2;
      }
      String markdown = RemoteDebrief.fetch(client, DebriefFormat.DEBRIEF_FORMAT_MARKDOWN, includePrivate);
      String html = RemoteDebrief.fetch(client, DebriefFormat.DEBRIEF_FORMAT_HTML, includePrivate);
      List<Path> written = new ArrayList<>(DebriefFiles.write(out, markdown, html));
      if (csv) {
        written.addAll(DebriefFiles.fetchCsv(client, out, includePrivate));
      }
      for (Path p : written) {
        System.out.println("Wrote " + p);
      }
      return 0;
    } catch (RemoteDebrief.Failure e) {
      System.err.println("entente: " + Safe.text(e.getMessage()));
      return 2;
    }
  }
}
