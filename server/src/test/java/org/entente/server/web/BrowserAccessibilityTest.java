package org.entente.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.server.web.BrowserClass.ok;
import static org.entente.server.web.Browsers.openTab;
import static org.entente.server.web.Browsers.script;
import static org.entente.server.web.Browsers.textOf;
import static org.entente.server.web.Browsers.visible;
import static org.entente.server.web.Browsers.waitForText;
import static org.entente.server.web.Browsers.waiting;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.entente.client.ProtocolClient;
import org.entente.proto.protocol.v1.Channel;
import org.entente.proto.protocol.v1.ClientMessage;
import org.entente.proto.protocol.v1.ForceResolution;
import org.entente.proto.protocol.v1.SendMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.interactions.Actions;

/**
 * The student and projector pages for someone without a mouse or without sight: a student
 * joins and gives a first order with the keyboard alone, and axe-core (Deque's rules, the
 * ones screen-reader users depend on: names, roles, landmarks, contrast) finds nothing
 * serious or critical on the main screens.
 */
class BrowserAccessibilityTest {
  private static final String AXE = "META-INF/resources/webjars/axe-core/4.6.3/axe.min.js";
  @RegisterExtension static final BrowserClass web = new BrowserClass("accessibility-test");

  /** A game of the built-in scenario, not started yet, and its game master. */
  private record Game(ProtocolClient gm, String code) {
    void start() throws Exception {
      BrowserClass.startGame(gm);
    }
  }

  private static Game newGame() throws Exception {
    ProtocolClient gm = web.nativeClient();
    return new Game(gm, BrowserClass.createSession(gm));
  }

  /** Keys to whatever has the focus, as a keyboard would send them. */
  private static void keys(WebDriver driver, CharSequence... keys) {
    new Actions(driver).sendKeys(keys).perform();
  }

  private static String focused(WebDriver driver) {
    return String.valueOf(script(driver, "return document.activeElement.id"));
  }

  private static void tabTo(WebDriver driver, String id) {
    keys(driver, Keys.TAB);
    assertThat(focused(driver)).as("the element Tab reaches").isEqualTo(id);
  }

  @Test
  void aStudentJoinsAndGivesAFirstOrderWithTheKeyboardAlone() throws Exception {
    Game game = newGame();
    game.start();
    String code = game.code();
    WebDriver ani = web.open(1366, 768);
    ani.get(web.base());
    visible(ani, "code");
    assertThat(focused(ani)).isEqualTo("code");
    keys(ani, code);
    tabTo(ani, "name");
    keys(ani, "Ani");
    waiting(ani).until(d -> !textOf(d, "country").isEmpty());
    tabTo(ani, "country");
    keys(ani, "Azer"); // type-ahead in the closed list
    assertThat(script(ani, "return document.getElementById('country').value")).isEqualTo("AZE");
    tabTo(ani, "join-button");
    keys(ani, Keys.ENTER);
    visible(ani, "game");
    waitForText(ani, "who", "Azerbaijan");
    // Focus moves to the game, so the next Tab goes on from there, not from the page's top.
    waiting(ani).until(d -> focused(d).equals("game-title"));

    tabTo(ani, "tab-orders"); // the open tab only: arrows move between tabs
    tabTo(ani, "kind");
    keys(ani, "STATEMENT");
    assertThat(textOf(ani, "kind-help")).isNotBlank();
    tabTo(ani, "slot-0");
    keys(ani, "ARM");
    tabTo(ani, "slot-1");
    tabTo(ani, "slot-2");
    keys(ani, "Peace with Armenia.");
    tabTo(ani, "add-order");
    keys(ani, Keys.ENTER);
    waitForText(ani, "draft", "STATEMENT ARM");
    assertThat(textOf(ani, "draft")).contains("Peace with Armenia.").contains("by Ani");
    assertThat(textOf(ani, "order-error")).isEmpty();
  }

