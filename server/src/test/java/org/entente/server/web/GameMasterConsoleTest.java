package org.entente.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.server.web.BrowserClass.call;
import static org.entente.server.web.Browsers.choose;
import static org.entente.server.web.Browsers.press;
import static org.entente.server.web.Browsers.retype;
import static org.entente.server.web.Browsers.screenshot;
import static org.entente.server.web.Browsers.textOf;
import static org.entente.server.web.Browsers.type;
import static org.entente.server.web.Browsers.waitForText;
import static org.entente.server.web.Browsers.waiting;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.entente.client.ProtocolClient;
import org.entente.proto.protocol.v1.Channel;
import org.entente.proto.protocol.v1.ClientMessage;
import org.entente.proto.protocol.v1.ErrorCode;
import org.entente.proto.protocol.v1.Event;
import org.entente.proto.protocol.v1.GetView;
import org.entente.proto.protocol.v1.Resume;
import org.entente.proto.protocol.v1.SendMessage;
import org.entente.proto.protocol.v1.ServerMessage;
import org.entente.proto.protocol.v1.Spectate;
import org.entente.proto.protocol.v1.TrackValue;
import org.entente.scenarios.BuiltInScenarios;
import org.entente.server.EntenteServer;
import org.entente.server.lobby.Lobby;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The game master's console in a real browser: a session created from an uploaded scenario
 * file, the press setting, injected news reaching a student's page and the projector, a seat
 * moved and another kicked, bots, and the debrief downloaded in its four files. Over 400 lines
 * because it is one class's game, each step building on the one before (the debrief files check
 * what the earlier steps did), with its helpers for seats, news and files beside it.
 */
class GameMasterConsoleTest {
  private static final String TITLE = "The Veyla Strait, uploaded in class";
  private static final String TEAM_TALK = "Our gas contract is up for renewal.";
  @RegisterExtension static final BrowserClass web = new BrowserClass("gm-console-test");

  /** The fictional built-in scenario under another title, as a teacher's own file. */
  private static String uploadedScenario() {
    String text = BuiltInScenarios.text("veyla-strait-2031");
    String title = "title: \"The Veyla Strait, 2031 (fictional)\"";
    assertThat(text).contains(title);
    return text.replace(title, "title: \"" + TITLE + "\"");
  }

  private static By labelled(String ariaLabel) {
    return By.cssSelector("button[aria-label='" + ariaLabel + "']");
  }

