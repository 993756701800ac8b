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
import java.util.function.Consumer;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.ElementNotInteractableException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium windows (the system chromedriver) on one server's web client, and the
 * waits and reads the browser tests share. Closing it quits every window it opened.
 */
final class Browsers implements AutoCloseable {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final Duration PATIENCE = Duration.ofSeconds(60);
  static final Path SHOTS = Path.of("target", "screenshots");

  /** {@code http://HOST:PORT/} */
  final String base;

  private final List<WebDriver> drivers = new ArrayList<>();

  Browsers(String base) {
    this.base = base;
  }

  /**
   * Fails where the environment variable CI is set, and skips elsewhere, unless Chromium and
   * chromedriver are installed (.ci/run installs them).
   */
  static void require() throws IOException {
    boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    String missing =
        "the browser tests need "
            + CHROMIUM
            + " and "
            + CHROMEDRIVER
            + " (apt-get install chromium chromium-driver)";
    String ci = System.getenv("CI");
    if (!present && ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false")) {
      throw new AssertionError("CI is set but " + missing);
    }
    Assumptions.assumeTrue(present, missing);
    Files.createDirectories(SHOTS);
  }

  /** A new window whose page (viewport) is width x height; under 500 wide, a phone's. */
  WebDriver open(int width, int height) throws IOException {
    return open(width, height, null);
  }

  /**
   * A new window whose page is width x height (under 500 wide, a phone's), saving downloads in
   * {@code downloads} if not null.
   */
  WebDriver open(int width, int height, Path downloads) throws IOException {
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toString());
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
    if (downloads != null) {
      options.setExperimentalOption(
          "prefs",
          Map.of(
              "download.default_directory",
              downloads.toAbsolutePath().toString(),
              "download.prompt_for_download",
              false));
    }
    if (width < 500) { // narrower than a desktop window may be: a phone's screen, emulated
      options.setExperimentalOption(
          "mobileEmulation",
          Map.of("deviceMetrics", Map.of("width", width, "height", height, "pixelRatio", 1.0)));
    }
    WebDriver driver = new ChromeDriver(service, options);
    drivers.add(driver);
    if (width >= 500) {
      viewport(driver, width, height);
    }
    return driver;
  }

  @Override
  public void close() {
    drivers.forEach(WebDriver::quit);
    drivers.clear();
  }

  /** Sizes the window so that the page itself (the viewport) is width x height. */
  static void viewport(WebDriver driver, int width, int height) {
    driver.manage().window().setSize(new Dimension(width, height));
    List<?> extra =
        (List<?>)
            script(
                driver,
                "return [window.outerWidth - window.innerWidth, window.outerHeight - window.innerHeight]");
    driver
        .manage()
        .window()
        .setSize(
            new Dimension(
                width + ((Number) extra.get(0)).intValue(),
                height + ((Number) extra.get(1)).intValue()));
  }

  static Object script(WebDriver driver, String script, Object... arguments) {
    return ((JavascriptExecutor) driver).executeScript(script, arguments);
  }

  static WebDriverWait waiting(WebDriver driver) {
    return new WebDriverWait(driver, PATIENCE);
  }

  static WebElement visible(WebDriver driver, String id) {
    return waiting(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
  }

  /**
   * Types keys into an element once it is shown and enabled (the wait finds it again, so an
   * element the page has just drawn anew is fine); under load a page may still be drawing the
   * element, hiding its form or disabling it for a request in flight.
   */
  static void type(WebDriver driver, By by, CharSequence... keys) {
    interact(driver, by, e -> e.sendKeys(keys));
  }

  /** Empties a field once it is shown and enabled, and types into it. */
  static void retype(WebDriver driver, String id, CharSequence... keys) {
    interact(
        driver,
        By.id(id),
        e -> {
          e.clear();
          e.sendKeys(keys);
        });
  }

  /** Presses a button with the keyboard (Enter) once it is shown and enabled. */
  static void press(WebDriver driver, By button) {
    type(driver, button, Keys.ENTER);
  }

  /** Chooses an option of a list once the list is shown, enabled and offers it. */
  static void choose(WebDriver driver, String id, String value) {
    interact(
        driver,
        By.id(id),
        e -> {
          Select list = new Select(e);
          if (list.getOptions().stream().noneMatch(o -> value.equals(o.getAttribute("value")))) {
            throw new ElementNotInteractableException(id + " does not offer " + value + " yet");
          }
          list.selectByValue(value);
        });
  }

  private static void interact(WebDriver driver, By by, Consumer<WebElement> action) {
    waiting(driver)
        .ignoring(ElementNotInteractableException.class)
        .ignoring(StaleElementReferenceException.class)
        .withMessage(() -> by + " to be shown and enabled")
        .until(
            d -> {
              WebElement element = d.findElement(by);
              if (!element.isDisplayed() || !element.isEnabled()) {
                return false;
              }
              action.accept(element);
              return true;
            });
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

  /** The student page's join form, filled and sent with Enter; returns once the game shows. */
  void join(WebDriver driver, String code, String name, String country) {
    driver.get(base);
    WebElement codeField = visible(driver, "code");
    codeField.sendKeys(code);
    driver.findElement(By.id("name")).sendKeys(name);
    waiting(driver)
        .until(
            d ->
                new Select(d.findElement(By.id("country")))
                    .getOptions().stream().anyMatch(o -> country.equals(o.getAttribute("value"))));
    new Select(driver.findElement(By.id("country"))).selectByValue(country);
    driver.findElement(By.id("name")).sendKeys(Keys.ENTER); // the keyboard alone submits the form
    visible(driver, "game");
  }

  static void openTab(WebDriver driver, String panel) {
    WebElement tab = driver.findElement(By.id("tab-" + panel));
    tab.sendKeys(Keys.ENTER);
    visible(driver, panel);
  }

  /** The option text of an order kind in the kind list ("Give notice (GIVE_NOTICE, 2 points)"). */
  static String kindLabel(WebDriver driver, String kind) {
    return new Select(driver.findElement(By.id("kind")))
        .getOptions().stream()
            .map(WebElement::getText)
            .filter(t -> t.contains(" (" + kind + ", "))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no kind " + kind));
  }
}
