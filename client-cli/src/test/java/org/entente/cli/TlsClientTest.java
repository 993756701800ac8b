package org.entente.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.entente.client.ClientSession;
import org.entente.client.KnownServers;
import org.entente.client.ProtocolClient;
import org.entente.client.SeatStore;
import org.entente.client.ServerAddress;
import org.entente.client.ServerTrust;
import org.entente.client.UntrustedServerException;
import org.entente.proto.protocol.v1.ClientMessage;
import org.entente.proto.protocol.v1.CreateSession;
import org.entente.proto.protocol.v1.GetView;
import org.entente.proto.protocol.v1.ListScenarios;
import org.entente.server.EntenteServer;
import org.entente.server.ServerConfig;
import org.entente.server.net.Tls;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client's TLS against a real server with a self-signed certificate: trusted only when
 * pinned (asked on first use, or given), refused when it changes, and the whole class flow over
 * it with no secret printed.
 */
class TlsClientTest {
  @TempDir Path dir;

  @RegisterExtension final StdCapture std = new StdCapture();

  private EntenteServer server;
  private String fingerprint;
  private ServerAddress address;
  private KnownServers known;
  private String oldConfig;

  @BeforeEach
  void startTlsServer() throws Exception {
    Tls.Server tls = Tls.selfSigned(dir.resolve("server-tls"));
    fingerprint = tls.fingerprint();
    server =
        EntenteServer.builder()
            .config(
                ServerConfig.defaults().withPort(0).withBindAddress("127.0.0.1").withThreads(2, 2))
            .tls(tls.context())
            .start();
    address = ServerAddress.parse("tls://127.0.0.1:" + server.port());
    known = new KnownServers(dir.resolve("cfg").resolve("known-servers"));
    oldConfig = System.getProperty("entente.config.dir");
    System.setProperty("entente.config.dir", dir.resolve("cfg").toString());
  }

  @AfterEach
  void stop() {
    server.close();
    if (oldConfig == null) {
      System.clearProperty("entente.config.dir");
    } else {
      System.setProperty("entente.config.dir", oldConfig);
    }
  }

  private ProtocolClient connect(ServerTrust trust) throws IOException {
    try {
      return ProtocolClient.connectAndHello(address, trust, "test");
    } catch (IOException e) {
      throw e;
    } catch (Exception e) {
      throw new IOException(e);
    }
  }

  @Test
  void tlsAddressesParseAndNameTheServerWithoutTheScheme() {
    assertThat(address.tls()).isTrue();
    assertThat(address.toString()).isEqualTo("127.0.0.1:" + server.port());
    assertThat(address.display()).isEqualTo("tls://127.0.0.1:" + server.port());
    assertThat(ServerAddress.parse("TLS://Host").port()).isEqualTo(7777);
    assertThatThrownBy(() -> ServerAddress.parse("http://host:80"))
        .hasMessageContaining("scheme other than tls://");
    assertThat(
            KnownServers.normaliseFingerprint(
                fingerprint.substring("SHA256:".length()).toLowerCase().replace(":", "")))
        .isEqualTo(fingerprint);
    assertThatThrownBy(() -> KnownServers.normaliseFingerprint("SHA256:AB"))
        .hasMessageContaining("is not a certificate fingerprint");
  }

  @Test
  void aSelfSignedCertificateIsRefusedWithItsFingerprintWhenNobodyCanAnswer() {
    assertThatThrownBy(
            () ->
                TrustOnFirstUse.connect(
                    address, ServerTrust.of(known, Optional.empty()), null, this::connect))
        .isInstanceOfSatisfying(
            UntrustedServerException.class,
            e -> {
              assertThat(e.presented()).isEqualTo(fingerprint);
              assertThat(e.expected()).isEmpty();
              assertThat(TrustOnFirstUse.advice(e))
                  .contains("not vouched for by any certificate authority")
                  .endsWith("--fingerprint " + fingerprint);
            });
    assertThat(Files.exists(known.file())).isFalse();
  }