  @Test
  void aTeacherRunsAClassFromAnUploadedScenarioInTheBrowser() throws Exception {
    String base = web.base();
    Path folder = Files.createTempDirectory("entente-scenario");
    Path draft = folder.resolve("strait-draft.textproto");
    Files.writeString(
        draft, uploadedScenario().replace("turn_length: MONTH", "turn_length: MONHT"));
    Path good = folder.resolve("strait.textproto");
    Files.writeString(good, uploadedScenario());
    Path downloads = Files.createTempDirectory("entente-downloads");

    Path large = folder.resolve("armenia.textproto");
    Files.writeString(large, BuiltInScenarios.text("armenia-csto-2024"));

    // A file larger than a frame is refused by the page (sending it would close the connection).
    WebDriver teacher = web.open(1366, 768, downloads);
    teacher.get(base + "gm");
    waiting(teacher)
        .until(d -> !new Select(d.findElement(By.id("scenario"))).getOptions().isEmpty());
    type(teacher, By.id("source-file"), Keys.SPACE);
    type(teacher, By.id("scenario-file"), large.toString());
    choose(teacher, "press", "PUBLIC_ONLY");
    retype(teacher, "turns", "4");
    type(teacher, By.id("gmname"), "Mr Lopez", Keys.ENTER);
    waitForText(
        teacher, "create-outcome", "armenia.textproto is too large to send from the browser");

    // A file with a mistake: the server's problem is shown, with its place.
    type(teacher, By.id("scenario-file"), draft.toString());
    type(teacher, By.id("gmname"), Keys.ENTER);
    waitForText(teacher, "create-outcome", "The scenario file has 1 problem.");
    assertThat(textOf(teacher, "create-outcome"))
        .contains("strait-draft.textproto:")
        .contains("'MONHT' is not a turn length");
    screenshot(teacher, "gm-create-refused-1366x768");

    // The corrected file creates the session, with the press setting chosen.
    type(teacher, By.id("scenario-file"), good.toString());
    press(teacher, By.id("create-button"));
    waitForText(teacher, "code", "-");
    String code = textOf(teacher, "code");
    assertThat(code).matches("[2-9A-Z]{3}-[2-9A-Z]{3}");
    assertThat(textOf(teacher, "where")).isEqualTo(TITLE);
    waitForText(teacher, "phase", "press: public only");
    String gmToken =
        (String)
            ((JavascriptExecutor) teacher)
                .executeScript("return JSON.parse(sessionStorage.getItem('entente.gm')).token");
    assertThat(teacher.getPageSource()).doesNotContain(gmToken);

    // The projector, a native spectator, Kai in a browser, Oliwia and Hal over the native protocol.
    WebDriver projector = web.open(1920, 1080, downloads);
    projector.get(base + "watch/" + code);
    waitForText(projector, "joincode", code);
    List<Event> spectatorEvents = new CopyOnWriteArrayList<>();
    ProtocolClient spectator = web.nativeClient(spectatorEvents);
    assertThat(
            call(
                    spectator,
                    ClientMessage.newBuilder()
                        .setSpectate(
                            Spectate.newBuilder().setJoinCode(code).setDisplayName("Observer")))
                .hasJoined())
        .isTrue();
    WebDriver kai = web.open(1366, 768, downloads);
    web.join(kai, code, "Kai", "KORVA");
    ProtocolClient oli = web.nativeClient();
    BrowserClass.joinNatively(oli, code, "Oliwia Konstantynopolitańska", "OSTRA");
    ProtocolClient hal = web.nativeClient();
    List<ServerMessage> halHeard = new CopyOnWriteArrayList<>();
    hal.onUnsolicited(halHeard::add);
    String halToken = BrowserClass.joinNatively(hal, code, "Hal", "HALDEN").getSeatToken();

    // Public-only press: no private talks (team talk, once the game runs, is allowed).
    assertThat(
            call(
                    oli,
                    ClientMessage.newBuilder()
                        .setSendMessage(
                            SendMessage.newBuilder()
                                .setChannel(Channel.PRIVATE)
                                .setToCountry("KORVA")
                                .setText("Just between us.")))
                .getError()
                .getCode())
        .isEqualTo(ErrorCode.PRESS_RESTRICTED);

    waitForText(teacher, "seats", "Hal");
    press(teacher, By.id("start"));
    waitForText(kai, "turn", "Turn 1 of 4");
    assertThat(
            call(
                    oli,
                    ClientMessage.newBuilder()
                        .setSendMessage(
                            SendMessage.newBuilder().setChannel(Channel.TEAM).setText(TEAM_TALK)))
                .hasHistoryPage())
        .isTrue();

    injectNews(teacher);
    waitForText(kai, "news", "Ferry service restored");
    waitForText(projector, "news", "Ferry service restored");

    // A bot for the country nobody plays; the turn resolves with it.
    press(teacher, labelled("Assign a bot to Miran"));
    waitForText(teacher, "countries-outcome", "A bot plays Miran from the next resolution on.");
    waitForText(teacher, "country-MIRAN", "Release the bot");
    waiting(teacher)
        .until(
            d ->
                spectatorEvents.stream()
                    .anyMatch(e -> e.hasBotChanged() && e.getBotChanged().getBot()));
    press(teacher, By.id("force"));
    waitForText(kai, "turn", "Turn 2 of 4");
    waitForText(projector, "report", "News from the game master: Ferry service restored.");

    moveKaiToOstra(teacher, kai);
    kickHal(teacher, halHeard, code, halToken);

    // A reload takes the console back from the tab's sessionStorage.
    teacher.navigate().refresh();
    waitForText(teacher, "code", code);
    waitForText(teacher, "seats", "Kai");
    assertThat(teacher.getCurrentUrl()).isEqualTo(base + "gm");
    waitForText(teacher, "log", "Hal was removed from the session.");

    press(teacher, By.id("force"));
    waitForText(kai, "turn", "Turn 3 of 4");
    waiting(teacher).until(d -> spectatorEvents.stream().filter(Event::hasTurnReport).count() == 2);
    List<TrackValue> tracks =
        call(spectator, ClientMessage.newBuilder().setGetView(GetView.getDefaultInstance()))
            .getView()
            .getGame()
            .getTracksList();

    checkDebriefFiles(teacher, downloads, code, tracks);
    screenshots(teacher);
  }

