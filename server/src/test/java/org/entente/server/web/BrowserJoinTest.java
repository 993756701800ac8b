package org.entente.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.server.web.Browsers.textOf;
import static org.entente.server.web.Browsers.visible;
import static org.entente.server.web.Browsers.waitForText;
import static org.entente.server.web.Browsers.waiting;

import java.util.List;
import org.entente.proto.protocol.v1.ClientMessage;
import org.entente.proto.protocol.v1.ServerMessage;
import org.entente.server.testing.UploadedScenarios;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** The student page's join form, in a browser: the countries are the session's own. */
class BrowserJoinTest {
  @RegisterExtension static final BrowserClass web = new BrowserClass("join-test");

  /** Creates a session on a connection of its own; returns its join code. */
  private static String create(ClientMessage.Builder request) throws Exception {
    ServerMessage created = BrowserClass.call(web.nativeClient(), request);
    assertThat(created.hasSessionCreated()).as("%s", created).isTrue();
    return created.getSessionCreated().getJoinCode();
  }

  private static List<String> countriesOffered(WebDriver student) {
    return new Select(student.findElement(By.id("country")))
        .getOptions().stream().map(WebElement::getText).toList();
  }

  private static void typeCode(WebDriver student, String code) {
    WebElement field = student.findElement(By.id("code"));
    field.clear();
    field.sendKeys(code);
  }

  @Test
  void theJoinFormOffersTheCountriesOfTheSessionBeingJoined() throws Exception {
    String strait = create(UploadedScenarios.createClassStrait());
    String armenia = BrowserClass.createSession(web.nativeClient());
    WebDriver kai = web.open(1366, 768);
    kai.get(web.base());
    visible(kai, "code");
    assertThat(countriesOffered(kai)).isEmpty();
    assertThat(kai.findElement(By.id("country")).isEnabled()).isFalse();

    typeCode(kai, armenia.toLowerCase());
    waiting(kai).until(d -> countriesOffered(d).contains("Armenia"));
    assertThat(countriesOffered(kai)).doesNotContain("Korvania", "Halden");

    typeCode(kai, strait);
    waiting(kai).until(d -> countriesOffered(d).contains("Korvania"));
    assertThat(countriesOffered(kai)).containsExactly("Korvania", "Halden", "Miran", "Ostra");
    assertThat(textOf(kai, "join-scenario")).startsWith("Scenario: ");
    Browsers.screenshot(kai, "join-uploaded-1366x768");

    String wrong = strait.equals("ZZZ-ZZZ") ? "YYY-YYY" : "ZZZ-ZZZ";
    typeCode(kai, wrong);
    waitForText(
        kai, "join-error", "No session has the join code '" + wrong.replace("-", "") + "'.");
    assertThat(countriesOffered(kai)).isEmpty();

    typeCode(kai, strait);
    waiting(kai).until(d -> countriesOffered(d).contains("Korvania"));
    assertThat(textOf(kai, "join-error")).isEmpty();
    kai.findElement(By.id("name")).sendKeys("Kai");
    new Select(kai.findElement(By.id("country"))).selectByValue("KORVA");
    kai.findElement(By.id("join-button")).click();
    visible(kai, "game");
    waitForText(kai, "who", "Korvania");
  }
}
