package org.entente.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.server.web.Browsers.kindLabel;
import static org.entente.server.web.Browsers.script;
import static org.entente.server.web.Browsers.textOf;
import static org.entente.server.web.Browsers.visible;
import static org.entente.server.web.Browsers.waitForText;
import static org.entente.server.web.Browsers.waiting;

import java.util.List;
import java.util.Map;
import org.entente.client.ProtocolClient;
import org.entente.proto.protocol.v1.ClientMessage;
import org.entente.proto.protocol.v1.GetView;
import org.entente.proto.protocol.v1.Role;
import org.entente.proto.protocol.v1.SeatInfo;
import org.entente.proto.protocol.v1.ServerMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * The student page resends a change a dropped WebSocket left unanswered, with the same
 * idempotency key, once it has taken its seat back: the change is applied exactly once.
 */
class BrowserRetryTest {
  /**
   * Installed in the page: records every frame of one request kind (arguments[0], its JSON
   * name) the page sends, and drops the socket at the next one, after sending it ("after": the
   * server applies it, its answer is lost) or instead of sending it ("instead": only the resend
   * can apply it).
   */
  private static final String DROP_AT_NEXT =
      """
      const kind = '"' + arguments[0] + '"';
      const mode = arguments[1];
      window.sent = [];
      const send = window.originalSend || (window.originalSend = WebSocket.prototype.send);
      let armed = true;
      WebSocket.prototype.send = function (data) {
        if (String(data).includes(kind)) {
          window.sent.push(JSON.parse(data));
          if (armed) {
            armed = false;
            if (mode === 'after') send.call(this, data);
            this.close();
            return;
          }
        }
        send.call(this, data);
      };
      """;

  @RegisterExtension static final BrowserClass web = new BrowserClass("retry-test");

  /** The game master of the test's game ({@link #newGame()}). */
  private static ProtocolClient gm;

  private static ServerMessage call(ClientMessage.Builder request) throws Exception {
    return BrowserClass.ok(gm, request);
  }

  /** Armenia's draft as the game master sees it. */
  private static List<String> armeniasOrders() throws Exception {
    return BrowserClass.draft(gm, "ARM");
  }

  /**
   * Adds an order of {@code kind} aimed at {@code target} (its other choices the first ones),
   * dropping the socket as {@code mode} says.
   */
  private static void addOrderAcrossADrop(
      WebDriver student, String kind, String target, String mode) {
    script(student, DROP_AT_NEXT, "editDraft", mode);
    new Select(student.findElement(By.id("kind"))).selectByVisibleText(kindLabel(student, kind));
    new Select(student.findElement(By.id("slot-0"))).selectByValue(target);
    student.findElement(By.id("add-order")).click();
    waiting(student)
        .withMessage("the order to be added or refused")
        .until(
            d ->
                textOf(d, "order-added").startsWith("Order added: ")
                    || !textOf(d, "order-error").isEmpty());
    assertThat(textOf(student, "order-error")).isEmpty();
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> sent(WebDriver student) {
    return (List<Map<String, Object>>) script(student, "return window.sent");
  }

  /** A running game whose game master is {@link #gm}; returns its join code. */
  private static String newGame() throws Exception {
    gm = web.nativeClient();
    String code = BrowserClass.createSession(gm);
    BrowserClass.startGame(gm);
    return code;
  }

  @Test
  void aJoinWhoseAnswerADropTookIsResentAndTakesTheSameSeat() throws Exception {
    String code = newGame();
    WebDriver bo = web.open(1366, 768);
    bo.get(web.base());
    visible(bo, "code").sendKeys(code);
    bo.findElement(By.id("name")).sendKeys("Bo");
    waiting(bo).until(d -> !new Select(d.findElement(By.id("country"))).getOptions().isEmpty());
    new Select(bo.findElement(By.id("country"))).selectByValue("ARM");
    script(bo, DROP_AT_NEXT, "joinSession", "after");
    bo.findElement(By.id("join-button")).click();
    waiting(bo)
        .withMessage("the join to be answered")
        .until(
            d -> d.findElement(By.id("game")).isDisplayed() || !textOf(d, "join-error").isEmpty());
    assertThat(textOf(bo, "join-error")).isEmpty();
    waitForText(bo, "who", "Bo");
    List<Map<String, Object>> sent = sent(bo);
    assertThat(sent).hasSize(2);
    assertThat(sent.get(1).get("idempotencyKey")).isEqualTo(sent.get(0).get("idempotencyKey"));
    assertThat(sent.get(1).get("idempotencySecret"))
        .isNotNull()
        .isEqualTo(sent.get(0).get("idempotencySecret"));
    List<String> players =
        call(ClientMessage.newBuilder().setGetView(GetView.getDefaultInstance()))
            .getView()
            .getSeatsList()
            .stream()
            .filter(s -> s.getRole() == Role.PLAYER)
            .map(SeatInfo::getDisplayName)
            .toList();
    assertThat(players).containsExactly("Bo");
  }

  @Test
  void anOrderEditCutOffByADropIsResentWithItsKeyAndAppliedOnce() throws Exception {
    String code = newGame();
    WebDriver ani = web.open(1366, 768);
    web.join(ani, code, "Ani", "ARM");
    waitForText(ani, "turn", "Turn 1 of");

    // The server applies the edit, but the socket drops before its answer arrives.
    addOrderAcrossADrop(ani, "JOINT_EXERCISE", "FRA", "after");
    List<Map<String, Object>> sent = sent(ani);
    assertThat(sent).hasSize(2);
    assertThat(sent.get(0).get("idempotencyKey"))
        .isNotNull()
        .isEqualTo(sent.get(1).get("idempotencyKey"));
    assertThat(sent.get(0).get("requestId")).isNotEqualTo(sent.get(1).get("requestId"));
    List<String> orders = armeniasOrders();
    assertThat(orders).hasSize(1);
    String first = orders.get(0);
    assertThat(first).isEqualTo("JOINT_EXERCISE FRA");

    // The socket drops before the edit leaves: the resend after the seat is back applies it.
    addOrderAcrossADrop(ani, "STATEMENT", "AZE", "instead");
    assertThat(sent(ani)).hasSize(2);
    List<String> both = armeniasOrders();
    assertThat(both).hasSize(2).containsOnlyOnce(first);
    assertThat(both.get(1)).startsWith("STATEMENT ");
    waiting(ani).until(d -> textOf(d, "draft").contains(both.get(1)));
    assertThat(textOf(ani, "draft")).containsOnlyOnce(first);
  }
}
