package org.entente.cli.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.entente.cli.Main;
import org.entente.cli.connect.Console.Result;
import org.entente.client.ClientSession;
import org.entente.client.SeatStore;
import org.entente.client.ServerAddress;
import org.entente.server.EntenteServer;
import org.entente.server.ServerConfig;
import org.entente.server.lobby.Lobby;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Secrets stay out of view: the creation key and the game-master token are asked for, never printed or kept in history. */
class SecretsTest {
  private static final String KEY = "correct-horse-battery";

  @TempDir Path home;

  private EntenteServer server;
  private ServerAddress address;
  private final List<ClientSession> sessions = new ArrayList<>();

  @BeforeEach
  void startServer() throws Exception {
    server =
        EntenteServer.builder()
            .config(
                ServerConfig.defaults().withPort(0).withBindAddress("127.0.0.1").withThreads(2, 2))
            .admission(Lobby.Admission.defaults().withCreationKey(KEY))
            .start();
    address = new ServerAddress("127.0.0.1", server.port());
  }

  @AfterEach
  void stop() {
    sessions.forEach(ClientSession::close);
    server.close();
  }

  private record User(ClientSession session, Console console, ByteArrayOutputStream bytes) {
    Result run(String line) {
      Result r = console.run(line);
      session.drain();
      return r;
    }

    String seen() {
      session.drain();
      return bytes.toString(StandardCharsets.UTF_8);
    }
  }

  private User user(String name, Console.SecretPrompt prompt) throws Exception {
    ClientSession session =
        ClientSession.connect(
            address, new SeatStore(home.resolve(name).resolve("seats.json")), "test-" + name);
    sessions.add(session);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Console console =
        new Console(
            session,
            Output.plain(
                new PrintStream(bytes, true, StandardCharsets.UTF_8), false, false, () -> 100));
    console.secretPrompt(prompt);
    return new User(session, console, bytes);
  }

  @Test
  void aServerThatWantsACreationKeyGetsItFromAQuestionAndTheKeyIsNeverShown() throws Exception {
    List<String> questions = new ArrayList<>();
    User teacher =
        user(
            "teacher",
            q -> {
              questions.add(q);
              return Optional.of(KEY);
            });
    assertThat(teacher.run("create armenia-csto-2024 2 manual")).isEqualTo(Result.OK);
    assertThat(questions)
        .containsExactly("Creation key (from whoever runs the server; not shown): ");
    assertThat(teacher.seen())
        .contains("This server asks for a creation key")
        .contains("Session created:")
        .doesNotContain(KEY);
    // The token is saved, not printed.
    assertThat(teacher.seen())
        .contains("The game-master token is secret and not shown")
        .doesNotContain(teacher.session().token());
  }

  @Test
  void aWrongKeyIsAskedAgainOnceAndNobodyToAskMeansARefusal() throws Exception {
    User wrong = user("wrong", q -> Optional.of(KEY));
    wrong.console().creationKey("not-the-key");
    assertThat(wrong.run("create armenia-csto-2024")).isEqualTo(Result.OK);
    assertThat(wrong.seen())
        .contains("That creation key is not this server's.")
        .contains("Session created:");

    User script = user("script", Console.SecretPrompt.NONE);
    assertThat(script.run("create armenia-csto-2024")).isEqualTo(Result.FAILED);
    assertThat(script.seen())
        .contains(
            "This server asks for a creation key to create sessions; ask the person who runs it.");
    assertThat(script.session().inSession()).isFalse();
  }

