package org.entente.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.server.web.BrowserClass.call;
import static org.entente.server.web.Browsers.kindLabel;
import static org.entente.server.web.Browsers.openTab;
import static org.entente.server.web.Browsers.screenshot;
import static org.entente.server.web.Browsers.textOf;
import static org.entente.server.web.Browsers.viewport;
import static org.entente.server.web.Browsers.visible;
import static org.entente.server.web.Browsers.waitForText;
import static org.entente.server.web.Browsers.waiting;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import org.entente.client.ProtocolClient;
import org.entente.proto.protocol.v1.Channel;
import org.entente.proto.protocol.v1.ClientMessage;
import org.entente.proto.protocol.v1.EditDraft;
import org.entente.proto.protocol.v1.Event;
import org.entente.proto.protocol.v1.GetBriefing;
import org.entente.proto.protocol.v1.GetView;
import org.entente.proto.protocol.v1.Order;
import org.entente.proto.protocol.v1.ReportLine;
import org.entente.proto.protocol.v1.SendMessage;
import org.entente.proto.protocol.v1.Spectate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * A class in real browsers (headless Chromium through the system chromedriver) on a real
 * server: a teacher, two students of one team and the projector in browsers, a student of
 * another country, a team-mate and a spectator over the native protocol.
 */
class BrowserClassroomTest {
  @RegisterExtension static final BrowserClass web = new BrowserClass("browser-test");

