package org.entente.server.web;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium windows through the system chromedriver, each with a fresh profile, and the
 * waits the browser tests share. Every window opened is closed with this.
 */
final class Chromium implements AutoCloseable {
  static final Path BINARY = Path.of("/usr/bin/chromium");
  static final Path DRIVER = Path.of("/usr/bin/chromedriver");
  static final Duration PATIENCE = Duration.ofSeconds(60);
  static final Path SHOTS = Path.of("target", "screenshots");
  private final List<WebDriver> drivers = new ArrayList<>();

  /** Skips the test without Chromium, except in CI, where its absence fails the build. */
  static void require() throws IOException {
    boolean present = Files.isExecutable(BINARY) && Files.isExecutable(DRIVER);
    String missing =
        "the browser tests need "
            + BINARY
            + " and "
            + DRIVER
            + " (apt-get install chromium chromium-driver)";
    if (!present && System.getenv("CI") != null) {
      throw new AssertionError("CI is set but " + missing);
    }
    Assumptions.assumeTrue(present, missing);
    Files.createDirectories(SHOTS);
  }

  /** A desktop window whose page is width x height, saving downloads in {@code downloads}. */
  WebDriver open(int width, int height, Path downloads) throws IOException {
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(DRIVER.toFile())
            .usingAnyFreePort()
            .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(BINARY.toString());
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
    options.setExperimentalOption(
        "prefs",
        Map.of(
            "download.default_directory",
            downloads.toAbsolutePath().toString(),
            "download.prompt_for_download",
            false));
    WebDriver driver = new ChromeDriver(service, options);
    drivers.add(driver);
    viewport(driver, width, height);
    return driver;
  }

  /** Sizes the window so that the page itself (the viewport) is width x height. */
  static void viewport(WebDriver driver, int width, int height) {
    driver.manage().window().setSize(new Dimension(width, height));
    List<?> extra =
        (List<?>)
            ((JavascriptExecutor) driver)
                .executeScript(
                    "return [window.outerWidth - window.innerWidth, window.outerHeight - window.innerHeight]");
    driver
        .manage()
        .window()
        .setSize(
            new Dimension(
                width + ((Number) extra.get(0)).intValue(),
                height + ((Number) extra.get(1)).intValue()));
  }

  static WebDriverWait waiting(WebDriver driver) {
    return new WebDriverWait(driver, PATIENCE);
  }

  static WebElement visible(WebDriver driver, String id) {
    return waiting(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
  }

  static void waitForText(WebDriver driver, String id, String text) {
    waiting(driver)
        .withMessage(() -> "#" + id + " to contain " + text + "; it has: " + textOf(driver, id))
        .until(d -> textOf(d, id).contains(text));
  }

  /** The text of an element, shown or not (textContent). */
  static String textOf(WebDriver driver, String id) {
    List<WebElement> found = driver.findElements(By.id(id));
    return found.isEmpty() ? "" : String.valueOf(found.get(0).getAttribute("textContent"));
  }

  static void screenshot(WebDriver driver, String name) throws IOException {
    File png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
    Files.copy(png.toPath(), SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
  }

  @Override
  public void close() {
    drivers.forEach(WebDriver::quit);
  }
}
