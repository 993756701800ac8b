package org.entente.cli.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.entente.cli.ExternalTool;
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
 * The interactive shell in a real pseudo-terminal: tmux runs {@code entente connect} (the main
 * class from the test classpath), the test types with {@code send-keys} and reads the screen with
 * {@code capture-pane}, polling until the expected text appears (never a fixed sleep).
 */
class ShellInTerminalTest {
  private static final Duration PATIENCE = Duration.ofSeconds(30);

  @TempDir Path home;
  private EntenteServer server;
  private ClientSession gmSession;
  private Console gm;
  private final String tmuxSession = "entente-test-" + UUID.randomUUID().toString().substring(0, 8);

  @BeforeEach
  void setUp() throws Exception {
    ExternalTool.require("tmux", "tmux");
    server =
        EntenteServer.builder()
            .config(
                ServerConfig.defaults().withPort(0).withBindAddress("127.0.0.1").withThreads(2, 2))
            .start();
    ServerAddress address = new ServerAddress("127.0.0.1", server.port());
    gmSession =
        ClientSession.connect(address, new SeatStore(home.resolve("gm/seats.json")), "test-gm");
    gm =
        new Console(
            gmSession,
            Output.plain(
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                false,
                false,
                () -> 100));
  }

  @AfterEach
  void tearDown() throws Exception {
    if (server == null) {
      return;
    }
    tmux("kill-session", "-t", tmuxSession);
    gmSession.close();
    server.close();
  }

  @Test
  void aStudentTypesCompletesAndReadsEventsAboveThePromptWithAStatusLine() throws Exception {
    assertThat(gm.run("create armenia-csto-2024 2 manual")).isEqualTo(Console.Result.OK);
    startStudent(SeatStore.displayCode(gmSession.joinCode()));

    List<String> screen =
        await("the welcome", s -> contains(s, "You play Armenia in Armenia and the CSTO"));
    await(
        "the status line",
        s -> last(s).contains("Turn 0/2 · waiting for the game master to start"));

    assertThat(gm.run("start")).isEqualTo(Console.Result.OK);
    await(
        "turn 1",
        s -> contains(s, "Turn 1 of 2 is open (started).") && last(s).contains("ready 0/1: ARM…"));

    type("GIVE_N");
    keys("Tab");
    await("the order kind completed", s -> promptLine(s).endsWith("ARM T1> GIVE_NOTICE"));
    type("CS");
    keys("Tab");
    await("the organisation completed", s -> promptLine(s).endsWith("ARM T1> GIVE_NOTICE CSTO"));
    keys("Enter");
    await("the order accepted", s -> contains(s, "Accepted as order 1: GIVE_NOTICE CSTO"));

    type("FREEZE CSTO");
    keys("Enter");
    await("the refusal", s -> contains(s, "Not allowed: Armenia is a frozen member of the CSTO"));

    // Half a line typed when a message arrives: the message goes above, the typing stays.
    type("STATEMENT RUS REAS");
    assertThat(gm.run("announce \"Five minutes left \u001b[2J\u001b]0;owned\u0007\""))
        .isEqualTo(Console.Result.OK);
    screen =
        await(
            "the announcement above the prompt",
            s ->
                contains(s, "Announcement from Game master: Five minutes left")
                    && promptLine(s).endsWith("ARM T2> STATEMENT RUS REAS".replace("T2", "T1")));
    assertThat(String.join("\n", screen)).contains("Five minutes left ^[[2J^[]0;owned^G");
    assertThat(indexOf(screen, "Announcement from Game master"))
        .isLessThan(indexOf(screen, "ARM T1> STATEMENT RUS REAS"));
    keys("Tab");
    await("the option completed", s -> promptLine(s).endsWith("STATEMENT RUS REASSURE"));
    keys("Enter");
    await("the second order", s -> contains(s, "Accepted as order 2: STATEMENT RUS REASSURE"));

    type("ready");
    keys("Enter");
    await("the next turn on the status line", s -> last(s).contains("Turn 2/2"));
    // The report is longer than the window (each country reads its own numbers' changes): read
    // it from the scrollback too.
    List<String> withHistory = screenAndScrollback();
    assertThat(String.join("\n", withHistory))
        .contains("== Turn 1 report (every country with players was ready) ==")
        .contains("Armenia gave notice under CSTO Charter Art. 19");

    type("quit");
    keys("Enter");
    await("the shell to exit", s -> contains(s, "exit code 0"));
  }

