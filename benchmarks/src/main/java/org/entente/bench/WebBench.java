package org.entente.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.entente.client.ProtocolClient;
import org.entente.proto.protocol.v1.ClientMessage;
import org.entente.proto.protocol.v1.CreateSession;
import org.entente.proto.protocol.v1.Deadline;
import org.entente.proto.protocol.v1.ServerMessage;
import org.entente.server.EntenteServer;
import org.entente.server.ServerConfig;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * What the browser tools share: a server on loopback in this process, journalled to a
 * temporary directory (so every acknowledged change waits for its fsync, as in class), native
 * clients on it, headless windows of the system Chromium (through the system chromedriver),
 * and the way they print. Closing it quits the windows, closes the clients and the server.
 */
final class WebBench implements AutoCloseable {
  private final EntenteServer server;
  private final String clientName;
  private final List<ProtocolClient> clients = new ArrayList<>();
  private final List<WebDriver> windows = new ArrayList<>();

  private WebBench(EntenteServer server, String clientName) {
    this.server = server;
    this.clientName = clientName;
  }

  /** A journalled server on 127.0.0.1 and a free port; {@code clientName} names its clients. */
  static WebBench start(String clientName) throws IOException, InterruptedException {
    Path data = Files.createTempDirectory("entente-" + clientName);
    EntenteServer server =
        EntenteServer.builder()
            .config(
                ServerConfig.defaults().withPort(0).withBindAddress("127.0.0.1").withDataDir(data))
            .start();
    return new WebBench(server, clientName);
  }

  int port() {
    return server.port();
  }

  /** {@code http://127.0.0.1:PORT/} */
  String base() {
    return "http://127.0.0.1:" + port() + "/";
  }

  /** A native client of the server, closed with this. */
  ProtocolClient client() throws Exception {
    ProtocolClient c = ProtocolClient.connectAndHello("127.0.0.1", port(), clientName);
    clients.add(c);
    return c;
  }

  /**
   * A session of the built-in scenario of {@code turns} turns (0: the scenario's), advanced by
   * its game master {@code gm}; returns its join code.
   */
  static String createSession(ProtocolClient gm, int turns) throws Exception {
    return ok(
            gm,
            ClientMessage.newBuilder()
                .setCreateSession(
                    CreateSession.newBuilder()
                        .setBuiltinScenarioId("armenia-csto-2024")
                        .setTurns(turns)
                        .setDeadline(Deadline.newBuilder().setGameMasterAdvanced(true))))
        .getSessionCreated()
        .getJoinCode();
  }

  /** The answer to a request; an error answer throws. */
  static ServerMessage ok(ProtocolClient client, ClientMessage.Builder request) throws Exception {
    ServerMessage answer = client.request(request).get(30, TimeUnit.SECONDS);
    if (answer.hasError()) {
      throw new IllegalStateException(answer.getError().getMessage());
    }
    return answer;
  }

  /**
   * A new headless Chromium window (a profile of its own, in a new temporary directory) whose
   * page, the viewport, is width x height.
   */
  ChromeDriver chromium(int width, int height) throws IOException {
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
            .usingAnyFreePort()
            .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary("/usr/bin/chromium");
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--user-data-dir=" + Files.createTempDirectory("entente-chromium"),
        "--window-size=" + width + "," + height);
    ChromeDriver driver = new ChromeDriver(service, options);
    windows.add(driver);
    driver.manage().window().setSize(new Dimension(width, height));
    List<?> extra =
        (List<?>)
            driver.executeScript(
                "return [window.outerWidth - window.innerWidth, window.outerHeight - window.innerHeight]");
    driver
        .manage()
        .window()
        .setSize(
            new Dimension(
                width + ((Number) extra.get(0)).intValue(),
                height + ((Number) extra.get(1)).intValue()));
    return driver;
  }

  /** Waits (polling every 2 ms) until the script returns true in the page. */
  static void await(WebDriver driver, String condition, int seconds) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (!Boolean.TRUE.equals(((JavascriptExecutor) driver).executeScript(condition))) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the page never got there: " + condition);
      }
      TimeUnit.MILLISECONDS.sleep(2);
    }
  }

  /** "median M, mean A, max X, min N" of values (none empty). */
  static String summary(List<Long> values) {
    List<Long> sorted = values.stream().sorted().toList();
    long p50 = sorted.get((sorted.size() - 1) / 2);
    long max = sorted.get(sorted.size() - 1);
    double mean = values.stream().mapToLong(Long::longValue).average().orElse(0);
    return String.format(
        Locale.ROOT, "median %d, mean %.1f, max %d, min %d", p50, mean, max, sorted.get(0));
  }

  /** The machine's load average (/proc/loadavg), printed before and after a run. */
  static String loadAverage() throws IOException {
    return Files.readString(Path.of("/proc/loadavg")).strip();
  }

  @Override
  public void close() {
    windows.forEach(WebDriver::quit);
    clients.forEach(ProtocolClient::close);
    server.close();
  }
}
