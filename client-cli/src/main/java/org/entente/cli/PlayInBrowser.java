package org.entente.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.entente.client.ProtocolClient;
import org.entente.engine.model.Actor;
import org.entente.engine.model.Scenario;
import org.entente.proto.protocol.v1.AssignBot;
import org.entente.proto.protocol.v1.ClientMessage;
import org.entente.proto.protocol.v1.CreateSession;
import org.entente.proto.protocol.v1.ServerMessage;
import org.entente.proto.protocol.v1.StartGame;
import org.entente.server.EntenteServer;
import org.entente.server.ServerConfig;
import org.entente.server.web.WebAddress;

/**
 * {@code entente play --web}: the local game of {@code entente play} (a server in this process on
 * loopback, bots for the other countries, started), played in a browser. Prints the page's
 * address and opens it with {@code xdg-open} when there is one (not with {@code --no-open});
 * runs until Enter or Ctrl-C.
 */
final class PlayInBrowser {
  private static final long TIMEOUT_SECONDS = 30;

  private PlayInBrowser() {}

  /** Runs the game until Enter; {@code open}: also open the page with {@code xdg-open}. */
  static int run(
      Scenario scenario,
      Path scenarioFile,
      String seat,
      Integer turns,
      boolean open,
      PrintStream out)
      throws Exception {
    ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("org.entente"))
        .setLevel(ch.qos.logback.classic.Level.ERROR);
    try (EntenteServer server =
        EntenteServer.builder()
            .config(ServerConfig.defaults().withPort(0).withBindAddress("127.0.0.1"))
            .start()) {
      ProtocolClient gm =
          ProtocolClient.connectAndHello("127.0.0.1", server.port(), "entente-play-web");
      try {
        CreateSession.Builder create = PlayOnServer.createRequest(scenario, scenarioFile, turns);
        String code =
            call(gm, ClientMessage.newBuilder().setCreateSession(create))
                .getSessionCreated()
                .getJoinCode();
        for (Actor a : scenario.playableActors()) {
          if (!a.id().equals(seat)) {
            call(
                gm,
                ClientMessage.newBuilder().setAssignBot(AssignBot.newBuilder().setCountry(a.id())));
          }
        }
        call(gm, ClientMessage.newBuilder().setStartGame(StartGame.getDefaultInstance()));
        String page = WebAddress.of(false, "127.0.0.1", server.port());
        String join = page + "?code=" + code;
        out.println(
            "Open "
                + join
                + " in a browser and join as "
                + scenario.nameOf(seat)
                + " (code "
                + code
                + "); bots play the other countries.");
        out.println("The projector view: " + page + "watch/" + code);
        out.println("Press Enter (or Ctrl-C) to stop.");
        if (open) {
          openInBrowser(join);
        }
        int c;
        do {
          c = System.in.read();
        } while (c >= 0 && c != '\n');
        if (c < 0) {
          server.awaitClosed(); // no terminal to press Enter in: until Ctrl-C
        }
        return 0;
      } finally {
        gm.close();
      }
    }
  }

  /** Tries xdg-open (present on most Linux desktops); silently does nothing without it. */
  private static void openInBrowser(String url) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, "xdg-open"))) {
        try {
          new ProcessBuilder(Path.of(dir, "xdg-open").toString(), url)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
        } catch (IOException e) {
          // the address is printed; opening it is only a convenience
        }
        return;
      }
    }
  }

  private static ServerMessage call(ProtocolClient client, ClientMessage.Builder request)
      throws Exception {
    ServerMessage response = client.request(request).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    if (response.hasError()) {
      throw new IllegalStateException(response.getError().getMessage());
    }
    return response;
  }
}