  @Test
  void aClassPlaysATurnInBrowsersAlongsideNativeClients() throws Exception {
    String base = web.base();
    // The teacher creates the session in a browser.
    WebDriver teacher = web.open(1366, 768);
    teacher.get(base + "gm");
    waiting(teacher)
        .until(d -> !new Select(d.findElement(By.id("scenario"))).getOptions().isEmpty());
    new Select(teacher.findElement(By.id("scenario"))).selectByValue("armenia-csto-2024");
    teacher.findElement(By.id("gmname")).sendKeys("Ms Teacher");
    teacher.findElement(By.id("create-button")).click();
    waitForText(teacher, "code", "-");
    String shown = textOf(teacher, "code");
    String code = shown; // the server shows and accepts ABC-DEF
    assertThat(shown).matches("[2-9A-Z]{3}-[2-9A-Z]{3}");
    String gmToken =
        (String)
            ((JavascriptExecutor) teacher)
                .executeScript("return JSON.parse(sessionStorage.getItem('entente.gm')).token");
    assertThat(gmToken).hasSize(26);
    assertThat(teacher.getPageSource()).doesNotContain(gmToken);
    assertThat(teacher.findElement(By.id("project")).getAttribute("href"))
        .isEqualTo(base + "watch/" + code);

    // The projector, and a native spectator to compare it with.
    WebDriver projector = web.open(1920, 1080);
    projector.get(base + "watch/" + code);
    waitForText(projector, "joincode", shown);
    waitForText(projector, "address", base);
    List<Event> spectatorEvents = new CopyOnWriteArrayList<>();
    ProtocolClient spectator = web.nativeClient(spectatorEvents);
    List<Message> spectatorSaw = new CopyOnWriteArrayList<>();
    spectatorSaw.add(
        call(
            spectator,
            ClientMessage.newBuilder()
                .setSpectate(Spectate.newBuilder().setJoinCode(code).setDisplayName("Observer"))));
    spectatorSaw.add(
        call(
            spectator,
            ClientMessage.newBuilder().setGetBriefing(GetBriefing.getDefaultInstance())));

    // Two students of Armenia in browsers, a third over the native protocol, and Azerbaijan
    // natively.
    WebDriver ani = web.open(1366, 768);
    web.join(ani, code, "Ani", "ARM");
    WebDriver bo = web.open(390, 844);
    web.join(bo, code, "Bo", "ARM");
    List<Event> armEvents = new CopyOnWriteArrayList<>();
    ProtocolClient cy = web.nativeClient(armEvents);
    BrowserClass.joinNatively(cy, code, "Cy", "ARM");
    List<Event> azeEvents = new CopyOnWriteArrayList<>();
    ProtocolClient aze = web.nativeClient(azeEvents);
    BrowserClass.joinNatively(aze, code, "Dana", "AZE");
    waitForText(projector, "seats", "Armenia: 3");
    assertThat(textOf(projector, "seats")).contains("Azerbaijan: 1").doesNotContain("Ani");
    screenshot(projector, "projector-lobby-1920x1080");

    waitForText(teacher, "seats", "Dana");
    teacher.findElement(By.id("start")).click();
    waitForText(ani, "turn", "Turn 1 of");
    screenshot(teacher, "gm-1366x768");

    // An illegal order is refused at once with the engine's reason (the same a native client gets).
    String reason =
        call(
                cy,
                ClientMessage.newBuilder()
                    .setEditDraft(
                        EditDraft.newBuilder()
                            .setTurn(1)
                            .setAdd(Order.newBuilder().setText("RESCIND_NOTICE CSTO"))))
            .getError()
            .getMessage();
    assertThat(reason).contains("no notice to rescind");
    new Select(ani.findElement(By.id("kind")))
        .selectByVisibleText(kindLabel(ani, "RESCIND_NOTICE"));
    new Select(ani.findElement(By.id("slot-0"))).selectByValue("CSTO");
    ani.findElement(By.id("add-order")).click();
    waitForText(ani, "order-error", "Refused: " + reason);

    // A legal one: Bo, on the phone, sees Ani's edit with her name.
    new Select(ani.findElement(By.id("kind"))).selectByVisibleText(kindLabel(ani, "GIVE_NOTICE"));
    new Select(ani.findElement(By.id("slot-0"))).selectByValue("CSTO");
    ani.findElement(By.id("add-order")).click();
    waitForText(ani, "draft", "GIVE_NOTICE CSTO");
    waitForText(bo, "draft", "GIVE_NOTICE CSTO");
    assertThat(textOf(bo, "draft")).contains("by Ani");
    assertThat(textOf(ani, "order-error")).isEmpty();

    // A private message from the native Azerbaijani student arrives in Ani's inbox; Ani posts in
    // public.
    call(
        aze,
        ClientMessage.newBuilder()
            .setSendMessage(
                SendMessage.newBuilder()
                    .setChannel(Channel.PRIVATE)
                    .setToCountry("ARM")
                    .setText("Shall we talk about the corridor?")));
    openTab(ani, "messages");
    waitForText(ani, "inbox", "Shall we talk about the corridor?");
    new Select(ani.findElement(By.id("channel"))).selectByValue("PUBLIC:");
    ani.findElement(By.id("message-text")).sendKeys("Armenia seeks peace with all its neighbours.");
    ani.findElement(By.cssSelector("#message-form button[type=submit]")).click();
    waitForText(bo, "inbox", "Armenia seeks peace");
    openTab(bo, "orders");
    screenshot(ani, "student-1366x768");
    screenshot(bo, "student-390x844");

    // Azerbaijan offers a peace step; once the turn is resolved, the offer waits in the inbox.
    assertThat(
            call(
                    aze,
                    ClientMessage.newBuilder()
                        .setEditDraft(
                            EditDraft.newBuilder()
                                .setTurn(1)
                                .setAdd(
                                    Order.newBuilder().setText("PEACE_STEP ARM DELIMIT_BORDER"))))
                .hasDraftUpdated())
        .isTrue();

    // The game master announces and forces the turn; each browser shows Armenia's report.
    teacher.findElement(By.id("announce-text")).sendKeys("Ten minutes to the summit.");
    teacher.findElement(By.id("announce")).click();
    waitForText(projector, "news", "Ten minutes to the summit.");
    teacher.findElement(By.id("force")).click();
    waiting(teacher)
        .withMessage("Armenia's native seat to get turn 1's report")
        .until(d -> armEvents.stream().anyMatch(Event::hasTurnReport));
    List<String> armLines = firstReportLines(armEvents);
    assertThat(armLines).isNotEmpty();
    for (WebDriver student : List.of(ani, bo)) {
      openTab(student, "reports");
      waitForText(student, "report-list", "Turn 1");
      for (String line : armLines) {
        assertThat(textOf(student, "report-list")).contains(line);
      }
    }
    waitForText(ani, "turn", "Turn 2 of");
    openTab(ani, "messages");
    waitForText(
        ani,
        "inbox",
        "[offer, turn 1] Azerbaijan offered Armenia a peace step: delimit border; to accept, order"
            + " `PEACE_STEP AZE DELIMIT_BORDER` next turn");

    // A reload resumes the seat (sessionStorage) and rebuilds the reports from the replay.
    bo.navigate().refresh();
    visible(bo, "game");
    waitForText(bo, "who", "Bo");
    assertThat(textOf(bo, "who")).contains("Armenia");
    openTab(bo, "reports");
    waitForText(bo, "report-list", armLines.get(0));
    assertThat(bo.getCurrentUrl()).isEqualTo(base);

    // The projector shows the public report, and nothing a spectator could not see.
    waiting(teacher).until(x -> spectatorEvents.stream().anyMatch(Event::hasTurnReport));
    List<String> publicLines = firstReportLines(spectatorEvents);
    waitForText(projector, "report", publicLines.get(0));
    spectatorSaw.add(
        call(spectator, ClientMessage.newBuilder().setGetView(GetView.getDefaultInstance())));
    spectatorSaw.addAll(spectatorEvents);
    screenshot(projector, "projector-game-1920x1080");
    viewport(projector, 1024, 768);
    screenshot(projector, "projector-game-1024x768");
    String projected =
        String.valueOf(
            ((JavascriptExecutor) projector).executeScript("return document.body.textContent"));
    Set<String> spectatorStrings = strings(spectatorSaw);
    List<String> secrets =
        new ArrayList<>(List.of("Shall we talk about the corridor?", "GIVE_NOTICE CSTO", gmToken));
    armLines.stream().filter(l -> !spectatorStrings.contains(l)).forEach(secrets::add);
    System.out.println("secrets checked on the projector: " + secrets.size());
    for (String secret : secrets) {
      assertThat(spectatorStrings).doesNotContain(secret);
      assertThat(projected).as("the projector's text").doesNotContain(secret);
    }
    for (String line : publicLines) {
      assertThat(projected).contains(line);
    }

    // The game master pauses (the projector says so), resumes, and downloads the debrief.
    teacher.findElement(By.id("pause")).click();
    waitForText(projector, "clock", "Paused");
    teacher.findElement(By.id("resume")).click();
    waitForText(projector, "clock", "Manual");
    teacher.findElement(By.id("debrief")).click();
    waitForText(teacher, "debrief-outcome", "Downloaded debrief-");
    reportLoadTime(ani);
  }

