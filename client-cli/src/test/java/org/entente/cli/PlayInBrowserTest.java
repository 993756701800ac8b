package org.entente.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * {@code entente play --web} in its own process (the main class on the test classpath): the
 * address it prints, loaded in headless Chromium, is the student page of a running game. A
 * stand-in {@code xdg-open} on the PATH records what the command would have opened.
 */
class PlayInBrowserTest {
  private static final Pattern OPEN =
      Pattern.compile(
          "Open (http://127\\.0\\.0\\.1:\\d+/\\?code=([2-9A-Z]{3}-[2-9A-Z]{3})) in a browser and"
              + " join as (.+) \\(code");
  private static final Duration PATIENCE = Duration.ofSeconds(60);

  @TempDir Path tmp;
  private final List<String> output = new CopyOnWriteArrayList<>();
  private final List<Process> processes = new ArrayList<>();
  private WebDriver browser;

  @AfterEach
  void stop() {
    if (browser != null) {
      browser.quit();
    }
    processes.forEach(Process::destroyForcibly);
  }

  /** {@code entente play --web EXTRA...}, its output collected line by line. */
  private Process play(String... extra) throws IOException {
    Path bin = Files.createDirectories(tmp.resolve("bin"));
    Path xdgOpen = bin.resolve("xdg-open");
    Files.writeString(xdgOpen, "#!/bin/sh\necho \"$@\" >> \"$OPENED\"\n");
    Files.setPosixFilePermissions(xdgOpen, PosixFilePermissions.fromString("rwxr-xr-x"));
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(
        List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(), "play"));
    command.add("--web");
    command.addAll(List.of(extra));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("PATH", bin + ":" + System.getenv().getOrDefault("PATH", ""));
    builder.environment().put("OPENED", opened().toString());
    Process process = builder.start();
    processes.add(process);
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader in =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                  output.add(line);
                }
              } catch (IOException e) {
                output.add("(reading the output failed: " + e + ")");
              }
            },
            "play-web-output");
    reader.setDaemon(true);
    reader.start();
    return process;
  }

  private Path opened() {
    return tmp.resolve("opened.txt");
  }

  /** The printed line that says what to open, once it is printed. */
  private Matcher addressLine(Process process) throws InterruptedException {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (System.nanoTime() < deadline) {
      for (String line : output) {
        Matcher m = OPEN.matcher(line);
        if (m.find()) {
          return m;
        }
      }
      assertThat(process.isAlive()).as("play --web is running; it printed %s", output).isTrue();
      Thread.sleep(50);
    }
    throw new AssertionError("play --web printed no address: " + output);
  }

  /** Enter stops the game; the command exits 0. */
  private static void pressEnter(Process process) throws Exception {
    OutputStream in = process.getOutputStream();
    in.write('\n');
    in.flush();
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("play --web stops on Enter").isTrue();
    assertThat(process.exitValue()).isZero();
  }

  private static WebDriver chromium() throws IOException {
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
        "--disable-dev-shm-usage",
        "--no-first-run",
        "--user-data-dir=" + Files.createTempDirectory("entente-chromium"),
        "--window-size=1366,768");
    return new ChromeDriver(service, options);
  }

  @Test
  void theAddressItPrintsIsARunningGameInTheBrowserAndNothingIsOpened() throws Exception {
    ExternalTool.require("/usr/bin/chromium", "chromium");
    ExternalTool.require("/usr/bin/chromedriver", "chromium-driver");
    Process play = play("--no-open");
    Matcher line = addressLine(play);
    String address = line.group(1);
    String country = line.group(3);

    browser = chromium();
    WebDriverWait wait = new WebDriverWait(browser, PATIENCE);
    browser.get(address);
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("code")));
    assertThat(browser.findElement(By.id("code")).getAttribute("value")).isEqualTo(line.group(2));
    wait.until(
        d ->
            new Select(d.findElement(By.id("country")))
                .getOptions().stream().anyMatch(o -> o.getText().equals(country)));
    browser.findElement(By.id("name")).sendKeys("Ani");
    new Select(browser.findElement(By.id("country"))).selectByVisibleText(country);
    browser.findElement(By.id("join-button")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("game")));
    wait.until(d -> d.findElement(By.id("turn")).getText().startsWith("Turn 1 of"));
    assertThat(browser.findElement(By.id("who")).getText()).contains("Ani").contains(country);
    assertThat(browser.findElement(By.id("kind")).findElements(By.tagName("option"))).isNotEmpty();

    pressEnter(play);
    assertThat(opened()).doesNotExist();
  }

  @Test
  void withoutNoOpenItOpensThePrintedAddress() throws Exception {
    Process play = play();
    String address = addressLine(play).group(1);
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (!Files.exists(opened()) && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(Files.readString(opened()).strip()).isEqualTo(address);
    pressEnter(play);
  }
}
