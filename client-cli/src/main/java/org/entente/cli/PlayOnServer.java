package org.entente.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.entente.cli.connect.ConnectCommand;
import org.entente.cli.connect.HotSeat;
import org.entente.cli.connect.LocalDebrief;
import org.entente.client.ClientSession;
import org.entente.client.ProtocolClient;
import org.entente.client.SeatStore;
import org.entente.client.ServerAddress;
import org.entente.engine.model.Actor;
import org.entente.engine.model.Scenario;
import org.entente.proto.protocol.v1.AssignBot;
import org.entente.proto.protocol.v1.ClientMessage;
import org.entente.proto.protocol.v1.CreateSession;
import org.entente.proto.protocol.v1.DebriefFormat;
import org.entente.proto.protocol.v1.ScenarioFile;
import org.entente.proto.protocol.v1.ServerMessage;
import org.entente.proto.protocol.v1.StartGame;
import org.entente.server.EntenteServer;
import org.entente.server.ServerConfig;

/**
 * {@code entente play} as a class plays: a server in this process on a loopback port (in
 * memory), a session whose other countries bots play, and the student's shell of {@code
 * entente connect} seated at the chosen country, or with {@code --hot-seat} the same shell
 * holding a seat for every country the user takes ({@link HotSeat}). A hidden game-master
 * connection creates the session, seats the bots, starts it and fetches the debrief: for the
 * shell's {@code debrief [DIR]} in either, and for {@code --debrief DIR} on quitting.
 */
final class PlayOnServer {
  private static final long TIMEOUT_SECONDS = 30;

  /** The command line's choices: turns (null for the scenario's), script, JSON, debrief directory, hot seat. */
  record Options(Integer turns, Path script, boolean json, Path debriefDir, boolean hotSeat) {}

  private PlayOnServer() {}

  /** The create_session of a local game: the built-in scenario, or the file given, and the turns asked for. */
  static CreateSession.Builder createRequest(Scenario scenario, Path scenarioFile, Integer turns)
      throws java.io.IOException {
    CreateSession.Builder create = CreateSession.newBuilder().setDisplayName("entente play");
    if (scenarioFile == null) {
      create.setBuiltinScenarioId(scenario.metadata().id());
    } else {
      create.setScenarioFile(
          ScenarioFile.newBuilder()
              .setFileName(scenarioFile.getFileName().toString())
              .setText(Files.readString(scenarioFile)));
    }
    if (turns != null) {
      create.setTurns(turns);
    }
    return create;
  }

  static int run(
      Scenario scenario, Path scenarioFile, String seat, Options options, PrintStream err)
      throws Exception {
    Integer turns = options.turns();
    // The server's log lines are for an operator; here they would only clutter the player's screen.
    ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("org.entente"))
        .setLevel(ch.qos.logback.classic.Level.ERROR);
    try (EntenteServer server =
        EntenteServer.builder()
            .config(ServerConfig.defaults().withPort(0).withBindAddress("127.0.0.1"))
            .start()) {
      ProtocolClient gm =
          ProtocolClient.connectAndHello("127.0.0.1", server.port(), "entente-play");
      try {
        CreateSession.Builder create = PlayOnServer.createRequest(scenario, scenarioFile, turns);
        ServerMessage created = call(gm, ClientMessage.newBuilder().setCreateSession(create));
        String code = created.getSessionCreated().getJoinCode();
        for (Actor a : scenario.playableActors()) {
          if (!a.id().equals(seat)) {
            call(
                gm,
                ClientMessage.newBuilder().setAssignBot(AssignBot.newBuilder().setCountry(a.id())));
          }
        }
        call(gm, ClientMessage.newBuilder().setStartGame(StartGame.getDefaultInstance()));
        // Seats of a game in this process are not worth remembering: a throwaway store.
        Path seatsDir = Files.createTempDirectory("entente-play");
        Path seats = seatsDir.resolve("seats.json");
        ServerAddress address = new ServerAddress("127.0.0.1", server.port());
        LocalDebrief debrief =
            dir ->
                DebriefFiles.write(
                    dir,
                    RemoteDebrief.fetch(gm, DebriefFormat.DEBRIEF_FORMAT_MARKDOWN, true),
                    RemoteDebrief.fetch(gm, DebriefFormat.DEBRIEF_FORMAT_HTML, true));
        int rc;
        try {
          if (options.hotSeat()) {
            try (HotSeat hotSeat = HotSeat.open(address, new SeatStore(seats), code, gm, seat)) {
              rc =
                  ConnectCommand.runHotSeat(
                      hotSeat,
                      debrief,
                      intro(scenario, seat),
                      options.script(),
                      options.json(),
                      false);
            }
          } else {
            try (ClientSession session =
                ClientSession.connect(address, new SeatStore(seats), "entente-play")) {
              rc =
                  ConnectCommand.runShell(
                      session,
                      debrief,
                      List.of("join", code, "You", seat),
                      options.script(),
                      options.json(),
                      false);
            }
          }
        } finally {
          Files.deleteIfExists(seats);
          Files.deleteIfExists(seatsDir);
        }
        if (options.debriefDir() != null) {
          for (Path p : debrief.write(options.debriefDir())) {
            err.println("Wrote " + p);
          }
          for (Path p : DebriefFiles.fetchCsv(gm, options.debriefDir(), true)) {
            err.println("Wrote " + p);
          }
        }
        return rc;
      } finally {
        gm.close();
      }
    }
  }

  /** What the hot seat prints first: the scenario, and how one terminal plays several countries. */
  private static List<String> intro(Scenario scenario, String seat) {
    return List.of(
        Safe.line(scenario.metadata().title()),
        Safe.line(scenario.metadata().summary()),
        "",
        "You play "
            + scenario.nameOf(seat)
            + "; bots play the other countries. Type 'help' for commands, 'briefing' to read in.",
        "'as COUNTRY' takes another country's seat, 'bot COUNTRY' hands it back to its bot; 'ready' ends the turn"
            + " for every seat you hold.");
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
