package org.entente.server.journal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Appends that arrive while a force runs share the next one, whichever sessions they are of. */
class GroupCommitTest {

  @Test
  void appendsWaitingForAForceShareOneFsync(@TempDir Path data) throws Exception {
    CountDownLatch forcing = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger logForces = new AtomicInteger();
    AtomicBoolean armed = new AtomicBoolean();
    Storage blockingALogForce =
        forcing(
            GroupCommitTest::isCommitLog,
            file -> {
              logForces.incrementAndGet();
              if (armed.getAndSet(false)) {
                hold(forcing, release);
              }
            });
    try (JournalWriter writer = JournalWriter.start(blockingALogForce, data)) {
      SessionJournal journal = writer.create("s1", "snapshot".getBytes(UTF_8));
      journal.append(1, 1, "warm-up".getBytes(UTF_8)).get(10, TimeUnit.SECONDS);
      armed.set(true);
      int before = logForces.get();
      CompletableFuture<Void> first = journal.append(2, 2, "first".getBytes(UTF_8));
      assertThat(forcing.await(10, TimeUnit.SECONDS)).isTrue();
      List<CompletableFuture<Void>> waiting = new ArrayList<>();
      for (int i = 0; i < 100; i++) {
        waiting.add(journal.append(i + 3, i + 3, ("record " + i).getBytes(UTF_8)));
      }
      assertThat(waiting).noneMatch(CompletableFuture::isDone);
      release.countDown();
      CompletableFuture.allOf(waiting.toArray(CompletableFuture<?>[]::new))
          .get(10, TimeUnit.SECONDS);

      assertThat(first).isCompleted();
      assertThat(logForces.get() - before)
          .as("the blocked force, then one for the hundred")
          .isEqualTo(2);
      assertThat(
              Records.scan(
                      "j",
                      java.nio.file.Files.readAllBytes(
                          data.resolve("sessions/s1/events-00000000000000000001.log")))
                  .payloads())
          .hasSize(102);
    }
  }

  @Test
  void theAppendsOfManySessionsInOneBatchShareOneFsyncAndNoSegmentIsForced(@TempDir Path data)
      throws Exception {
    CountDownLatch holding = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger logForces = new AtomicInteger();
    AtomicInteger segmentForces = new AtomicInteger();
    AtomicBoolean armed = new AtomicBoolean();
    Storage storage =
        forcing(
            file -> isCommitLog(file) || file.getFileName().toString().startsWith("events"),
            file -> {
              if (!isCommitLog(file)) {
                segmentForces.incrementAndGet();
              } else {
                logForces.incrementAndGet();
                if (armed.getAndSet(false)) {
                  hold(holding, release);
                }
              }
            });
    try (JournalWriter writer = JournalWriter.start(storage, data)) {
      SessionJournal hold = writer.create("hold", "h".getBytes(UTF_8));
      List<SessionJournal> sessions = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        sessions.add(writer.create("s" + i, "h".getBytes(UTF_8)));
      }
      hold.append(1, 1, "created".getBytes(UTF_8)).get(10, TimeUnit.SECONDS);
      armed.set(true);
      int before = logForces.get();
      CompletableFuture<Void> held = hold.append(2, 2, "x".getBytes(UTF_8));
      assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();
      List<CompletableFuture<Void>> appends = new ArrayList<>();
      for (SessionJournal session : sessions) {
        appends.add(session.append(1, 1, "a".getBytes(UTF_8)));
      }
      release.countDown();
      appends.add(held);
      CompletableFuture.allOf(appends.toArray(CompletableFuture<?>[]::new))
          .get(60, TimeUnit.SECONDS);

      assertThat(logForces.get() - before)
          .as("the held force, then one for the fifty sessions")
          .isEqualTo(2);
      assertThat(segmentForces.get()).isZero();
      assertThat(writer.failed()).isFalse();
    }
  }

  private static boolean isCommitLog(Path file) {
    return file.getFileName().toString().startsWith("commit-");
  }

  /** Says {@code reached}, then waits for {@code release}. */
  private static void hold(CountDownLatch reached, CountDownLatch release) {
    reached.countDown();
    try {
      release.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * The real disk, where each force of a file {@code which} accepts, through a descriptor that
   * wrote to it, runs {@code onForce} first (a commit log made ahead, forced with zeros only,
   * does not count).
   */
  private static Storage forcing(
      java.util.function.Predicate<Path> which, java.util.function.Consumer<Path> onForce) {
    return new ForwardingStorage(new FileStorage()) {
      @Override
      public AppendFile openAt(Path file, long position) throws java.io.IOException {
        AppendFile inner = super.openAt(file, position);
        return new AppendFile() {
          private boolean written;

          @Override
          public void write(byte[] bytes) throws java.io.IOException {
            written = true;
            inner.write(bytes);
          }

          @Override
          public void force() throws java.io.IOException {
            if (written && which.test(file)) {
              onForce.accept(file);
            }
            inner.force();
          }

          @Override
          public void preallocate(long size) throws java.io.IOException {
            inner.preallocate(size);
          }

          @Override
          public long size() throws java.io.IOException {
            return inner.size();
          }

          @Override
          public void close() throws java.io.IOException {
            inner.close();
          }
        };
      }
    };
  }

  @Test
  void aSnapshotBeingWrittenDoesNotHoldUpAnotherSessionsAppends(@TempDir Path data)
      throws Exception {
    CountDownLatch snapshotting = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Storage storage =
        forcing(
            file ->
                file.getFileName().toString().startsWith("state-")
                    && !file.getFileName().toString().startsWith("state-00000000000000000000")
                    && file.getParent().getFileName().toString().equals("a"),
            file -> hold(snapshotting, release));
    try (JournalWriter writer = JournalWriter.start(storage, data)) {
      SessionJournal a = writer.create("a", "h".getBytes(UTF_8));
      SessionJournal b = writer.create("b", "h".getBytes(UTF_8));
      a.append(1, 1, "a".getBytes(UTF_8)).get(10, TimeUnit.SECONDS);
      CompletableFuture<Void> snapshot = a.snapshot(1, "state of a".getBytes(UTF_8));
      assertThat(snapshotting.await(10, TimeUnit.SECONDS)).isTrue();

      // The writer's thread is free: b's appends are written and forced while a's snapshot waits.
      for (int seq = 1; seq <= 3; seq++) {
        b.append(seq, seq, "b".getBytes(UTF_8)).get(10, TimeUnit.SECONDS);
      }
      assertThat(snapshot).isNotDone();
      release.countDown();
      snapshot.get(10, TimeUnit.SECONDS);
    }
  }
}
