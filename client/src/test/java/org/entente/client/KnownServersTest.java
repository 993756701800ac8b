package org.entente.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pinned fingerprints: one per server, the newest wins, hand-edited junk is skipped, and the file is capped. */
class KnownServersTest {
  private static final String A = "SHA256:" + "AA:".repeat(31) + "AA";
  private static final String B = "SHA256:" + "0B:".repeat(31) + "0B";

  @TempDir Path dir;

  @Test
  void fingerprintsAreNormalisedOrRefusedWithASentence() {
    assertThat(KnownServers.normaliseFingerprint(" sha256:" + "aa".repeat(32) + " ")).isEqualTo(A);
    assertThat(KnownServers.normaliseFingerprint("aa:".repeat(31) + "aa")).isEqualTo(A);
    assertThatThrownBy(() -> KnownServers.normaliseFingerprint("SHA256:AA:BB"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "'SHA256:AA:BB' is not a certificate fingerprint; copy the 'SHA256:AB:CD:...' line 'entente server'"
                + " printed (32 bytes in hex)");
    assertThatThrownBy(() -> KnownServers.normaliseFingerprint("SHA256:" + "ZZ:".repeat(31) + "ZZ"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aPinIsKeptPerServerAndReplacedByANewerOne() throws Exception {
    KnownServers known = new KnownServers(dir.resolve("cfg/known-servers"));
    ServerAddress one = ServerAddress.parse("tls://class.example.org:7777");
    ServerAddress two = ServerAddress.parse("10.0.0.5:7000");
    assertThat(known.pinned(one)).isEmpty();
    known.pin(one, A);
    known.pin(two, B.toLowerCase());
    assertThat(known.pinned(one)).contains(A);
    assertThat(known.pinned(two)).contains(B);
    // The scheme does not name another server: tls:// and plain share the pin.
    assertThat(known.pinned(one.withTls(false))).contains(A);
    known.pin(one, B);
    assertThat(known.pinned(one)).contains(B);
    assertThat(Files.readAllLines(known.file()))
        .containsExactly("10.0.0.5:7000 " + B, "class.example.org:7777 " + B);
  }

  @Test
  void handEditedLinesThatAreNotPinsAreSkipped() throws Exception {
    Path file = dir.resolve("known-servers");
    Files.writeString(
        file,
        "# my servers\nhost:1 not-a-fingerprint\n\nhost:2 " + A + "\nhost:3 " + A + " extra\n");
    KnownServers known = new KnownServers(file);
    assertThat(known.pinned(ServerAddress.parse("host:1"))).isEmpty();
    assertThat(known.pinned(ServerAddress.parse("host:2"))).contains(A);
    assertThat(known.pinned(ServerAddress.parse("host:3"))).isEmpty();
  }

  @Test
  void theFileKeepsAtMostItsCapAndDropsTheOldestPin() throws Exception {
    KnownServers known = new KnownServers(dir.resolve("known-servers"), 3);
    for (int port = 1; port <= 4; port++) {
      known.pin(ServerAddress.parse("host:" + port), A);
    }
    assertThat(Files.readAllLines(known.file())).hasSize(3);
    assertThat(known.pinned(ServerAddress.parse("host:1"))).isEmpty();
    assertThat(known.pinned(ServerAddress.parse("host:4"))).contains(A);
    assertThat(KnownServers.MAX_SERVERS).isEqualTo(1000);
  }
}
