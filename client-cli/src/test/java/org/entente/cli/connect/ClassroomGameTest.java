package org.entente.cli.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.entente.cli.Main;
import org.entente.cli.connect.Console.Result;
import org.entente.client.ClientSession;
import org.entente.client.SeatStore;
import org.entente.client.ServerAddress;
import org.entente.server.EntenteServer;
import org.entente.server.ServerConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A class over a real server on port 0: a game master and two students, each a
 * {@link ClientSession} driven through the same {@link Console} the shell and scripts use.
 * Asserts what each of them saw. Waits are on events, never on time.
 */
class ClassroomGameTest {
  private static final String ESC = "\u001b";

  @TempDir Path home;
  private EntenteServer server;
  private ServerAddress address;

  /** One person at a terminal: a session, a console and everything printed to them. */
  final class User implements AutoCloseable {
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    final SeatStore seats;
    final ClientSession session;
    final Console console;

    User(String name) throws Exception {
      seats = new SeatStore(home.resolve(name).resolve("seats.json"));
      session = ClientSession.connect(address, seats, "test-" + name);
      console =
          new Console(
              session,
              Output.plain(
                  new PrintStream(bytes, true, StandardCharsets.UTF_8), false, false, () -> 100));
    }

    Result run(String line) {
      Result r = console.run(line);
      session.drain();
      return r;
    }

    void ok(String line) {
      assertThat(run(line)).as("%s\n%s", line, seen()).isEqualTo(Result.OK);
    }

    String seen() {
      session.drain();
      return bytes.toString(StandardCharsets.UTF_8);
    }

    /** Waits (at most 30 s) until {@code text} has been printed: an event from another user. */
    String awaitSeen(String text) throws InterruptedException {
      long end = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
      while (!seen().contains(text) && System.nanoTime() < end) {
        Thread.sleep(20);
      }
      return seen();
    }

    /** The student shuts the terminal mid-test (try-with-resources closes it again, harmlessly). */
    void closeTerminal() {
      session.close();
    }

    @Override
    public void close() {
      session.close();
    }
  }

