package org.entente.server.journal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Appends that arrive while a force runs share the next one. */
class GroupCommitTest {

  @Test
  void appendsWaitingForAForceShareOneFsync(@TempDir Path data) throws Exception {
    CountDownLatch forcing = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    int[] segmentForces = {0};
    Storage blockingFirstForce =
        forcing(
            file -> file.getFileName().toString().startsWith("events"),
            file -> {
              if (++segmentForces[0] == 2) { // the second: after the warm-up below
                hold(forcing, release);
              }
            });
    try (JournalWriter writer = JournalWriter.start(blockingFirstForce, data)) {
      SessionJournal journal = writer.create("s1", "snapshot".getBytes(UTF_8));
      // The session's files and first segment exist and their names are durable first, so the
      // forces counted below are the segment's alone, however the commands fell into batches.
      journal.append(1, 1, "warm-up".getBytes(UTF_8)).get(10, TimeUnit.SECONDS);
      CompletableFuture<Void> first = journal.append(2, 2, "first".getBytes(UTF_8));
      assertThat(forcing.await(10, TimeUnit.SECONDS)).isTrue();
      long forcesBefore = writer.forces();
      List<CompletableFuture<Void>> waiting = new ArrayList<>();
      for (int i = 0; i < 100; i++) {
        waiting.add(journal.append(i + 3, i + 3, ("record " + i).getBytes(UTF_8)));
      }
      assertThat(waiting).noneMatch(CompletableFuture::isDone);
      release.countDown();
      CompletableFuture.allOf(waiting.toArray(CompletableFuture<?>[]::new))
          .get(10, TimeUnit.SECONDS);

      assertThat(first).isCompleted();
      assertThat(writer.forces() - forcesBefore)
          .isEqualTo(
              2); // the blocked one (its directory synced with the creation), then one for the
      // hundred
      assertThat(
              Records.scan(
                      "j",
                      java.nio.file.Files.readAllBytes(
                          data.resolve("sessions/s1/events-00000000000000000001.log")))
                  .payloads())
          .hasSize(102);
    }
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

  /** The real disk, where each force of a file {@code which} accepts runs {@code onForce} first. */
  private static Storage forcing(
      java.util.function.Predicate<Path> which, java.util.function.Consumer<Path> onForce) {
    return new ForwardingStorage(new FileStorage()) {
      @Override
      public AppendFile openAt(Path file, long position) throws java.io.IOException {
        AppendFile inner = super.openAt(file, position);
        return new AppendFile() {
          @Override
          public void write(byte[] bytes) throws java.io.IOException {
            inner.write(bytes);
          }

          @Override
          public void force() throws java.io.IOException {
            if (which.test(file)) {
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
  void theSessionsOfOneBatchAreForcedAtTheSameTime(@TempDir Path data) throws Exception {
    CountDownLatch holding = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch bothForcing = new CountDownLatch(2);
    Storage storage =
        forcing(
            file -> file.getFileName().toString().startsWith("events"),
            file -> {
              String session = file.getParent().getFileName().toString();
              try {
                if (session.equals("hold") && holding.getCount() > 0) {
                  holding.countDown();
                  release.await();
                } else if (!session.equals("hold")) {
                  bothForcing.countDown();
                  // Forced one after the other, the first would wait here for ever.
                  if (!bothForcing.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the other session's force never started");
                  }
                }
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
    try (JournalWriter writer = JournalWriter.start(storage, data)) {
      SessionJournal hold = writer.create("hold", "h".getBytes(UTF_8));
      SessionJournal a = writer.create("a", "h".getBytes(UTF_8));
      SessionJournal b = writer.create("b", "h".getBytes(UTF_8));
      CompletableFuture<Void> held = hold.append(1, 1, "x".getBytes(UTF_8));
      assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();
      CompletableFuture<Void> inA = a.append(1, 1, "a".getBytes(UTF_8));
      CompletableFuture<Void> inB = b.append(1, 1, "b".getBytes(UTF_8));
      release.countDown();

      CompletableFuture.allOf(held, inA, inB).get(60, TimeUnit.SECONDS);
      assertThat(writer.failed()).isFalse();
    }
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