  @Test
  void gmWithoutATokenUsesTheSavedSeatOrAsksAndOtherwiseSaysHow() throws Exception {
    User teacher = user("teacher", q -> Optional.of(KEY));
    assertThat(teacher.run("create armenia-csto-2024")).isEqualTo(Result.OK);
    String code = SeatStore.displayCode(teacher.session().joinCode());
    String token = teacher.session().token();

    // Same machine, new terminal: the token saved in seats.json opens the console.
    User again = user("teacher", Console.SecretPrompt.NONE);
    assertThat(again.run("gm " + code)).isEqualTo(Result.OK);
    assertThat(again.session().inSession()).isTrue();

    User elsewhere = user("laptop", Console.SecretPrompt.NONE);
    assertThat(elsewhere.run("gm " + code)).isEqualTo(Result.FAILED);
    assertThat(elsewhere.seen())
        .contains(
            "gm needs the game-master token: type 'gm " + code + "' in the interactive shell");

    List<String> asked = new ArrayList<>();
    User typed =
        user(
            "projector",
            q -> {
              asked.add(q);
              return Optional.of(token);
            });
    assertThat(typed.run("gm " + code)).isEqualTo(Result.OK);
    assertThat(asked).containsExactly("Game-master token of " + code + " (not shown): ");
    assertThat(typed.seen()).doesNotContain(token);
  }

  @Test
  void aGmLineWithItsTokenStaysOutOfTheHistory() throws Exception {
    try (Terminal terminal =
        new DumbTerminal(
            "t",
            Terminal.TYPE_DUMB,
            new java.io.ByteArrayInputStream(new byte[0]),
            new ByteArrayOutputStream(),
            StandardCharsets.UTF_8)) {
      LineReader reader =
          LineReaderBuilder.builder()
              .terminal(terminal)
              .variable(LineReader.HISTORY_IGNORE, Shell.HISTORY_IGNORE)
              .build();
      reader.getHistory().attach(reader); // as readLine does
      reader.getHistory().add("gm ABC-DEF k3vsecrettoken");
      reader.getHistory().add("GM abc-def k3vsecrettoken");
      reader.getHistory().add("status");
      List<String> kept = new ArrayList<>();
      reader.getHistory().forEach(e -> kept.add(e.line()));
      assertThat(kept).containsExactly("status");
    }
  }

  @Test
  void connectReadsTheCreationKeyFromAFileAndRefusesItWithoutCreate() throws Exception {
    Path config = home.resolve("cfg");
    String old = System.getProperty("entente.config.dir");
    System.setProperty("entente.config.dir", config.toString());
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      Path key = home.resolve("key.txt");
      Files.writeString(key, KEY + "\n");
      Path script = home.resolve("who.txt");
      Files.writeString(script, "who\n");
      assertThat(
              Main.run(
                  "connect",
                  address.toString(),
                  "--create",
                  "armenia-csto-2024",
                  "--create-key",
                  key.toString(),
                  "--script",
                  script.toString()))
          .as(err.toString(StandardCharsets.UTF_8))
          .isZero();
      assertThat(out.toString(StandardCharsets.UTF_8))
          .contains("Session created:")
          .doesNotContain(KEY);

      out.reset();
      // A script has nobody to ask: the refusal is a failed command (exit 1) with the server's
      // sentence.
      assertThat(
              Main.run(
                  "connect",
                  address.toString(),
                  "--create",
                  "armenia-csto-2024",
                  "--script",
                  script.toString()))
          .isEqualTo(1);
      assertThat(out.toString(StandardCharsets.UTF_8))
          .contains("This server asks for a creation key");

      assertThat(Main.run("connect", address.toString(), "--create-key", key.toString()))
          .isEqualTo(2);
      assertThat(err.toString(StandardCharsets.UTF_8)).contains("--create-key goes with --create");
      Files.writeString(key, "\n");
      assertThat(
              Main.run(
                  "connect",
                  address.toString(),
                  "--create",
                  "armenia-csto-2024",
                  "--create-key",
                  key.toString()))
          .isEqualTo(2);
      assertThat(err.toString(StandardCharsets.UTF_8))
          .contains("the creation key file " + key + " is empty");
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
      if (old == null) {
        System.clearProperty("entente.config.dir");
      } else {
        System.setProperty("entente.config.dir", old);
      }
    }
  }
}
