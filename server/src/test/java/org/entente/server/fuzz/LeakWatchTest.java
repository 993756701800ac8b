package org.entente.server.fuzz;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import org.junit.jupiter.api.Test;

/** The fuzz targets' leak check fails on a real leak (else their "no leak" would prove nothing). */
class LeakWatchTest {

  @Test
  void aBufferDroppedWithoutReleaseFailsTheCheck() {
    LeakWatch.install();
    try {
      leakOne();
      assertThatThrownBy(
              () -> {
                for (int i = 0; i < 20; i++) {
                  LeakWatch.collectAndCheck();
                }
              })
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("LEAK");
    } finally {
      LeakWatch.clear();
    }
  }

  private static void leakOne() {
    ByteBuf lost = ByteBufAllocator.DEFAULT.buffer(64);
    lost.writeLong(42);
  }
}
