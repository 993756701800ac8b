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
import org.entente.proto.journal.v1.JournalEvent;
import org.entente.proto.journal.v1.JournalRecord;
import org.entente.proto.journal.v1.SessionHeader;
import org.entente.proto.journal.v1.Snapshot;
import org.entente.server.testing.MemoryStorage;
import org.junit.jupiter.api.Test;

/** Recovery of damaged files, the segments and snapshots, and the writer when the disk fails. */
class JournalFilesTest {
  private static final Path DATA = Path.of("/data");
  private static final Path DIR = DATA.resolve("sessions/s1");
  private static final Path SEGMENT = SessionFiles.segment(DIR, 1);
  private static final Path STATE = SessionFiles.state(DIR, 0);

  /** Five records of one event each, seqs 1 to 5. */
  private static List<byte[]> frames() {
    List<byte[]> frames = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      byte[] record = ("record number " + i + " " + "x".repeat(i * 7)).getBytes(UTF_8);
      frames.add(Records.frameRecord(i + 1, i + 1, record));
    }
    return frames;
  }

  private static byte[] concat(List<byte[]> frames) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    frames.forEach(out::writeBytes);
    return out.toByteArray();
  }

  /** The disk after a power failure, with the commit log put back into the segments, as a start does. */
  private static MemoryStorage afterPowerLoss(MemoryStorage storage) throws Exception {
    MemoryStorage after = storage.afterPowerLoss();
    CommitLog.replay(after, DATA);
    return after;
  }

  private static MemoryStorage withFiles(byte[] segment) {
    MemoryStorage storage = new MemoryStorage(1).withDirectory(DIR);
    storage.replace(STATE, Records.frame("snapshot".getBytes(UTF_8)));
    storage.replace(SEGMENT, segment);
    return storage;
  }

  @Test
  void aTornLastRecordIsCutAtEveryByteOffsetAndTheCutBytesAreKept() throws Exception {
    List<byte[]> frames = frames();
    byte[] whole = concat(frames);
    int lastStart = concat(frames.subList(0, 4)).length;
    for (int cut = lastStart + 1; cut < whole.length; cut++) {
      int written = cut; // zeros at the end of a torn write read as the space after it
      while (written > lastStart && whole[written - 1] == 0) {
        written--;
      }
      // The file ends where the write stopped, or goes on in zeros (a segment extended ahead).
      for (int size : new int[] {cut, whole.length + 4096}) {
        byte[] torn = java.util.Arrays.copyOf(java.util.Arrays.copyOf(whole, cut), size);
        MemoryStorage storage = withFiles(torn);

        SessionFiles.Recovered recovered = SessionFiles.recover(storage, DIR).orElseThrow();

        assertThat(recovered.records()).as("cut at %s of %s", cut, size).hasSize(4);
        assertThat(recovered.lastSeq()).isEqualTo(4);
        assertThat(recovered.segmentBytes()).isEqualTo(lastStart);
        assertThat(recovered.tornBytes()).isEqualTo(written - lastStart);
        Path kept = DIR.resolve(SEGMENT.getFileName() + ".torn-" + lastStart);
        if (written > lastStart) {
          assertThat(storage.read(SEGMENT)).hasSize(lastStart);
          assertThat(storage.read(kept))
              .isEqualTo(java.util.Arrays.copyOfRange(whole, lastStart, written));
        } else {
          assertThat(storage.exists(kept)).isFalse();
        }
      }
    }
    assertThat(SessionFiles.recover(withFiles(whole), DIR).orElseThrow().records()).hasSize(5);
  }

  @Test
  void aBitFlipBeforeTheLastRecordRefusesToStartNamingTheFileAndTheOffset() {
    List<byte[]> frames = frames();
    byte[] whole = concat(frames);
    int lastStart = concat(frames.subList(0, 4)).length;
    for (int at = 0; at < lastStart; at++) {
      int recordStart = 0;
      for (int r = 0; r < 4; r++) {
        int next = concat(frames.subList(0, r + 1)).length;
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
                  assertThat(e.file()).isEqualTo(SEGMENT.toString());
                  assertThat(e.offset()).isEqualTo(expected);
                  assertThat(e.getMessage())
                      .contains(SEGMENT.toString(), "offset " + expected, "refusing to start");
                });
      }
    }
  }

  @Test
  void aGapInTheSeqsOrATornSegmentThatIsNotTheLastRefusesToStart() {
    List<byte[]> frames = frames();
    List<byte[]> gap = new ArrayList<>(frames);
    gap.remove(2);
    assertThatThrownBy(() -> SessionFiles.recover(withFiles(concat(gap)), DIR))
        .isInstanceOf(CorruptJournalException.class)
        .hasMessageContaining("record of seqs 4..4 does not follow seq 2");

    MemoryStorage storage = withFiles(java.util.Arrays.copyOf(concat(frames), 10));
    storage.replace(
        SessionFiles.segment(DIR, 6), Records.frameRecord(6, 6, "later".getBytes(UTF_8)));
    assertThatThrownBy(() -> SessionFiles.recover(storage, DIR))
        .isInstanceOf(CorruptJournalException.class)
        .hasMessageContaining("in a segment that is not the last");
  }

  @Test
  void recoveryReadsOnlyTheRecordsAfterTheNewestSnapshotAndDeletesOlderOnes() throws Exception {
    MemoryStorage storage = withFiles(concat(frames()));
    storage.replace(SessionFiles.state(DIR, 3), Records.frame("at three".getBytes(UTF_8)));

    SessionFiles.Recovered recovered = SessionFiles.recover(storage, DIR).orElseThrow();

    assertThat(recovered.snapshotSeq()).isEqualTo(3);
    assertThat(new String(recovered.snapshot(), UTF_8)).isEqualTo("at three");
    assertThat(recovered.records())
        .extracting(r -> new String(r, UTF_8))
        .containsExactly("record number 3 " + "x".repeat(21), "record number 4 " + "x".repeat(28));
    assertThat(storage.exists(STATE)).isFalse();
    assertThat(storage.exists(SEGMENT)).as("the history stays").isTrue();
  }

  @Test
  void aDamagedSnapshotRefusesToStart() {
    MemoryStorage storage = withFiles(concat(frames()));
    byte[] snapshot = Records.frame("snapshot".getBytes(UTF_8));
    snapshot[10] ^= 1;
    storage.replace(STATE, snapshot);
    assertThatThrownBy(() -> SessionFiles.recover(storage, DIR))
        .isInstanceOf(CorruptJournalException.class)
        .hasMessageContaining(STATE.getFileName() + " at offset 0");
  }

  @Test
  void aDamagedFirstSnapshotWithNoRecordAfterItWasNeverAcknowledgedAndIsSkipped() throws Exception {
    // Written unsynced at the creation, its name reached the disk and its bytes did not; had the
    // creation been acknowledged, the commit log would have put them back before this.
    MemoryStorage storage = withFiles(new byte[(int) SessionFiles.FIRST_SEGMENT_BYTES]);
    storage.replace(STATE, new byte[0]);
    assertThat(SessionFiles.recover(storage, DIR)).isEqualTo(Optional.empty());

    MemoryStorage played = withFiles(concat(frames()));
    played.replace(STATE, new byte[0]);
    assertThatThrownBy(() -> SessionFiles.recover(played, DIR))
        .as("records after it: it was acknowledged, and it is damaged")
        .isInstanceOf(CorruptJournalException.class);
  }

  @Test
  void aSessionWithoutASnapshotWasNeverAcknowledgedAndIsSkipped() throws Exception {
    MemoryStorage storage = new MemoryStorage(1).withDirectory(DIR);
    storage.replace(DIR.resolve(STATE.getFileName() + ".tmp"), new byte[] {1, 2, 3});
    assertThat(SessionFiles.recover(storage, DIR)).isEqualTo(Optional.empty());
    assertThat(storage.list(DIR)).isEmpty();
  }

  private static byte[] bytes(int size, int seed) {
    byte[] b = new byte[size];
    new java.util.Random(seed).nextBytes(b);
    return b;
  }

  @Test
  void theHistoryGoesToNewSegmentsAndIsReadBackBySeqAcrossThemAndAfterARestart() throws Exception {
    MemoryStorage storage = new MemoryStorage(1).withDirectory(DATA.resolve("sessions"));
    JournalWriter writer = JournalWriter.inline(storage, DATA);
    SessionJournal journal = writer.create("s1", "header".getBytes(UTF_8));
    int records = 600; // 1 KiB each: a small first segment and three more
    for (int seq = 1; seq <= records; seq++) {
      assertThat(journal.append(seq, seq, bytes(1024, seq))).isCompleted();
    }
    assertThat(journal.snapshot(records, "state".getBytes(UTF_8))).isCompleted();

    // 1,048 bytes a frame: 32 fill the first segment's 32 KiB, 251 each later one's 256 KiB
    assertThat(SessionFiles.segments(storage.list(DIR))).containsExactly(1L, 33L, 284L, 535L);
    assertThat(storage.read(SessionFiles.segment(DIR, 1)))
        .as("the first segment, full: its 32 records and no more room")
        .hasSize(32 * 1048);
    assertThat(storage.read(SessionFiles.segment(DIR, 535)))
        .as("the last segment, extended with zeros to 256 KiB when it was made")
        .hasSize((int) SessionFiles.SEGMENT_BYTES);
    assertThat(writer.create("s2", "header".getBytes(UTF_8)).append(1, 1, bytes(10, 1)))
        .isCompleted();
    assertThat(storage.read(SessionFiles.segment(DATA.resolve("sessions").resolve("s2"), 1)))
        .as("a new session's first segment")
        .hasSize((int) SessionFiles.FIRST_SEGMENT_BYTES);
    List<SessionJournal.Stored> page = journal.read(300, 10 * 1024);
    assertThat(page).extracting(SessionJournal.Stored::firstSeq).startsWith(300L, 301L);
    assertThat(page).hasSize(10);
    assertThat(page.get(0).payload()).isEqualTo(bytes(1024, 300));
    assertThat(journal.read(records, 1))
        .extracting(SessionJournal.Stored::firstSeq)
        .containsExactly((long) records);
    assertThat(journal.read(records + 1, 1)).isEmpty();

    MemoryStorage after = afterPowerLoss(storage);
    SessionFiles.Recovered recovered = SessionFiles.recover(after, DIR).orElseThrow();
    assertThat(recovered.snapshotSeq()).isEqualTo(records);
    assertThat(recovered.records()).isEmpty();
    SessionJournal reopened = JournalWriter.inline(after, DATA).reopen(recovered);
    assertThat(reopened.append(records + 1, records + 1, bytes(10, 0))).isCompleted();
    assertThat(reopened.read(1, 2048))
        .extracting(SessionJournal.Stored::firstSeq)
        .containsExactly(1L, 2L);
    assertThat(reopened.read(records + 1, 1).get(0).payload()).isEqualTo(bytes(10, 0));
  }

  @Test
  void aNewSegmentThatCannotBeOpenedLeavesTheLastOneGoingOn() throws Exception {
    MemoryStorage storage = new MemoryStorage(1).withDirectory(DATA.resolve("sessions"));
    JournalWriter writer = JournalWriter.inline(storage, DATA);
    SessionJournal journal = writer.create("s1", "header".getBytes(UTF_8));
    int seq = 1;
    while (SessionFiles.segments(storage.list(DIR)).size() < 2) {
      if (seq == 33) {
        storage.failOpens("events-", 1); // the first segment is full here
      }
      assertThat(journal.append(seq, seq, bytes(1024, seq))).as("seq %s", seq).isCompleted();
      seq++;
    }
    assertThat(SessionFiles.segments(storage.list(DIR))).containsExactly(1L, (long) seq - 1);
    assertThat(writer.failed()).isFalse();
    assertThat(SessionFiles.recover(afterPowerLoss(storage), DIR).orElseThrow().lastSeq())
        .isEqualTo(seq - 1);
  }

  @Test
  void openFilesStayWithinTheBoundAndAReleasedSessionHoldsNone() {
    MemoryStorage storage = new MemoryStorage(1).withDirectory(DATA.resolve("sessions"));
    JournalWriter writer = JournalWriter.inline(storage, DATA, 3);
    List<SessionJournal> journals = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      journals.add(writer.create("s" + i, "header".getBytes(UTF_8)));
    }
    for (int round = 1; round <= 3; round++) {
      for (SessionJournal j : journals) {
        assertThat(j.append(round, round, bytes(100, round))).isCompleted();
        assertThat(storage.openFiles()).isLessThanOrEqualTo(3 + 1); // and the commit log
        assertThat(writer.openFiles()).isEqualTo(storage.openFiles() - 1);
      }
    }
    journals.forEach(SessionJournal::release);
    assertThat(storage.openFiles()).as("the commit log only").isEqualTo(1);
    assertThat(journals.get(4).append(4, 4, bytes(100, 4))).isCompleted();
    assertThat(storage.openFiles()).isEqualTo(2);
  }

  @Test
  void outOfDescriptorsClosesIdleFilesAndTriesAgain() {
    MemoryStorage storage = new MemoryStorage(1).withDirectory(DATA.resolve("sessions"));
    JournalWriter writer = JournalWriter.inline(storage, DATA, 100);
    SessionJournal a = writer.create("a", "header".getBytes(UTF_8));
    SessionJournal b = writer.create("b", "header".getBytes(UTF_8));
    assertThat(a.append(1, 1, bytes(10, 1))).isCompleted();
    storage.limitOpenFiles(2); // the commit log and one segment

    assertThat(b.append(1, 1, bytes(10, 1))).isCompleted();

    assertThat(storage.openFiles()).isEqualTo(2);
    assertThat(writer.failed()).isFalse();
    assertThat(a.append(2, 2, bytes(10, 2))).isCompleted();
  }

  @Test
  void aRecordOutOfSequenceFailsItsSession() {
    MemoryStorage storage = new MemoryStorage(1).withDirectory(DATA.resolve("sessions"));
    JournalWriter writer = JournalWriter.inline(storage, DATA);
    SessionJournal journal = writer.create("s1", "header".getBytes(UTF_8));
    assertThat(journal.append(1, 2, bytes(10, 1))).isCompleted();
    assertThat(journal.append(2, 2, bytes(10, 2))).isCompletedExceptionally();
    assertThat(writer.failed()).isTrue();
  }

  @Test
  void aFailedFsyncFailsTheAppendAndEveryLaterOne() {
    MemoryStorage storage = new MemoryStorage(1).withDirectory(DATA.resolve("sessions"));
    JournalWriter writer = JournalWriter.inline(storage, DATA);
    SessionJournal journal = writer.create("s1", "snapshot".getBytes(UTF_8));
    assertThat(journal.append(1, 1, "one".getBytes(UTF_8))).isCompleted();
    storage.failForcesAfter(0);

    CompletableFuture<Void> second = journal.append(2, 2, "two".getBytes(UTF_8));

    assertThat(second).isCompletedExceptionally();
    assertThat(writer.failed()).isTrue();
    storage.failForcesAfter(Integer.MAX_VALUE);
    assertThat(journal.append(3, 3, "three".getBytes(UTF_8))).isCompletedExceptionally();
  }

  @Test
  void aFullDiskFailsTheAppend() {
    MemoryStorage storage = new MemoryStorage(1).withDirectory(DATA.resolve("sessions"));
    JournalWriter writer = JournalWriter.inline(storage, DATA);
    SessionJournal journal = writer.create("s1", "snapshot".getBytes(UTF_8));
    storage.failWritesAfter(0);
    assertThat(journal.append(1, 1, "one".getBytes(UTF_8)))
        .failsWithin(java.time.Duration.ZERO)
        .withThrowableOfType(java.util.concurrent.ExecutionException.class)
        .withMessageContaining("No space left on device");
    assertThat(journal.snapshot(1, "s".getBytes(UTF_8))).isCompletedExceptionally();
  }

  @Test
  void aSecondServerOnTheSameDataDirectoryIsRefused(@org.junit.jupiter.api.io.TempDir Path data)
      throws Exception {
    try (JournalWriter first = JournalWriter.start(new FileStorage(), data)) {
      assertThat(first.dataDir()).isEqualTo(data);
      assertThatThrownBy(() -> JournalWriter.start(new FileStorage(), data))
          .hasMessageContaining("is in use by another Entente server")
          .hasMessageContaining("--data-dir");
    }
    JournalWriter.start(new FileStorage(), data).close(); // free again
  }

  private static JournalRecord legacyRecord(long firstSeq, String... names) {
    JournalRecord.Builder r = JournalRecord.newBuilder().setFirstSeq(firstSeq);
    for (String name : names) {
      r.addEvents(JournalEvent.newBuilder().setSeatRemoved(name.length()));
    }
    return r.build();
  }

  @Test
  void aDirectoryOfTheOldLayoutIsConvertedKeepingItsWholeHistory() throws Exception {
    MemoryStorage storage = new MemoryStorage(1).withDirectory(DIR);
    SessionHeader header = SessionHeader.newBuilder().setSessionId("s1").build();
    Snapshot old =
        Snapshot.newBuilder()
            .setHeader(header)
            .setTurn(2)
            .addRecords(legacyRecord(1, "a"))
            .addRecords(legacyRecord(2, "bb"))
            .addRecords(JournalRecord.newBuilder().setWrittenEpochMillis(5)) // no events
            .build();
    storage.replace(DIR.resolve("snapshot-2.bin"), Records.frame(old.toByteArray()));
    storage.replace(
        DIR.resolve("journal-2.log"),
        concat(
            List.of(
                Records.frame(legacyRecord(3, "ccc", "dddd").toByteArray()),
                Records.frame(legacyRecord(5, "e").toByteArray()))));

    SessionFiles.Recovered recovered = SessionFiles.recover(storage, DIR).orElseThrow();

    assertThat(storage.list(DIR))
        .containsExactly("events-00000000000000000001.log", "state-00000000000000000000.bin");
    assertThat(Snapshot.parseFrom(recovered.snapshot()))
        .isEqualTo(Snapshot.newBuilder().setHeader(header).build());
    assertThat(recovered.lastSeq()).isEqualTo(5);
    List<JournalRecord> replayed = new ArrayList<>();
    for (byte[] r : recovered.records()) {
      replayed.add(JournalRecord.parseFrom(r));
    }
    assertThat(replayed).hasSize(5);
    assertThat(replayed.get(2).getWrittenEpochMillis()).isEqualTo(5);
    assertThat(replayed.get(3).getEventsCount()).isEqualTo(2);
    SessionFiles.Recovered again = SessionFiles.recover(storage, DIR).orElseThrow();
    assertThat(again.records()).hasSize(5);
  }
}
