package org.entente.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.entente.client.ProtocolClient;
import org.entente.proto.protocol.v1.Announce;
import org.entente.proto.protocol.v1.ClientMessage;
import org.entente.proto.protocol.v1.CreateSession;
import org.entente.proto.protocol.v1.ForceResolution;
import org.entente.proto.protocol.v1.ServerMessage;
import org.entente.proto.protocol.v1.StartGame;
import org.entente.server.EntenteServer;
import org.entente.server.ServerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The debrief from {@code play} and from a server, as a teacher produces it. */
class DebriefCommandTest {
  @TempDir Path dir;

  @RegisterExtension final StdCapture std = new StdCapture();

  @Test
  void playWritesTheDebriefOfTheTurnsPlayed() throws Exception {
    Path script = dir.resolve("game.txt");
    Files.writeString(
        script,
        String.join(
            "\n",
            "STATEMENT RUS REASSURE",
            "ready",
            "ECONOMIC_PRESSURE RUS",
            "ready",
            "debrief " + dir,
            "quit"));
    assertThat(Main.run("play", "--hot-seat", "--turns", "2", "--script", script.toString()))
        .isZero();
    String printed = std.out();
    assertThat(printed).contains("Type 'debrief'").contains("Wrote " + dir.resolve("debrief.html"));
    String html = Files.readString(dir.resolve("debrief.html"));
    assertThat(html).contains("id=\"t1\"", "id=\"t2\"", "Finished game", "contradicted at T2");
    assertThat(Files.readString(dir.resolve("debrief.md"))).contains("### T2 (");
  }

  @Test
  void debriefFetchesARunningGameFromAServer() throws Exception {
    try (EntenteServer server =
            EntenteServer.builder()
                .config(ServerConfig.defaults().withPort(0).withBindAddress("127.0.0.1"))
                .start();
        ProtocolClient teacher =
            ProtocolClient.connectAndHello("127.0.0.1", server.port(), "console")) {
      ServerMessage created =
          teacher
              .request(
                  ClientMessage.newBuilder()
                      .setCreateSession(
                          CreateSession.newBuilder()
                              .setBuiltinScenarioId("armenia-csto-2024")
                              .setTurns(4)))
              .get(10, TimeUnit.SECONDS);
      String code = created.getSessionCreated().getJoinCode();
      String token = created.getSessionCreated().getGameMasterToken();
      teacher
          .request(ClientMessage.newBuilder().setStartGame(StartGame.getDefaultInstance()))
          .get(10, TimeUnit.SECONDS);
      teacher
          .request(
              ClientMessage.newBuilder()
                  .setAnnounce(Announce.newBuilder().setText("Welcome <b>class</b>")))
          .get(10, TimeUnit.SECONDS);
      teacher
          .request(
              ClientMessage.newBuilder().setForceResolution(ForceResolution.getDefaultInstance()))
          .get(10, TimeUnit.SECONDS);

      int code0 =
          Main.run(
              "debrief",
              "127.0.0.1:" + server.port(),
              "--code",
              code,
              "--gm",
              token,
              "--out",
              dir.toString());
      assertThat(code0).isZero();
      String html = Files.readString(dir.resolve("debrief.html"));
      assertThat(html)
          .contains(
              "id=\"t1\"", "Game in progress (1 of 4 turns)", "Welcome &lt;b&gt;class&lt;/b&gt;");
      assertThat(Files.readString(dir.resolve("debrief.md"))).startsWith("# Debrief: ");
      assertThat(dir.resolve("students.csv")).doesNotExist();

      Path withCsv = dir.resolve("csv");
      assertThat(
              Main.run(
                  "debrief",
                  "127.0.0.1:" + server.port(),
                  "--code",
                  code,
                  "--gm",
                  token,
                  "--out",
                  withCsv.toString(),
                  "--csv"))
          .isZero();
      byte[] students = Files.readAllBytes(withCsv.resolve("students.csv"));
      assertThat(students).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
      assertThat(new String(students, java.nio.charset.StandardCharsets.UTF_8))
          .contains("seat,name,country,role,messages_public,messages_announcement,")
          .contains("\r\n1,Game master,,game master,0,1,0,0,2,");
      assertThat(Files.readString(withCsv.resolve("quantities.csv")))
          .startsWith("\uFEFFturn,date,country,");
      assertThat(std.out()).contains("Wrote " + withCsv.resolve("students.csv"));
      assertThat(
              Main.run(
                  "debrief",
                  "127.0.0.1:" + server.port(),
                  "--code",
                  code,
                  "--gm",
                  "a".repeat(26),
                  "--out",
                  dir.toString()))
          .isEqualTo(2);

      // No --gm, nothing saved, no terminal to ask on: a sentence saying where the token would be.
      String old = System.getProperty("entente.config.dir");
      System.setProperty("entente.config.dir", dir.resolve("empty-config").toString());
      try {
        assertThat(
                Main.run(
                    "debrief",
                    "127.0.0.1:" + server.port(),
                    "--code",
                    code,
                    "--out",
                    dir.toString()))
            .isEqualTo(2);
        assertThat(std.err())
            .contains(
                "no game-master token is saved for "
                    + org.entente.client.SeatStore.displayCode(code)
                    + " on 127.0.0.1:"
                    + server.port());
      } finally {
        if (old == null) {
          System.clearProperty("entente.config.dir");
        } else {
          System.setProperty("entente.config.dir", old);
        }
      }
    }
  }
}
