package org.entente.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.entente.client.ProtocolClient;
import org.entente.proto.protocol.v1.ClientMessage;
import org.entente.proto.protocol.v1.CreateSession;
import org.entente.proto.protocol.v1.DraftOrder;
import org.entente.proto.protocol.v1.Event;
import org.entente.proto.protocol.v1.GetView;
import org.entente.proto.protocol.v1.JoinSession;
import org.entente.proto.protocol.v1.Joined;
import org.entente.proto.protocol.v1.ServerMessage;
import org.entente.proto.protocol.v1.StartGame;
import org.entente.server.EntenteServer;
import org.entente.server.ServerConfig;
import org.entente.server.lobby.Lobby;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.WebDriver;

/**
 * One server and its browsers for a browser test class, as a JUnit extension: {@code
 * @RegisterExtension static final BrowserClass web = new BrowserClass("some-test");}. Before
 * the class's tests it checks that Chromium is there ({@link Browsers#require()}), starts a
 * server on 127.0.0.1 and a free port, and opens windows on it on demand; after them it quits
 * the windows, closes the native clients it gave out, and stops the server.
 */
final class BrowserClass implements BeforeAllCallback, AfterAllCallback {
  private final String clientName;
  private final List<ProtocolClient> natives = new CopyOnWriteArrayList<>();
  private EntenteServer server;
  private Browsers browsers;

  /** {@code clientName}: the name the native clients give in their hello. */
  BrowserClass(String clientName) {
    this.clientName = clientName;
  }

  /** A server on 127.0.0.1 and a free port, admitting as {@code admission} says. */
  static EntenteServer startServer(Lobby.Admission admission) throws Exception {
    return EntenteServer.builder()
        .config(ServerConfig.defaults().withPort(0).withBindAddress("127.0.0.1"))
        .admission(admission)
        .start();
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    Browsers.require();
    server = startServer(Lobby.Admission.defaults());
    browsers = new Browsers(base());
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (browsers != null) {
      browsers.close();
    }
    natives.forEach(ProtocolClient::close);
    natives.clear();
    if (server != null) {
      server.close();
    }
  }

  int port() {
    return server.port();
  }

  /** {@code http://127.0.0.1:PORT/} */
  String base() {
    return "http://127.0.0.1:" + port() + "/";
  }

  /** A new window whose page is width x height (under 500 wide, a phone's). */
  WebDriver open(int width, int height) throws IOException {
    return browsers.open(width, height);
  }

  /** A new window whose page is width x height, saving downloads in {@code downloads}. */
  WebDriver open(int width, int height, Path downloads) throws IOException {
    return browsers.open(width, height, downloads);
  }

  /** The student page's join form, filled and sent with Enter; returns once the game shows. */
  void join(WebDriver driver, String code, String name, String country) {
    browsers.join(driver, code, name, country);
  }

  /** A native client that said hello, closed after the class's tests. */
  ProtocolClient nativeClient() throws Exception {
    ProtocolClient client = ProtocolClient.connectAndHello("127.0.0.1", port(), clientName);
    natives.add(client);
    return client;
  }

  /** A native client whose events go to {@code events}. */
  ProtocolClient nativeClient(List<Event> events) throws Exception {
    ProtocolClient client = nativeClient();
    client.onEvent(events::add);
    return client;
  }

  /** The answer to a request, whatever it is (30 s at most). */
  static ServerMessage call(ProtocolClient client, ClientMessage.Builder request) throws Exception {
    return client.request(request).get(30, TimeUnit.SECONDS);
  }

  /** The answer to a request, which must not be an error. */
  static ServerMessage ok(ProtocolClient client, ClientMessage.Builder request) throws Exception {
    ServerMessage answer = call(client, request);
    assertThat(answer.hasError()).as("%s", answer).isFalse();
    return answer;
  }

  /**
   * A session of the built-in scenario, created by {@code gm} (its game master, "Ms Lee"), not
   * started; returns its join code.
   */
  static String createSession(ProtocolClient gm) throws Exception {
    return ok(
            gm,
            ClientMessage.newBuilder()
                .setCreateSession(
                    CreateSession.newBuilder()
                        .setBuiltinScenarioId("armenia-csto-2024")
                        .setDisplayName("Ms Lee")))
        .getSessionCreated()
        .getJoinCode();
  }

  /** A native student joins {@code country} of the session {@code code} as {@code name}. */
  static Joined joinNatively(ProtocolClient client, String code, String name, String country)
      throws Exception {
    ServerMessage answer =
        call(
            client,
            ClientMessage.newBuilder()
                .setJoinSession(
                    JoinSession.newBuilder()
                        .setJoinCode(code)
                        .setDisplayName(name)
                        .setCountry(country)));
    assertThat(answer.hasJoined()).as("%s joins: %s", name, answer).isTrue();
    return answer.getJoined();
  }

  /** The orders of {@code country}'s draft, as its session's game master {@code gm} sees them. */
  static List<String> draft(ProtocolClient gm, String country) throws Exception {
    return ok(gm, ClientMessage.newBuilder().setGetView(GetView.getDefaultInstance()))
        .getView()
        .getDraftsList()
        .stream()
        .filter(d -> d.getCountry().equals(country))
        .flatMap(d -> d.getOrdersList().stream())
        .map(DraftOrder::getText)
        .toList();
  }

  /** Starts the game of the session whose game master is {@code gm}. */
  static void startGame(ProtocolClient gm) throws Exception {
    ok(gm, ClientMessage.newBuilder().setStartGame(StartGame.getDefaultInstance()));
  }
}
