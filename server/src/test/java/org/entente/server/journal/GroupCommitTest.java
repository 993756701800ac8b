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
    Storage blockingFirstForce =
        new ForwardingStorage(new FileStorage()) {
          boolean blocked;

          @Override
          public AppendFile openForAppend(Path file) throws java.io.IOException {
            AppendFile inner = super.openForAppend(file);
            if (!file.getFileName().toString().startsWith("journal")) {
              return inner;
            }
            return new AppendFile() {
              @Override
              public void write(byte[] bytes) throws java.io.IOException {
                inner.write(bytes);
              }

              @Override
              public void force() throws java.io.IOException {
                if (!blocked) {
                  blocked = true;
                  forcing.countDown();
                  try {
                    release.await();
                  } catch (InterruptedException e) {
                    throw new java.io.InterruptedIOException();
                  }
                }
                inner.force();
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
    try (JournalWriter writer = JournalWriter.start(blockingFirstForce, data)) {
      SessionJournal journal = writer.create("s1", "snapshot".getBytes(UTF_8));
      CompletableFuture<Void> first = journal.append(0, 0, "first".getBytes(UTF_8));
      assertThat(forcing.await(10, TimeUnit.SECONDS)).isTrue();
      long forcesBefore = writer.forces();
      List<CompletableFuture<Void>> waiting = new ArrayList<>();
      for (int i = 0; i < 100; i++) {
        waiting.add(journal.append(0, 0, ("record " + i).getBytes(UTF_8)));
      }
      assertThat(waiting).noneMatch(CompletableFuture::isDone);
      release.countDown();
      CompletableFuture.allOf(waiting.toArray(CompletableFuture<?>[]::new))
          .get(10, TimeUnit.SECONDS);

      assertThat(first).isCompleted();
      assertThat(writer.forces() - forcesBefore)
          .isEqualTo(2); // the blocked one, then one for all hundred
      assertThat(
              Records.scan(
                      "j",
                      java.nio.file.Files.readAllBytes(data.resolve("sessions/s1/journal-0.log")))
                  .payloads())
          .hasSize(101);
    }
  }
}