  @Test
  void theMainScreensHaveNoSeriousOrCriticalAccessibilityViolations() throws Exception {
    Game game = newGame();
    String code = game.code();
    List<String> problems = new ArrayList<>();

    WebDriver projector = web.open(1920, 1080);
    projector.get(web.base() + "watch/" + code);
    waitForText(projector, "joincode", code);
    visible(projector, "lobby");
    // The check itself: an unlabelled field and faint text on the page are found.
    script(
        projector,
        """
        const probe = document.createElement('div');
        probe.id = 'probe';
        const faint = document.createElement('p');
        faint.textContent = 'faint';
        faint.style.color = '#777'; // the CSSOM, not a style attribute: the page's CSP allows it
        faint.style.background = '#888';
        probe.append(document.createElement('input'), faint);
        document.querySelector('main').append(probe);
        """);
    assertThat(axe(projector, "projector with a planted unlabelled field and faint text"))
        .anyMatch(line -> line.contains(" label ("))
        .anyMatch(line -> line.contains(" color-contrast ("));
    script(projector, "document.getElementById('probe').remove()");
    problems.addAll(axe(projector, "projector, lobby"));
    game.start();
    visible(projector, "game");
    problems.addAll(axe(projector, "projector, game running"));

    WebDriver bo = web.open(1366, 768);
    bo.get(web.base());
    visible(bo, "code").sendKeys(code);
    waiting(bo).until(d -> !textOf(d, "country").isEmpty());
    problems.addAll(axe(bo, "join form"));
    web.join(bo, code, "Bo", "ARM");
    ProtocolClient dana = web.nativeClient();
    BrowserClass.joinNatively(dana, code, "Dana", "AZE");
    ok(
        dana,
        ClientMessage.newBuilder()
            .setSendMessage(
                SendMessage.newBuilder()
                    .setChannel(Channel.PRIVATE)
                    .setToCountry("ARM")
                    .setText("Shall we talk?")));
    problems.addAll(axe(bo, "orders"));
    ok(
        game.gm(),
        ClientMessage.newBuilder().setForceResolution(ForceResolution.newBuilder().setTurn(1)));
    waitForText(bo, "turn", "Turn 2 of");
    for (String tab : List.of("messages", "reports", "numbers", "briefing")) {
      openTab(bo, tab);
      problems.addAll(axe(bo, tab));
    }
    waitForText(projector, "report", "Turn 1");
    problems.addAll(axe(projector, "projector, after a turn"));
    Browsers.viewport(projector, 1024, 768);
    problems.addAll(axe(projector, "projector at 1024x768"));

    WebDriver phone = web.open(390, 844);
    web.join(phone, code, "Cy", "ARM");
    problems.addAll(axe(phone, "orders on a phone"));
    assertThat(problems).as("serious and critical axe-core violations").isEmpty();
  }

  /**
   * Runs axe-core on the page as it is now; prints every violation and returns the serious and
   * critical ones, one line each with the elements concerned.
   */
  @SuppressWarnings("unchecked")
  private static List<String> axe(WebDriver driver, String screen) throws IOException {
    script(driver, axeSource());
    Object result =
        ((org.openqa.selenium.JavascriptExecutor) driver)
            .executeAsyncScript(
                """
                const done = arguments[arguments.length - 1];
                axe.run(document).then(
                  (r) => done({ passed: r.passes.length, violations: r.violations.map((v) => ({
                    id: v.id, impact: v.impact || '', help: v.help,
                    nodes: v.nodes.map((n) => n.target.join(' ') + ' | ' + n.failureSummary) })) }),
                  (e) => done({ passed: 0, violations: [
                    { id: 'axe-failed', impact: 'critical', help: String(e), nodes: [] }] }));
                """);
    Map<String, Object> outcome = (Map<String, Object>) result;
    List<Map<String, Object>> violations = (List<Map<String, Object>>) outcome.get("violations");
    assertThat(((Number) outcome.get("passed")).intValue())
        .as("rules axe-core checked and passed on %s", screen)
        .isGreaterThan(10);
    List<String> serious = new ArrayList<>();
    for (Map<String, Object> v : violations) {
      String line =
          screen
              + ": "
              + v.get("impact")
              + " "
              + v.get("id")
              + " ("
              + v.get("help")
              + ") "
              + v.get("nodes");
      System.out.println("axe-core: " + line);
      if (v.get("impact").equals("serious") || v.get("impact").equals("critical")) {
        serious.add(line);
      }
    }
    System.out.println(
        "axe-core: "
            + screen
            + ": "
            + outcome.get("passed")
            + " rules passed, "
            + violations.size()
            + " violated");
    return serious;
  }

  private static String axeSource() throws IOException {
    try (InputStream in =
        BrowserAccessibilityTest.class.getClassLoader().getResourceAsStream(AXE)) {
      assertThat(in).as("axe-core on the test classpath (org.webjars.npm:axe-core)").isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
