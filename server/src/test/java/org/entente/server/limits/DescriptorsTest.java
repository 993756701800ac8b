package org.entente.server.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class DescriptorsTest {
  private final AtomicLong clock = new AtomicLong(10 * Descriptors.SAMPLE_NANOS);
  private final AtomicInteger counts = new AtomicInteger();
  private final AtomicLong openNow = new AtomicLong(100);
  private final Descriptors descriptors =
      new Descriptors(
          () -> {
            counts.incrementAndGet();
            return openNow.get();
          },
          1_000,
          clock::get,
          Runnable::run);

  @Test
  void betweenSamplesTheCountFollowsTheConnectionsOpenedAndClosed() {
    assertThat(descriptors.open(10)).isEqualTo(100);
    assertThat(counts).as("the first call samples").hasValue(1);
    openNow.set(190); // 90 more connections, not counted yet
    clock.addAndGet(Descriptors.SAMPLE_NANOS / 2);
    assertThat(descriptors.open(100)).as("the sample and 90 connections since").isEqualTo(190);
    assertThat(descriptors.open(4)).as("6 fewer connections than at the sample").isEqualTo(94);
    assertThat(counts).as("no sample within the interval").hasValue(1);
    clock.addAndGet(Descriptors.SAMPLE_NANOS);
    assertThat(descriptors.open(100)).isEqualTo(190);
    assertThat(counts).as("sampled again once the interval passed").hasValue(2);
  }

  @Test
  void aBurstOfConnectionsRunsShortBeforeTheNextSample() {
    assertThat(descriptors.runningShort(64, 0)).isFalse();
    clock.addAndGet(1);
    assertThat(descriptors.runningShort(64, 835)).as("100 + 835 + 64 < 1,000").isFalse();
    assertThat(descriptors.runningShort(64, 836)).as("100 + 836 + 64 = 1,000").isTrue();
    assertThat(counts).hasValue(1);
  }

  @Test
  void theCountIsTakenOnTheSamplerNotTheCallersThread() {
    java.util.List<Runnable> queued = new java.util.ArrayList<>();
    Descriptors later = new Descriptors(openNow::get, 1_000, clock::get, queued::add);

    assertThat(later.open(0)).as("nothing counted yet").isZero();
    assertThat(queued).hasSize(1);
    clock.addAndGet(2 * Descriptors.SAMPLE_NANOS);
    assertThat(later.open(5)).as("a sample already asked for: no second one").isEqualTo(5);
    assertThat(queued).hasSize(1);
    queued.get(0).run();
    assertThat(later.open(0)).isEqualTo(100);
    assertThat(queued).as("due again, and the first one done").hasSize(2);
  }
}