  /** The lines of the first turn report among these events. */
  private static List<String> firstReportLines(List<Event> events) {
    return events.stream()
        .filter(Event::hasTurnReport)
        .findFirst()
        .orElseThrow()
        .getTurnReport()
        .getLinesList()
        .stream()
        .map(ReportLine::getText)
        .toList();
  }

  /** Every string field anywhere in these messages. */
  private static Set<String> strings(List<Message> messages) {
    Set<String> out = new TreeSet<>();
    for (Message m : messages) {
      collect(m, out);
    }
    return out;
  }

  private static void collect(Message message, Set<String> out) {
    for (Map.Entry<FieldDescriptor, Object> field : message.getAllFields().entrySet()) {
      List<?> values =
          field.getKey().isRepeated() ? (List<?>) field.getValue() : List.of(field.getValue());
      for (Object value : values) {
        if (value instanceof String s) {
          out.add(s);
        } else if (value instanceof Message m) {
          collect(m, out);
        }
      }
    }
  }

  private static void reportLoadTime(WebDriver driver) {
    driver.get(web.base());
    visible(driver, "game");
    Object millis =
        ((JavascriptExecutor) driver)
            .executeScript(
                "const n = performance.getEntriesByType('navigation')[0]; return [n.domContentLoadedEventEnd, n.loadEventEnd];");
    System.out.println("student page on loopback: domContentLoaded, load (ms) = " + millis);
  }
}