  @BeforeEach
  void startServer() throws Exception {
    server =
        EntenteServer.builder()
            .config(
                ServerConfig.defaults().withPort(0).withBindAddress("127.0.0.1").withThreads(2, 2))
            .start();
    address = new ServerAddress("127.0.0.1", server.port());
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  @Test
  void aGameMasterAndTwoStudentsPlayATurn() throws Exception {
    try (User gm = new User("gm");
        User ani = new User("ani");
        User ilham = new User("ilham")) {
      gm.ok("create armenia-csto-2024 2 manual");
      String code = gm.session.joinCode();
      assertThat(gm.seen()).contains("Join code: " + SeatStore.displayCode(code));

      ani.ok("join " + code + " Ani ARM");
      ilham.ok("join " + SeatStore.displayCode(code).toLowerCase() + " Ilham aze");
      assertThat(ani.seen()).contains("You play Armenia in Armenia and the CSTO");
      gm.ok("wait players 2 30s");
      assertThat(gm.seen())
          .contains("Ani joined for Armenia.")
          .contains("Ilham joined for Azerbaijan.");
      gm.ok("start");
      ani.ok("wait turn 1 30s");
      ilham.ok("wait turn 1 30s");

      assertThat(ani.run("FREEZE CSTO")).isEqualTo(Result.FAILED);
      assertThat(ani.seen())
          .contains(
              "Not allowed: Armenia is a frozen member of the CSTO; only an active member can freeze");
      ani.ok("GIVE_NOTICE CSTO");
      assertThat(ani.seen()).contains("Accepted as order 1: GIVE_NOTICE CSTO");
      ilham.ok("ESCALATE ARM INCURSION");
      ilham.ok("tell ARM \"Hello " + ESC + "[31mred\"");
      ani.ok("wait message 30s");
      assertThat(ani.seen())
          .contains("[T1] Ilham (AZE) to ARM: Hello ^[[31mred")
          .doesNotContain(ESC);

      gm.ok("watch");
      assertThat(gm.seen())
          .contains("ARM: GIVE_NOTICE CSTO  (Ani)")
          .contains("AZE: ESCALATE ARM INCURSION  (Ilham)");

      ani.ok("ready");
      ilham.ok("ready");
      for (User u : new User[] {gm, ani, ilham}) {
        u.ok("wait report 1 30s");
      }
      assertThat(ani.seen())
          .contains("== Turn 1 report (every country with players was ready) ==")
          .contains("Armenia gave notice under CSTO Charter Art. 19")
          .contains("Azerbaijan's incursion against Armenia succeeded")
          .doesNotContain("[GM only]");
      // Each country reads why its own numbers moved; nobody else reads them (the game master
      // does).
      assertThat(ani.seen()).contains("Armenia's security (SEC)");
      assertThat(gm.seen()).contains("Armenia's security (SEC)");
      assertThat(ilham.seen()).doesNotContain("Armenia's security (SEC)");
      assertThat(ilham.seen()).doesNotContain("GIVE_NOTICE CSTO  (Ani)");

      ani.ok("wait turn 2 30s");
      ani.ok("status");
      assertThat(ani.seen()).contains("CSTO Collective Security Treaty Organization  notice (");
      ani.ok("briefing");
      assertThat(ani.seen()).contains("Hidden objectives of Armenia");
      ilham.ok("briefing");
      assertThat(ilham.seen())
          .contains("Hidden objectives of Azerbaijan")
          .doesNotContain("Hidden objectives of Armenia");

      assertThat(ani.run("start")).isEqualTo(Result.FAILED);
      assertThat(ani.seen()).contains("'start' is for the game master.");
      assertThat(gm.run("pause")).isEqualTo(Result.OK);
      assertThat(gm.run("pause")).isEqualTo(Result.FAILED);
      assertThat(gm.seen()).contains("Only a running game can be paused.");

      gm.ok("move Ani AZE");
      assertThat(ani.session.await(s -> s.country().equals("AZE"), Duration.ofSeconds(30)))
          .isTrue();
      assertThat(ani.seen()).contains("Ani moved from ARM to AZE.");
      gm.ok("kick Ilham");
      assertThat(ilham.session.await(ClientSession::isGone, Duration.ofSeconds(30))).isTrue();
      assertThat(ilham.seen()).contains("(the game master removed your seat)");
      assertThat(ilham.run("status")).isEqualTo(Result.FAILED);
      assertThat(ilham.seats.forServer(address.toString())).isEmpty();
      assertThat(gm.seen()).contains("Ilham was removed by the game master.");

      gm.ok("end");
      gm.ok("wait phase ENDED 30s");
      // The hint names no token: 'entente debrief' finds it in seats.json, and a projected screen
      // shows no secret.
      assertThat(gm.seen())
          .contains(
              "  entente debrief " + address + " --code " + SeatStore.displayCode(code) + "\n")
          .doesNotContain(" --gm")
          .doesNotContain(gm.session.token());
      assertThat(ani.seen()).doesNotContain("entente debrief");
    }
  }

  @Test
  void aDroppedConnectionReconnectsAndCatchesUpAndARestartedTerminalRejoinsTheSeat()
      throws Exception {
    try (User gm = new User("gm");
        User ani = new User("ani")) {
      gm.ok("create armenia-csto-2024 3 manual");
      String code = gm.session.joinCode();
      ani.ok("join " + code + " Ani ARM");
      gm.ok("start");
      ani.ok("wait turn 1 30s");

      ani.session.dropConnectionForTest();
      assertThat(ani.session.await(s -> !s.isConnected(), Duration.ofSeconds(30))).isTrue();
      gm.ok("announce \"While you were away\"");
      // Typed while the connection is down: sent once the seat is back.
      ani.ok("team \"typed while offline\"");
      ani.ok("wait message 60s");
      assertThat(ani.seen())
          .contains("connection to " + address + " lost; reconnecting in 1 s...")
          .contains("Announcement from Game master: While you were away");
      ani.ok("GIVE_NOTICE CSTO");
      String before = ani.seen();
      ani.ok("history");
      // Sent exactly once: the server's history holds one copy.
      assertThat(ani.seen().substring(before.length()))
          .containsOnlyOnce("Ani (ARM) to the team: typed while offline");

      // A new terminal: same seats file, no code typed.
      ani.closeTerminal();
      try (User again = new User("ani")) {
        again.ok("rejoin");
        assertThat(again.seen()).contains("You play Armenia").contains("earlier event(s) loaded");
        again.ok("orders");
        assertThat(again.seen()).containsPattern("1  GIVE_NOTICE CSTO\\s+\\d+  Ani");
        again.ok("forget");
        assertThat(again.seats.forServer(address.toString())).isEmpty();
      }
    }
  }

  @Test
  void botCommandsTypedWhileTheGameMastersConnectionIsDownAreCarriedOutOnceTheSeatIsBack()
      throws Exception {
    try (User gm = new User("gm")) {
      gm.ok("create armenia-csto-2024 3 manual");
      gm.session.dropConnectionForTest();
      assertThat(gm.session.await(s -> !s.isConnected(), Duration.ofSeconds(30))).isTrue();
      gm.ok("bot AZE");
      assertThat(
              gm.session.await(
                  s ->
                      s.view()
                          .map(
                              v ->
                                  v.getCountriesList().stream()
                                      .anyMatch(c -> c.getId().equals("AZE") && c.getBot()))
                          .orElse(false),
                  Duration.ofSeconds(30)))
          .isTrue();

      gm.session.dropConnectionForTest();
      assertThat(gm.session.await(s -> !s.isConnected(), Duration.ofSeconds(30))).isTrue();
      gm.ok("bot AZE off");
      assertThat(
              gm.session.await(
                  s ->
                      s.view()
                          .map(
                              v ->
                                  v.getCountriesList().stream()
                                      .noneMatch(c -> c.getId().equals("AZE") && c.getBot()))
                          .orElse(false),
                  Duration.ofSeconds(30)))
          .isTrue();
      assertThat(gm.seen())
          .containsOnlyOnce("A bot now plays Azerbaijan")
          .containsOnlyOnce("A bot no longer plays Azerbaijan");
    }
  }

  @Test
  void scriptsExitOneOnARefusedCommandAndTwoOnUsageOrConnectionErrors() throws Exception {
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
      Path prepare = home.resolve("prepare.txt");
      Files.writeString(prepare, "# a teacher's preparation\nwho\nstart\nready\nwho\n");
      int rc =
          Main.run(
              "connect",
              address.toString(),
              "--create",
              "armenia-csto-2024",
              "--turns",
              "4",
              "--script",
              prepare.toString());
      assertThat(rc).isEqualTo(1);
      String o = out.toString(StandardCharsets.UTF_8);
      assertThat(o).contains("> start").contains("Started.").contains("'ready' is for players.");
      assertThat(o.indexOf("> who", o.indexOf("'ready'"))).isEqualTo(-1);

      out.reset();
      Path json = home.resolve("json.txt");
      Files.writeString(json, "who\nextend 1m\n");
      rc = Main.run("connect", address.toString(), "--script", json.toString(), "--json");
      assertThat(rc).isEqualTo(1);
      String j = out.toString(StandardCharsets.UTF_8);
      assertThat(j)
          .contains("{\"command\":\"rejoin\",\"ok\":true")
          .contains("{\"command\":\"who\",\"ok\":true")
          .contains("\"code\":\"WRONG_PHASE\"");
      assertThat(j.lines()).allSatisfy(l -> assertThat(l).startsWith("{").endsWith("}"));

      assertThat(Main.run("connect", "localhost:99999")).isEqualTo(2);
      assertThat(err.toString(StandardCharsets.UTF_8))
          .contains("port 99999 is out of range (1..65535)");
      assertThat(Main.run("connect", address.toString(), "--name", "Ani")).isEqualTo(2);
      assertThat(err.toString(StandardCharsets.UTF_8))
          .contains("--name and --country go with --join CODE");
      int closedPort;
      try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
        closedPort = s.getLocalPort();
      }
      assertThat(Main.run("connect", "127.0.0.1:" + closedPort)).isEqualTo(2);
      assertThat(err.toString(StandardCharsets.UTF_8))
          .contains("cannot reach the server at 127.0.0.1:" + closedPort);
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

  @Test
  void twoStudentsOnOneCountryAreReadyTogetherAndSeeEachOthersOrders() throws Exception {
    try (User gm = new User("gm");
        User ani = new User("ani");
        User aram = new User("aram")) {
      gm.ok("create armenia-csto-2024 2 manual");
      String code = gm.session.joinCode();
      ani.ok("join " + code + " Ani ARM");
      aram.ok("join " + code + " Aram ARM");
      gm.ok("wait players 2 30s");
      gm.ok("start");
      ani.ok("wait turn 1 30s");
      aram.ok("wait turn 1 30s");

      // RESUME is the order for a student, not the game master's command.
      ani.ok("RESUME CSTO");
      assertThat(ani.seen())
          .contains("Accepted as order 1: RESUME CSTO")
          .doesNotContain("is for the game master");
      assertThat(aram.awaitSeen("Ani added order 1: RESUME CSTO"))
          .contains("Ani added order 1: RESUME CSTO");
      aram.ok("orders");
      assertThat(aram.seen())
          .containsPattern("1\\s+RESUME CSTO\\s+\\d+\\s+Ani")
          .contains("order points used");

      ani.ok("ready");
      assertThat(ani.seen())
          .contains("Ready for turn 1")
          .contains("Still drafting: Aram; the turn waits for them too.");
      assertThat(aram.awaitSeen("Ani (ARM) is ready; still drafting: Aram."))
          .contains("Ani (ARM) is ready; still drafting: Aram.");
      aram.ok("who");
      assertThat(aram.seen()).containsPattern("Ani\\s+player\\s+ARM\\s+yes\\s+ready");
      assertThat(gm.seen()).doesNotContain("== Turn 1 report");

      // 'remove all' in a team asks first and names what it would take back.
      aram.ok("remove all");
      assertThat(aram.seen())
          .contains("This would take back all 1 order(s) of Armenia:")
          .contains("1. RESUME CSTO (by Ani)")
          .contains("type 'remove all yes'");
      aram.ok("ready");
      for (User u : new User[] {gm, ani, aram}) {
        u.ok("wait report 1 30s");
      }
      assertThat(gm.seen()).contains("== Turn 1 report (every country with players was ready) ==");
      assertThat(ani.seen()).contains("Aram (ARM) is ready.");
      assertThat(aram.seen()).doesNotContain("Ready for turn 1 (");

      // A student who drops is reported to the game master.
      aram.session.close();
      gm.ok("wait turn 2 30s");
      ani.ok("status XYZ".replace("XYZ", "ARM"));
      assertThat(ani.run("status XYZ")).isEqualTo(Result.FAILED);
      assertThat(ani.seen())
          .contains("There is no country 'XYZ' in this scenario; the countries are ");
      gm.console.run("wait message 2s");
      assertThat(gm.seen()).contains("Aram (ARM) lost the connection");
    }
  }

  @Test
  void aTeammatesRemovalNamesWhoRemovedTheOrderAndWhoWroteIt() throws Exception {
    try (User gm = new User("gm");
        User ani = new User("ani");
        User aram = new User("aram")) {
      gm.ok("create armenia-csto-2024 2 manual");
      String code = gm.session.joinCode();
      ani.ok("join " + code + " Ani ARM");
      aram.ok("join " + code + " Aram ARM");
      gm.ok("wait players 2 30s");
      gm.ok("start");
      ani.ok("wait turn 1 30s");
      aram.ok("wait turn 1 30s");

      ani.ok("JOINT_EXERCISE USA");
      ani.ok("STATEMENT RUS REASSURE");
      aram.awaitSeen("Ani added order 2: STATEMENT RUS REASSURE");
      aram.ok("remove 1");
      assertThat(ani.awaitSeen("Aram removed order 1"))
          .contains("Aram removed order 1 (JOINT_EXERCISE USA, written by Ani)")
          .doesNotContain("Order taken back: ");
      // One's own removal was confirmed already; the draft update does not repeat it.
      ani.ok("remove 1");
      assertThat(aram.awaitSeen("Ani removed order 1"))
          .contains("Ani removed order 1 (STATEMENT RUS REASSURE)");
      assertThat(aram.seen()).doesNotContain("Aram removed").doesNotContain("Order taken back: ");
      assertThat(ani.seen()).doesNotContain("Ani removed");
    }
  }

  @Test
  void anotherCountrysOfferWaitsInTheInboxOfTheCountryOffered() throws Exception {
    try (User gm = new User("gm");
        User ani = new User("ani");
        User marie = new User("marie")) {
      gm.ok("create armenia-csto-2024 2 manual");
      String code = gm.session.joinCode();
      ani.ok("join " + code + " Ani ARM");
      marie.ok("join " + code + " Marie FRA");
      gm.ok("wait players 2 30s");
      gm.ok("start");
      ani.ok("wait turn 1 30s");
      marie.ok("wait turn 1 30s");

      marie.ok("JOINT_EXERCISE ARM");
      marie.ok("ready");
      ani.ok("ready");
      for (User u : new User[] {gm, ani, marie}) {
        u.ok("wait report 1 30s");
      }
      ani.ok("inbox");
      assertThat(ani.seen())
          .contains(
              "[T1] Offer: France offered Armenia a joint exercise; to accept, order"
                  + " `JOINT_EXERCISE FRA` next turn");
      // The offer waits once: read, it is no longer new.
      ani.ok("inbox");
      assertThat(ani.seen()).contains("No new messages or offers.");
      // The one who offered is told nothing was agreed, and is offered nothing; nor is the game
      // master, who reads every country's lines.
      marie.ok("inbox");
      gm.ok("inbox");
      assertThat(marie.seen())
          .contains("France offered Armenia a joint exercise, but Armenia gave no matching order")
          .doesNotContain("Offer: ");
      assertThat(gm.seen()).doesNotContain("Offer: ");
    }
  }
}
