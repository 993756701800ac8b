package org.entente.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SeatStoreConfigDirTest {
  @Test
  void savedSeatsFollowHomeWhenXdgConfigHomeIsUnset() {
    assertThat(SeatStore.configDir(null, Map.of("HOME", "/tmp/seat2"), "/root"))
        .isEqualTo(Path.of("/tmp/seat2", ".config", "entente"));
  }

  @Test
  void xdgConfigHomeWinsOverHomeAndTheOverrideOverBoth() {
    assertThat(
            SeatStore.configDir(
                null, Map.of("HOME", "/tmp/seat2", "XDG_CONFIG_HOME", "/tmp/xdg"), "/root"))
        .isEqualTo(Path.of("/tmp/xdg", "entente"));
    assertThat(SeatStore.configDir("/tmp/override", Map.of("XDG_CONFIG_HOME", "/tmp/xdg"), "/root"))
        .isEqualTo(Path.of("/tmp/override"));
  }

  @Test
  void theJvmsHomeCountsOnlyWithoutHome() {
    assertThat(SeatStore.configDir("", Map.of("XDG_CONFIG_HOME", " "), "/home/ana"))
        .isEqualTo(Path.of("/home/ana", ".config", "entente"));
  }
}