  @Test
  void aServerThatAsksForACreationKeyGetsItFromTheTeacher() throws Exception {
    try (EntenteServer keyed =
        BrowserClass.startServer(Lobby.Admission.defaults().withCreationKey("blue-heron-42"))) {
      WebDriver teacher = web.open(1366, 768);
      teacher.get("http://127.0.0.1:" + keyed.port() + "/gm");
      waiting(teacher)
          .until(d -> !new Select(d.findElement(By.id("scenario"))).getOptions().isEmpty());
      assertThat(teacher.findElement(By.id("creation-key")).isDisplayed()).isFalse();
      press(teacher, By.id("create-button"));
      waitForText(teacher, "create-outcome", "This server asks for a creation key");
      waiting(teacher)
          .until(d -> "creation-key".equals(d.switchTo().activeElement().getAttribute("id")));
      type(teacher, By.id("creation-key"), "wrong-key-00", Keys.ENTER);
      waitForText(teacher, "create-outcome", "That creation key is not this server's.");
      retype(teacher, "creation-key", "blue-heron-42", Keys.ENTER);
      waitForText(teacher, "code", "-");
      assertThat(teacher.findElement(By.id("creation-key")).getAttribute("value")).isEmpty();
      assertThat(teacher.getPageSource()).doesNotContain("blue-heron-42");
    }
  }

  /** Two refusals (the server's and the page's own), then news with effects. */
  private static void injectNews(WebDriver teacher) {
    retype(teacher, "inject-title-text", "Strait incident");
    type(teacher, By.id("inject-title-text"), Keys.ENTER);
    waitForText(teacher, "inject-outcome", "The news needs a story");
    retype(teacher, "inject-text", "Shots were heard near the ferry.");
    retype(teacher, "inject-effects", "sec(NOWHERE) -5");
    type(teacher, By.id("inject-title-text"), Keys.ENTER);
    waitForText(teacher, "inject-outcome", "The event has 1 problem.");
    assertThat(textOf(teacher, "inject-outcome")).contains("NOWHERE");
    retype(teacher, "inject-effects", "sec(KORVA) minus five");
    type(teacher, By.id("inject-title-text"), Keys.ENTER);
    waitForText(teacher, "inject-outcome", "\"sec(KORVA) minus five\", is not an effect");

    retype(teacher, "inject-title-text", "Ferry service restored");
    retype(teacher, "inject-text", "The ferry to the mainland sails again.");
    retype(teacher, "inject-effects", "sec(self) +5\ntrust(MIRAN, self) -10");
    choose(teacher, "inject-actor", "KORVA");
    type(teacher, By.id("inject-title-text"), Keys.ENTER);
    waitForText(
        teacher,
        "inject-outcome",
        "Published: Ferry service restored. Its effects apply at the coming resolution.");
    assertThat(teacher.findElement(By.id("inject-title-text")).getAttribute("value")).isEmpty();
  }

