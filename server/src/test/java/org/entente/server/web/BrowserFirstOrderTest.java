package org.entente.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.server.web.Browsers.kindLabel;
import static org.entente.server.web.Browsers.script;
import static org.entente.server.web.Browsers.textOf;
import static org.entente.server.web.Browsers.waitForText;
import static org.entente.server.web.Browsers.waiting;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.entente.client.ProtocolClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * A new student at a Chromebook (a 1366x768 page), told the address and the join code, joins
 * and gives a first order, counting what they do: each click, and each run of keys typed in
 * one place, as one action; choosing from a list is two (open it, click the choice); a click on
 * something outside the window without scrolling costs a scroll first. The path is the one a
 * student who has never seen the page takes with a mouse: no Tab, no shortcut. Each step's
 * screenshot is saved (target/screenshots/first-order-*.png).
 */
class BrowserFirstOrderTest {
  @RegisterExtension static final BrowserClass web = new BrowserClass("first-order-test");

  /**
   * The fewest actions the path can take on this page: the address (1), the code, typed where
   * the page put the cursor (1), the name (click the field, type: 2), the country (a list: 2),
   * Join (1), the order's kind (a list: 2) and its one target (a list: 2), then "Add the order"
   * (1). The orders must be there after joining (no tab to open, no scrolling), so anything
   * more is a step the page added: this fails on it.
   */
  private static final int MOST_ACTIONS = 12;

  /** One student's window and what they have done in it. */
  private static final class Student {
    private final WebDriver driver;
    private final List<String> actions = new ArrayList<>();
    private int shots;

    Student(WebDriver driver) {
      this.driver = driver;
    }

    void act(String what) {
      actions.add(what);
    }

    /** A click on a shown element; one outside the window costs a scroll first. */
    void click(String id) {
      WebElement element =
          waiting(driver).until(ExpectedConditions.elementToBeClickable(By.id(id)));
      if (!inWindow(element)) {
        act("scroll to #" + id);
      }
      act("click #" + id);
      element.click();
    }

    /** Keys typed where the focus is (after a click, or where the page put it). */
    void type(CharSequence keys) {
      act("type '" + keys + "' into #" + focused());
      new Actions(driver).sendKeys(keys).perform();
    }

    /**
     * Opens a list and clicks the choice that reads {@code text} (counted as two; the choice is
     * made as Selenium makes it, without the list's pop-up, which a screenshot would show).
     */
    void choose(String id, String text) {
      WebElement list = waiting(driver).until(ExpectedConditions.elementToBeClickable(By.id(id)));
      if (!inWindow(list)) {
        act("scroll to #" + id);
      }
      act("open the list #" + id);
      waiting(driver)
          .withMessage(() -> "#" + id + " to offer " + text)
          .until(
              d ->
                  new Select(d.findElement(By.id(id)))
                      .getOptions().stream().anyMatch(o -> o.getText().equals(text)));
      act("click '" + text + "'");
      new Select(driver.findElement(By.id(id))).selectByVisibleText(text);
    }

    String focused() {
      return String.valueOf(script(driver, "return document.activeElement.id"));
    }

    boolean inWindow(WebElement element) {
      return Boolean.TRUE.equals(
          script(
              driver,
              "const r = arguments[0].getBoundingClientRect();"
                  + " return r.top >= 0 && r.left >= 0 && r.bottom <= window.innerHeight"
                  + " && r.right <= window.innerWidth",
              element));
    }

    void shot(String step) throws IOException {
      shots++;
      Browsers.screenshot(driver, String.format("first-order-%02d-%s", shots, step));
    }
  }

  @Test
  void aNewStudentJoinsAndGivesAFirstOrderInAFewActions() throws Exception {
    ProtocolClient gm = web.nativeClient();
    String code = BrowserClass.createSession(gm);
    BrowserClass.startGame(gm);
    Student ani = new Student(web.open(1366, 768));
    WebDriver page = ani.driver;

    ani.act("type the address and Enter");
    page.get(web.base());
    waiting(page).until(d -> ani.focused().equals("code"));
    ani.shot("address");
    ani.type(code);
    waitForText(page, "join-scenario", "Scenario: ");
    ani.shot("code");
    ani.click("name");
    ani.type("Ani");
    assertThat(new Select(page.findElement(By.id("country"))).getFirstSelectedOption().getText())
        .as("what the country list shows before the student chooses")
        .isEqualTo("Choose your country");
    ani.choose("country", "Armenia");
    ani.shot("country");
    ani.click("join-button");
    waitForText(page, "who", "Armenia");
    waitForText(page, "turn", "Turn 1 of");
    ani.shot("joined");

    // The orders are the first thing the game shows: no tab to open, no scrolling.
    assertThat(page.findElement(By.id("orders")).isDisplayed()).isTrue();
    for (String id : List.of("kind", "slots", "add-order")) {
      assertThat(ani.inWindow(page.findElement(By.id(id)))).as("#%s in the window", id).isTrue();
    }
    String kind = kindLabel(page, "JOINT_EXERCISE");
    ani.choose("kind", kind);
    ani.choose(
        "slot-0", new Select(page.findElement(By.id("slot-0"))).getOptions().get(1).getText());
    ani.shot("order");
    assertThat(textOf(page, "order-added")).isEmpty();
    ani.click("add-order");
    waitForText(page, "draft", "JOINT_EXERCISE ");
    // Said where the student looks, under the button: it is in, and what comes next.
    waitForText(page, "order-added", "Order added: JOINT_EXERCISE ");
    assertThat(textOf(page, "order-added")).contains("We are ready");
    assertThat(ani.inWindow(page.findElement(By.id("order-added")))).isTrue();
    ani.shot("accepted");

    assertThat(textOf(page, "draft")).contains("by Ani");
    assertThat(textOf(page, "order-error")).isEmpty();
    List<String> armenia = BrowserClass.draft(gm, "ARM");
    assertThat(armenia).hasSize(1);
    assertThat(textOf(page, "draft")).contains(armenia.get(0));
    System.out.println("first order in " + ani.actions.size() + " actions: " + ani.actions);
    assertThat(ani.actions).as("the student's actions").hasSizeLessThanOrEqualTo(MOST_ACTIONS);
  }
}
