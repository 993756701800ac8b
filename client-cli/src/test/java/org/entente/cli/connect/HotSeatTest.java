package org.entente.cli.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.entente.cli.connect.CommandSpec.Mode;
import org.entente.cli.connect.CommandSpec.Where;
import org.entente.cli.connect.Console.Result;
import org.entente.client.ClientSession;
import org.entente.client.ProtocolClient;
import org.entente.client.SeatStore;
import org.entente.client.ServerAddress;
import org.entente.client.ViewModel;
import org.entente.proto.protocol.v1.AssignBot;
import org.entente.proto.protocol.v1.ClientMessage;
import org.entente.proto.protocol.v1.CreateSession;
import org.entente.proto.protocol.v1.ServerMessage;
import org.entente.proto.protocol.v1.StartGame;
import org.entente.server.EntenteServer;
import org.entente.server.ServerConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hot seat of {@code play --hot-seat} on a real server on port 0: one console holding the
 * seats of the countries it takes, bots playing the rest, as {@code PlayOnServer} sets it up.
 */
class HotSeatTest {
  @TempDir Path home;
  private EntenteServer server;
  private ProtocolClient gameMaster;
  private HotSeat hotSeat;
  private Console console;
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

  @BeforeEach
  void startAGameWithBotsBesideArmenia() throws Exception {
    server =
        EntenteServer.builder()
            .config(
                ServerConfig.defaults().withPort(0).withBindAddress("127.0.0.1").withThreads(2, 2))
            .start();
    gameMaster = ProtocolClient.connectAndHello("127.0.0.1", server.port(), "test-gm");
    String code =
        gm(ClientMessage.newBuilder()
                .setCreateSession(
                    CreateSession.newBuilder()
                        .setBuiltinScenarioId("armenia-csto-2024")
                        .setTurns(2)))
            .getSessionCreated()
            .getJoinCode();
    for (String country : List.of("RUS", "AZE", "USA", "FRA")) {
      gm(ClientMessage.newBuilder().setAssignBot(AssignBot.newBuilder().setCountry(country)));
    }
    gm(ClientMessage.newBuilder().setStartGame(StartGame.getDefaultInstance()));
    hotSeat =
        HotSeat.open(
            new ServerAddress("127.0.0.1", server.port()),
            new SeatStore(home.resolve("seats.json")),
            code,
            gameMaster,
            "ARM");
    console =
        new Console(
            hotSeat.first(),
            Output.plain(
                new PrintStream(bytes, true, StandardCharsets.UTF_8), false, false, () -> 100),
            hotSeat,
            dir -> List.of());
  }

  private ServerMessage gm(ClientMessage.Builder request) throws Exception {
    return gameMaster.request(request).get(10, TimeUnit.SECONDS);
  }

  @AfterEach
  void stop() {
    hotSeat.close();
    gameMaster.close();
    server.close();
  }

  private Result run(String line) {
    Result r = console.run(line);
    console.session().drain();
    return r;
  }

  private String seen() {
    console.session().drain();
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void asSwitchesTheSeatSoOrdersGoToThatCountry() {
    ClientSession armenia = console.session();
    assertThat(run("as AZE")).isEqualTo(Result.OK);
    assertThat(console.session().country()).isEqualTo("AZE");
    assertThat(console.session().view().orElseThrow().getViewerCountry()).isEqualTo("AZE");
    assertThat(run("ESCALATE ARM INCURSION")).as(seen()).isEqualTo(Result.OK);
    assertThat(ViewModel.ownDraft(console.session().view().orElseThrow()).getOrdersList())
        .extracting(o -> o.getText())
        .containsExactly("ESCALATE ARM INCURSION");
    assertThat(ViewModel.ownDraft(armenia.view().orElseThrow()).getOrdersCount()).isZero();
    assertThat(seen())
        .contains(
            "You now play Azerbaijan (its bot stands down for this game; 'bot AZE' hands it back).");

    assertThat(run("as ARM")).isEqualTo(Result.OK);
    assertThat(console.session()).isSameAs(armenia);
    assertThat(seen()).contains("You now play Armenia.");
  }

  @Test
  void aShortHotSeatGameResolvesATurnEndToEnd() {
    assertThat(run("GIVE_NOTICE CSTO")).as(seen()).isEqualTo(Result.OK);
    assertThat(run("as AZE")).isEqualTo(Result.OK);
    assertThat(run("ESCALATE ARM INCURSION")).isEqualTo(Result.OK);
    // 'ready' readies every seat held; bots count as ready: the turn resolves before the next
    // command.
    assertThat(run("ready")).as(seen()).isEqualTo(Result.OK);
    assertThat(console.session().reports()).containsKey(1);
    assertThat(console.session().view().orElseThrow().getTurn()).isEqualTo(2);
    assertThat(seen())
        .contains(
            "Armenia gave notice under CSTO Charter Art. 19",
            "Azerbaijan's incursion against Armenia succeeded",
            "Turn 2 of 2 is open");

    assertThat(run("bot AZE")).isEqualTo(Result.FAILED);
    assertThat(run("as ARM")).isEqualTo(Result.OK);
    assertThat(run("bot AZE")).as(seen()).isEqualTo(Result.OK);
    assertThat(seen()).contains("A bot now plays Azerbaijan.");
    assertThat(run("ready")).as(seen()).isEqualTo(Result.OK);
    assertThat(console.session().reports()).containsKey(2);
    assertThat(seen()).contains("Type 'debrief' to write the class debrief");
  }

  @Test
  void helpAndCompletionOfferTheHotSeatCommandsOnlyInTheHotSeat() {
    ShellCompleter completer = new ShellCompleter(console);
    assertThat(completer.words(List.of(), Where.PLAYER, Mode.HOT_SEAT))
        .contains("as", "bot", "debrief", "score", "ready")
        .doesNotContain("leave", "join", "sessions");
    assertThat(completer.words(List.of(), Where.PLAYER, Mode.CLASS))
        .doesNotContain("as", "debrief", "score", "bot")
        .contains("leave", "ready");
    assertThat(completer.words(List.of("as"), Where.PLAYER, Mode.HOT_SEAT))
        .containsExactly("ARM", "RUS", "AZE", "USA", "FRA");

    assertThat(run("help")).isEqualTo(Result.OK);
    assertThat(seen())
        .contains(
            "Commands (hot seat",
            "as COUNTRY",
            "debrief [DIR]",
            "end the turn: every seat you hold is ready")
        .contains("end the game and leave")
        .doesNotContain("leave the session", "your seat stays saved");
    String hotSeatHelp =
        String.join(
            "\n",
            Screens.help(Where.PLAYER, Mode.HOT_SEAT, 100).stream().map(Object::toString).toList());
    String classHelp =
        String.join("\n", Screens.help(Where.PLAYER, 100).stream().map(Object::toString).toList());
    assertThat(hotSeatHelp).contains("as COUNTRY", "debrief [DIR]", "score");
    assertThat(classHelp).doesNotContain("as COUNTRY", "debrief [DIR]").contains("leave");
  }
}