  /**
   * A burst of events right after 'start', while the student types and the status line ticks: the
   * shell must keep showing what arrives and what is typed (it once went dark until Ctrl-L).
   */
  @Test
  void aFloodOfEventsWhileTypingNeverLeavesTheShellDark() throws Exception {
    assertThat(gm.run("create armenia-csto-2024 2 manual")).isEqualTo(Console.Result.OK);
    startStudent(SeatStore.displayCode(gmSession.joinCode()));
    await(
        "the status line",
        s -> last(s).contains("Turn 0/2 · waiting for the game master to start"));

    // The server's rate limit refuses some announcements: the last one it accepted is the one to
    // look for.
    java.util.concurrent.atomic.AtomicInteger lastSent =
        new java.util.concurrent.atomic.AtomicInteger();
    Thread flood =
        new Thread(
            () -> {
              gm.run("start");
              for (int i = 1; i <= 150; i++) {
                if (gm.run(
                        "announce \"burst "
                            + i
                            + ": a long line that wraps around the pane at least once, to make the"
                            + " terminal scroll inside the region above the status line while the prompt is redrawn\"")
                    == Console.Result.OK) {
                  lastSent.set(i);
                }
              }
            },
            "flood");
    flood.start();
    String typed = "STATEMENT RUS REASSURE";
    for (char c : typed.toCharArray()) {
      type(String.valueOf(c));
    }
    flood.join();
    String lastOne = "burst " + lastSent.get() + ": ";
    assertThat(lastSent.get()).as("announcements accepted").isGreaterThan(10);

    List<String> screen =
        await(
            "the last announcement above the prompt and the typing intact",
            s -> contains(s, lastOne) && promptLine(s).endsWith("ARM T1> " + typed));
    assertThat(last(screen)).contains("Turn 1/2");
    assertThat(indexOf(screen, lastOne)).isLessThan(indexOf(screen, "ARM T1> " + typed));
    keys("Enter");
    await(
        "the order accepted after the flood",
        s ->
            contains(s, "Accepted as order 1: STATEMENT RUS REASSURE")
                && last(s).contains("Turn 1/2"));

    // 'clear' clears the screen, and the status line comes back with it; the order stays.
    type("clear");
    keys("Enter");
    screen =
        await(
            "a cleared screen",
            s ->
                !contains(s, "burst ")
                    && last(s).contains("Turn 1/2")
                    && s.get(0).startsWith("ARM T1>"));
    type("orders");
    keys("Enter");
    await(
        "the order is still there",
        s -> contains(s, "STATEMENT RUS REASSURE") && contains(s, "Ani"));
  }

  /** SIGTERM (a closed laptop lid, a teacher's kill) gives the terminal back: no status line or scroll region left behind. */
  @Test
  void sigtermRestoresTheTerminal() throws Exception {
    assertThat(gm.run("create armenia-csto-2024 2 manual")).isEqualTo(Console.Result.OK);
    startStudent(SeatStore.displayCode(gmSession.joinCode()));
    await(
        "the status line",
        s -> last(s).contains("Turn 0/2 · waiting for the game master to start"));
    String pid = tmux("display-message", "-p", "-t", tmuxSession, "#{pane_pid}").strip();
    // The pane runs sh; the shell's JVM is its child.
    String java =
        new String(
                new ProcessBuilder("pgrep", "-P", pid, "java")
                    .start()
                    .getInputStream()
                    .readAllBytes(),
                StandardCharsets.UTF_8)
            .strip();
    assertThat(java).as("the student's JVM").isNotEmpty();
    new ProcessBuilder("kill", "-TERM", java).start().waitFor();
    await("the exit", s -> contains(s, "exit code 143"));
    // The status line was erased: the bottom of the screen is the pane's own shell again.
    List<String> screen = await("the exit", s -> contains(s, "exit code 143"));
    assertThat(screen).noneMatch(l -> l.contains("Turn 0/2 · waiting"));
  }

  private void startStudent(String code) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String command =
        String.join(
                " ",
                quote(java),
                "-cp",
                quote(System.getProperty("java.class.path")),
                "org.entente.cli.Main",
                "connect",
                "127.0.0.1:" + server.port(),
                "--join",
                code,
                "--name",
                "Ani",
                "--country",
                "ARM")
            + "; echo \"exit code $?\"; sleep 600";
    tmux(
        "new-session",
        "-d",
        "-s",
        tmuxSession,
        "-x",
        "110",
        "-y",
        "30",
        "-e",
        "XDG_CONFIG_HOME=" + home.resolve("student"),
        "-e",
        "LANG=C.UTF-8",
        "sh",
        "-c",
        command);
  }

  // ---------------------------------------------------------------------------------------------

  private void type(String text) throws Exception {
    tmux("send-keys", "-t", tmuxSession, "-l", text);
  }

  private void keys(String key) throws Exception {
    tmux("send-keys", "-t", tmuxSession, key);
  }

  private List<String> screen() throws Exception {
    List<String> lines =
        new ArrayList<>(tmux("capture-pane", "-p", "-t", tmuxSession).lines().toList());
    while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
      lines.remove(lines.size() - 1);
    }
    return lines;
  }

  /** The screen with up to 500 lines of scrollback above it. */
  private List<String> screenAndScrollback() throws Exception {
    return tmux("capture-pane", "-p", "-S", "-500", "-t", tmuxSession).lines().toList();
  }

  /** Polls the screen until {@code condition} holds; fails with the screen after {@link #PATIENCE}. */
  private List<String> await(String what, Predicate<List<String>> condition) throws Exception {
    long end = System.nanoTime() + PATIENCE.toNanos();
    List<String> s = screen();
    while (!condition.test(s)) {
      if (System.nanoTime() > end) {
        throw new AssertionError(
            "waited "
                + PATIENCE.toSeconds()
                + " s for "
                + what
                + "; the screen shows:\n"
                + String.join("\n", s));
      }
      Thread.sleep(50);
      s = screen();
    }
    return s;
  }

  private static boolean contains(List<String> screen, String text) {
    return screen.stream().anyMatch(l -> l.contains(text));
  }

  private static int indexOf(List<String> screen, String text) {
    for (int i = screen.size() - 1; i >= 0; i--) {
      if (screen.get(i).contains(text)) {
        return i;
      }
    }
    return -1;
  }

  private static String last(List<String> screen) {
    return screen.isEmpty() ? "" : screen.get(screen.size() - 1);
  }

  /** The last line with a prompt on it. */
  private static String promptLine(List<String> screen) {
    for (int i = screen.size() - 1; i >= 0; i--) {
      if (screen.get(i).contains("> ") && screen.get(i).contains(" T")) {
        return screen.get(i).stripTrailing();
      }
    }
    return "";
  }

  private static String quote(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
  }

  private static String tmux(String... args) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add("tmux");
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor();
    return out;
  }
}
