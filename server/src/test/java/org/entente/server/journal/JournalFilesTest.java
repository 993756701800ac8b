package org.entente.server.journal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.entente.server.testing.MemoryStorage;
import org.junit.jupiter.api.Test;

/** Recovery of damaged files, and the writer's behaviour when the disk fails. */
class JournalFilesTest {
  private static final Path DIR = Path.of("/data/sessions/s1");
  private static final Path JOURNAL = DIR.resolve("journal-0.log");

  private static List<byte[]> payloads() {
    List<byte[]> payloads = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      payloads.add(("record number " + i + " " + "x".repeat(i * 7)).getBytes(UTF_8));
    }
    return payloads;
  }

  private static byte[] journal(List<byte[]> payloads) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    payloads.forEach(p -> out.writeBytes(Records.frame(p)));
    return out.toByteArray();
  }

  private static MemoryStorage withFiles(byte[] journal) {
    MemoryStorage storage = new MemoryStorage(1).withDirectory(DIR);
    storage.replace(DIR.resolve("snapshot-0.bin"), Records.frame("snapshot".getBytes(UTF_8)));
    storage.replace(JOURNAL, journal);
    return storage;
  }

  @Test
  void aTornLastRecordIsCutAtEveryByteOffsetAndTheCutBytesAreKept() throws Exception {
    List<byte[]> payloads = payloads();
    byte[] whole = journal(payloads);
    int lastStart = journal(payloads.subList(0, 4)).length;
    for (int cut = lastStart + 1; cut < whole.length; cut++) {
      byte[] torn = java.util.Arrays.copyOf(whole, cut);
      MemoryStorage storage = withFiles(torn);

      SessionFiles.Recovered recovered = SessionFiles.recover(storage, DIR).orElseThrow();

      assertThat(recovered.records()).as("cut at %s", cut).hasSize(4);
      assertThat(recovered.tornBytes()).isEqualTo(cut - lastStart);
      assertThat(storage.read(JOURNAL)).hasSize(lastStart);
      byte[] kept = storage.read(DIR.resolve("journal-0.log.torn-" + lastStart));
      assertThat(kept).isEqualTo(java.util.Arrays.copyOfRange(whole, lastStart, cut));
    }
    assertThat(SessionFiles.recover(withFiles(whole), DIR).orElseThrow().records()).hasSize(5);
  }

  @Test
  void aBitFlipBeforeTheLastRecordRefusesToStartNamingTheFileAndTheOffset() {
    List<byte[]> payloads = payloads();
    byte[] whole = journal(payloads);
    int lastStart = journal(payloads.subList(0, 4)).length;
    for (int at = 0; at < lastStart; at++) {
      int recordStart = 0;
      for (int r = 0; r < 4; r++) {
        int next = journal(payloads.subList(0, r + 1)).length;
        if (at < next) {
          break;
        }
        recordStart = next;
      }
      for (int bit = 0; bit < 8; bit += 3) {
        byte[] damaged = whole.clone();
        damaged[at] ^= (byte) (1 << bit);
        int expected = recordStart;
        assertThatThrownBy(() -> SessionFiles.recover(withFiles(damaged), DIR))
            .as("bit %s of byte %s", bit, at)
            .isInstanceOfSatisfying(
                CorruptJournalException.class,
                e -> {
                  assertThat(e.file()).isEqualTo(JOURNAL.toString());
                  assertThat(e.offset()).isEqualTo(expected);
                  assertThat(e.getMessage())
                      .contains(JOURNAL.toString(), "offset " + expected, "refusing to start");
                });
      }
    }
  }

  @Test
  void aDamagedSnapshotRefusesToStart() {
    MemoryStorage storage = withFiles(journal(payloads()));
    byte[] snapshot = Records.frame("snapshot".getBytes(UTF_8));
    snapshot[10] ^= 1;
    storage.replace(DIR.resolve("snapshot-0.bin"), snapshot);
    assertThatThrownBy(() -> SessionFiles.recover(storage, DIR))
        .isInstanceOf(CorruptJournalException.class)
        .hasMessageContaining("snapshot-0.bin at offset 0");
  }

  @Test
  void aSessionWithoutASnapshotWasNeverAcknowledgedAndIsSkipped() throws Exception {
    MemoryStorage storage = new MemoryStorage(1).withDirectory(DIR);
    storage.replace(DIR.resolve("snapshot-0.bin.tmp"), new byte[] {1, 2, 3});
    assertThat(SessionFiles.recover(storage, DIR)).isEqualTo(Optional.empty());
    assertThat(storage.list(DIR)).isEmpty();
  }

  @Test
  void aFailedFsyncFailsTheAppendAndEveryLaterOne() {
    MemoryStorage storage = new MemoryStorage(1).withDirectory(Path.of("/data/sessions"));
    JournalWriter writer = JournalWriter.inline(storage, Path.of("/data"));
    SessionJournal journal = writer.create("s1", "snapshot".getBytes(UTF_8));
    assertThat(journal.append(0, 0, "one".getBytes(UTF_8))).isCompleted();
    storage.failForcesAfter(0);

    CompletableFuture<Void> second = journal.append(0, 0, "two".getBytes(UTF_8));

    assertThat(second).isCompletedExceptionally();
    assertThat(writer.failed()).isTrue();
    storage.failForcesAfter(Integer.MAX_VALUE);
    assertThat(journal.append(0, 0, "three".getBytes(UTF_8))).isCompletedExceptionally();
  }

  @Test
  void aFullDiskFailsTheAppend() {
    MemoryStorage storage = new MemoryStorage(1).withDirectory(Path.of("/data/sessions"));
    JournalWriter writer = JournalWriter.inline(storage, Path.of("/data"));
    SessionJournal journal = writer.create("s1", "snapshot".getBytes(UTF_8));
    storage.failWritesAfter(0);
    assertThat(journal.append(0, 0, "one".getBytes(UTF_8)))
        .failsWithin(java.time.Duration.ZERO)
        .withThrowableOfType(java.util.concurrent.ExecutionException.class)
        .withMessageContaining("No space left on device");
    assertThat(journal.snapshot(1, "s".getBytes(UTF_8))).isCompletedExceptionally();
  }
}
