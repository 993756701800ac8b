package org.entente.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.server.web.Browsers.script;
import static org.entente.server.web.Browsers.textOf;
import static org.entente.server.web.Browsers.visible;
import static org.entente.server.web.Browsers.waitForText;
import static org.entente.server.web.Browsers.waiting;

import java.util.List;
import org.entente.client.ProtocolClient;
import org.entente.proto.protocol.v1.ClientMessage;
import org.entente.proto.protocol.v1.GetView;
import org.entente.proto.protocol.v1.Role;
import org.entente.proto.protocol.v1.ServerMessage;
import org.entente.server.testing.UploadedScenarios;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
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
    assertThat(countriesOffered(kai))
        .containsExactly("Choose your country", "Korvania", "Halden", "Miran", "Ostra");
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

  @Test
  void noCountryIsChosenForTheStudentAndJoinAsksForOne() throws Exception {
    ProtocolClient gm = web.nativeClient();
    String code = BrowserClass.createSession(gm);
    WebDriver lou = web.open(1366, 768);
    lou.get(web.base());
    visible(lou, "code").sendKeys(code);
    waiting(lou).until(d -> countriesOffered(d).contains("Armenia"));
    Select country = new Select(lou.findElement(By.id("country")));
    assertThat(country.getFirstSelectedOption().getText()).isEqualTo("Choose your country");
    assertThat(country.getFirstSelectedOption().isEnabled()).isFalse();

    lou.findElement(By.id("name")).sendKeys("Lou", Keys.ENTER);
    assertThat(script(lou, "return document.getElementById('country').validity.valueMissing"))
        .isEqualTo(true);
    assertThat(lou.findElement(By.id("game")).isDisplayed()).isFalse();
    assertThat(lou.findElement(By.id("join")).isDisplayed()).isTrue();
    assertThat(
            BrowserClass.ok(gm, ClientMessage.newBuilder().setGetView(GetView.getDefaultInstance()))
                .getView()
                .getSeatsList())
        .noneMatch(s -> s.getRole() == Role.PLAYER);

    country.selectByValue("AZE");
    lou.findElement(By.id("join-button")).click();
    visible(lou, "game");
    waitForText(lou, "who", "Azerbaijan");
  }
}