  private static void moveKaiToOstra(WebDriver teacher, WebDriver kai) {
    String select =
        waiting(teacher)
            .until(
                ExpectedConditions.presenceOfElementLocated(By.xpath("//label[.='Move Kai to']")))
            .getAttribute("for");
    press(teacher, labelled("Move Kai"));
    waitForText(teacher, "seats-outcome", "Choose the country to move Kai to.");
    choose(teacher, select, "OSTRA");
    press(teacher, labelled("Move Kai"));
    waitForText(teacher, "seats-outcome", "Kai now plays Ostra.");
    waitForText(kai, "who", "Ostra");
    waiting(teacher)
        .until(
            d ->
                d.findElement(By.id(select)).findElements(By.tagName("option")).stream()
                    .noneMatch(o -> "OSTRA".equals(o.getAttribute("value"))));
  }

  private static void kickHal(
      WebDriver teacher, List<ServerMessage> halHeard, String code, String halToken)
      throws Exception {
    press(teacher, labelled("Kick Hal"));
    Alert confirm = waiting(teacher).until(ExpectedConditions.alertIsPresent());
    assertThat(confirm.getText()).startsWith("Remove Hal from the session?");
    confirm.accept();
    waitForText(teacher, "seats-outcome", "Hal was removed from the session.");
    waiting(teacher)
        .withMessage("the focus to move from the removed row to what came of it")
        .until(d -> "seats-outcome".equals(d.switchTo().activeElement().getAttribute("id")));
    waiting(teacher).until(d -> d.findElements(labelled("Kick Hal")).isEmpty());
    waiting(teacher)
        .until(
            d ->
                halHeard.stream()
                    .anyMatch(m -> m.getError().getCode() == ErrorCode.PERMISSION_DENIED));
    ProtocolClient again = web.nativeClient();
    assertThat(
            call(
                    again,
                    ClientMessage.newBuilder()
                        .setResume(Resume.newBuilder().setJoinCode(code).setToken(halToken)))
                .getError()
                .getCode())
        .isEqualTo(ErrorCode.INVALID_TOKEN);
    // Halden has no student now: a bot may take it.
    waiting(teacher)
        .until(
            ExpectedConditions.attributeToBe(
                By.id("bot-HALDEN"), "aria-label", "Assign a bot to Halden"));
  }

  private static void checkDebriefFiles(
      WebDriver teacher, Path downloads, String code, List<TrackValue> tracks) throws Exception {
    String html = download(teacher, downloads, "DEBRIEF_FORMAT_HTML", "debrief-" + code + ".html");
    assertThat(html.toLowerCase()).startsWith("<!doctype html");
    assertThat(html).contains(TITLE).contains("Ferry service restored").doesNotContain(TEAM_TALK);
    String markdown =
        download(teacher, downloads, "DEBRIEF_FORMAT_MARKDOWN", "debrief-" + code + ".md");
    assertThat(markdown)
        .contains(TITLE)
        .contains("Ferry service restored")
        .doesNotContain(TEAM_TALK);
    type(teacher, By.id("debrief-private"), Keys.SPACE);
    assertThat(download(teacher, downloads, "DEBRIEF_FORMAT_MARKDOWN", "debrief-" + code + ".md"))
        .contains(TEAM_TALK);

    List<List<String>> students =
        csv(
            download(
                teacher, downloads, "DEBRIEF_FORMAT_STUDENTS_CSV", "students-" + code + ".csv"));
    assertThat(students.get(0)).startsWith("seat", "name", "country", "role", "messages_public");
    int team = students.get(0).indexOf("messages_team");
    assertThat(students).anyMatch(r -> r.get(1).equals("Kai") && r.get(3).equals("player"));
    assertThat(students)
        .anyMatch(
            r ->
                r.get(1).equals("Oliwia Konstantynopolitańska")
                    && r.get(2).equals("OSTRA")
                    && r.get(team).equals("1"));
    assertThat(students).anyMatch(r -> r.get(2).equals("MIRAN") && r.get(3).equals("bot"));

    List<List<String>> quantities =
        csv(
            download(
                teacher,
                downloads,
                "DEBRIEF_FORMAT_QUANTITIES_CSV",
                "quantities-" + code + ".csv"));
    assertThat(quantities.get(0))
        .startsWith("turn", "date", "country", "playable", "sec", "dom", "std", "rf", "grievance");
    assertThat(quantities).hasSize(1 + 3 * 7); // T0 and two resolved turns, seven actors each
    for (TrackValue track : tracks) {
      int column = quantities.get(0).indexOf("track_" + track.getId());
      assertThat(quantities.subList(1, quantities.size()))
          .filteredOn(r -> r.get(0).equals("2"))
          .allMatch(r -> r.get(column).equals(String.valueOf(track.getValue())));
    }
  }