  @Test
  void anAcceptedFingerprintIsPinnedAndLaterConnectionsNeedNoQuestion() throws Exception {
    AtomicInteger asked = new AtomicInteger();
    try (ProtocolClient c =
        TrustOnFirstUse.connect(
            address,
            ServerTrust.of(known, Optional.empty()),
            e -> {
              asked.incrementAndGet();
              return e.presented().equals(fingerprint);
            },
            this::connect)) {
      assertThat(
              c.request(
                      ClientMessage.newBuilder()
                          .setListScenarios(ListScenarios.getDefaultInstance()))
                  .get(10, TimeUnit.SECONDS)
                  .hasScenarioList())
          .isTrue();
    }
    assertThat(asked).hasValue(1);
    assertThat(known.pinned(address)).contains(fingerprint);
    try (ProtocolClient c =
        TrustOnFirstUse.connect(
            address,
            ServerTrust.of(known, Optional.empty()),
            e -> {
              throw new AssertionError("asked again");
            },
            this::connect)) {
      assertThat(c.isOpen()).isTrue();
    }
  }

  @Test
  void aNoKeepsTheServerUntrustedAndPinsNothing() {
    assertThatThrownBy(
            () ->
                TrustOnFirstUse.connect(
                    address, ServerTrust.of(known, Optional.empty()), e -> false, this::connect))
        .isInstanceOf(UntrustedServerException.class);
    assertThat(Files.exists(known.file())).isFalse();
  }

  @Test
  void aChangedCertificateIsRefusedWithoutAQuestion() throws Exception {
    String other = "SHA256:" + "AB:".repeat(31) + "AB";
    known.pin(address, other);
    assertThatThrownBy(
            () ->
                TrustOnFirstUse.connect(
                    address,
                    ServerTrust.of(known, Optional.empty()),
                    e -> {
                      throw new AssertionError(
                          "a changed certificate must not be offered for trust");
                    },
                    this::connect))
        .isInstanceOfSatisfying(
            UntrustedServerException.class,
            e -> {
              assertThat(e.expected()).contains(other);
              assertThat(e.getMessage())
                  .contains("has CHANGED")
                  .contains(fingerprint)
                  .contains(other);
            });
    assertThat(known.pinned(address)).contains(other);
  }

  @Test
  void aGivenFingerprintMustMatchAndWinsOverThePin() throws Exception {
    known.pin(address, "SHA256:" + "00:".repeat(31) + "00");
    try (ProtocolClient c = connect(ServerTrust.of(known, Optional.of(fingerprint)))) {
      assertThat(c.isOpen()).isTrue();
    }
    assertThatThrownBy(
            () -> connect(ServerTrust.of(null, Optional.of("SHA256:" + "11:".repeat(31) + "11"))))
        .isInstanceOf(UntrustedServerException.class)
        .hasMessageContaining("has CHANGED");
  }

  @Test
  void theAuthoritiesAloneDoNotVouchForASelfSignedCertificate() {
    assertThatThrownBy(() -> connect(ServerTrust.authoritiesOnly()))
        .isInstanceOf(UntrustedServerException.class);
  }

  @Test
  void plainAndTlsMismatchesSayWhatToType() throws Exception {
    assertThatThrownBy(
            () ->
                ProtocolClient.connectAndHello(
                    address.withTls(false), ServerTrust.authoritiesOnly(), "test"))
        .hasMessageContaining("connect to tls://127.0.0.1:" + server.port());
    try (EntenteServer plain =
        EntenteServer.builder()
            .config(
                ServerConfig.defaults().withPort(0).withBindAddress("127.0.0.1").withThreads(1, 1))
            .start()) {
      ServerAddress tlsToPlain = new ServerAddress("127.0.0.1", plain.port(), true);
      assertThatThrownBy(
              () ->
                  ProtocolClient.connectAndHello(
                      tlsToPlain, ServerTrust.of(null, Optional.of(fingerprint)), "test"))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("without tls://");
    }
  }