  /**
   * Downloads one file through the page and reads it from the browser's download folder (then
   * deletes it, so that the next download of the same name keeps it). CSV files must open with
   * the UTF-8 byte-order mark.
   */
  private static String download(WebDriver teacher, Path folder, String format, String name)
      throws IOException {
    choose(teacher, "debrief-format", format);
    press(teacher, By.id("debrief"));
    Path file = folder.resolve(name);
    waiting(teacher)
        .withMessage(() -> name + " in " + folder + "; it has " + listing(folder))
        .until(d -> Files.isRegularFile(file));
    waitForText(teacher, "debrief-outcome", "Downloaded " + name + ".");
    byte[] bytes = Files.readAllBytes(file);
    Files.delete(file);
    if (name.endsWith(".csv")) {
      assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
    }
    return new String(bytes, StandardCharsets.UTF_8);
  }

  private static String listing(Path folder) {
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(p -> p.getFileName().toString()).toList().toString();
    } catch (IOException e) {
      return e.toString();
    }
  }

  /** Rows of cells of a CSV whose cells hold no comma, quote or line break. */
  private static List<List<String>> csv(String text) {
    assertThat(text).startsWith("\uFEFF");
    return text.substring(1).lines().map(l -> List.of(l.split(",", -1))).toList();
  }

  private static void screenshots(WebDriver teacher) throws IOException {
    ((JavascriptExecutor) teacher).executeScript("window.scrollTo(0, 0)");
    noSidewaysScrolling(teacher);
    screenshot(teacher, "gm-console-1366x768");
    Browsers.viewport(teacher, 1920, 1080);
    noSidewaysScrolling(teacher);
    screenshot(teacher, "gm-console-1920x1080");
    Browsers.viewport(teacher, 1366, 768);
    long height =
        ((Number)
                ((JavascriptExecutor) teacher)
                    .executeScript("return document.documentElement.scrollHeight"))
            .longValue();
    Browsers.viewport(teacher, 1366, (int) height);
    screenshot(teacher, "gm-console-1366-whole-page");
  }

  /** Neither the page nor any of its cards (which would scroll their own content) is too wide. */
  private static void noSidewaysScrolling(WebDriver teacher) {
    Object widths =
        ((JavascriptExecutor) teacher)
            .executeScript("return [document.documentElement.scrollWidth, window.innerWidth]");
    List<?> w = (List<?>) widths;
    assertThat(((Number) w.get(0)).intValue())
        .as("the page's width within the window")
        .isLessThanOrEqualTo(((Number) w.get(1)).intValue());
    Object tooWide =
        ((JavascriptExecutor) teacher)
            .executeScript(
                "return [...document.querySelectorAll('.card')]"
                    + ".filter((c) => c.offsetParent && c.scrollWidth > c.clientWidth)"
                    + ".map((c) => c.getAttribute('aria-labelledby') || c.id)");
    assertThat((List<?>) tooWide).as("cards wider than their place").isEmpty();
  }
}