  @Test
  void aDroppedTlsConnectionReconnectsAndTakesTheSeatBack() throws Exception {
    ServerTrust pinned = ServerTrust.of(known, Optional.of(fingerprint));
    try (ClientSession session =
        ClientSession.connect(address, pinned, new SeatStore(dir.resolve("seats.json")), "test")) {
      assertThat(
              session
                  .call(
                      ClientMessage.newBuilder()
                          .setCreateSession(
                              CreateSession.newBuilder().setBuiltinScenarioId("armenia-csto-2024")))
                  .hasSessionCreated())
          .isTrue();
      java.util.concurrent.CountDownLatch back = new java.util.concurrent.CountDownLatch(1);
      session.addListener(
          new ClientSession.Listener() {
            @Override
            public void notice(String text, boolean problem) {
              if (text.startsWith("reconnected") && !problem) {
                back.countDown();
              }
            }
          });
      session.dropConnectionForTest();
      assertThat(session.await(s -> !s.isConnected(), Duration.ofSeconds(30))).isTrue();
      // The new connection checks the pinned certificate again, then resumes the seat.
      assertThat(back.await(60, TimeUnit.SECONDS)).isTrue();
      org.entente.proto.protocol.v1.ServerMessage view =
          session.call(ClientMessage.newBuilder().setGetView(GetView.getDefaultInstance()));
      assertThat(view.hasView()).as("%s", view).isTrue();
    }
  }

  @Test
  void aReconnectChecksTheCertificateAgain() throws Exception {
    known.pin(address, fingerprint);
    try (ClientSession session =
        ClientSession.connect(
            address,
            ServerTrust.of(known, Optional.empty()),
            new SeatStore(dir.resolve("seats.json")),
            "test")) {
      assertThat(
              session
                  .call(
                      ClientMessage.newBuilder()
                          .setCreateSession(
                              CreateSession.newBuilder().setBuiltinScenarioId("armenia-csto-2024")))
                  .hasSessionCreated())
          .isTrue();
      java.util.concurrent.CountDownLatch refused = new java.util.concurrent.CountDownLatch(1);
      session.addListener(
          new ClientSession.Listener() {
            @Override
            public void notice(String text, boolean problem) {
              if (problem && text.contains("has CHANGED")) {
                refused.countDown();
              }
            }
          });
      // As if the server were now someone else: the pin no longer matches what it presents.
      known.pin(address, "SHA256:" + "CD:".repeat(31) + "CD");
      session.dropConnectionForTest();
      assertThat(refused.await(60, TimeUnit.SECONDS)).isTrue();
      assertThat(session.isConnected()).isFalse();
    }
  }

  @Test
  void aClassRunsOverTlsAndNoTokenIsPrinted() throws Exception {
    Path script = dir.resolve("prepare.txt");
    Files.writeString(script, "who\ncode\n");
    int rc =
        Main.run(
            "connect",
            address.display(),
            "--fingerprint",
            fingerprint,
            "--create",
            "armenia-csto-2024",
            "--turns",
            "3",
            "--script",
            script.toString());
    assertThat(rc).as(std.err()).isZero();
    List<SeatStore.Seat> seats = SeatStore.forUser().forServer(address.toString());
    assertThat(seats).hasSize(1);
    SeatStore.Seat gm = seats.get(0);
    String code = SeatStore.displayCode(gm.joinCode());
    assertThat(std.out())
        .contains("Students type:  entente connect " + address.display() + " --join " + code)
        .contains("entente debrief " + address.display() + " --code " + code)
        .doesNotContain(gm.token());
    assertThat(known.pinned(address)).contains(fingerprint);

    std.reset();
    Path out = dir.resolve("debrief");
    // The pin and the saved token are enough: no fingerprint, no token on the command line.
    assertThat(Main.run("debrief", address.display(), "--code", code, "--out", out.toString()))
        .as(std.err())
        .isZero();
    assertThat(Files.readString(out.resolve("debrief.md"))).startsWith("# Debrief: ");

    std.reset();
    Path json = dir.resolve("json.txt");
    Files.writeString(json, "who\n");
    assertThat(Main.run("connect", address.display(), "--script", json.toString(), "--json"))
        .as(std.err())
        .isZero();
    assertThat(std.out())
        .contains("{\"command\":\"rejoin\",\"ok\":true")
        .doesNotContain(gm.token());
  }
}
