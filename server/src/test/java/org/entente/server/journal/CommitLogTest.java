package org.entente.server.journal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.entente.server.testing.MemoryStorage;
import org.junit.jupiter.api.Test;

/**
 * The commit log shared by every session: a batch is durable once the log is, the segments are
 * synced only at checkpoints, and a start puts back from the log whatever a power failure took
 * from the segments.
 */
class CommitLogTest {
  private static final Path DATA = Path.of("/data");
  private static final Path SESSIONS = DATA.resolve("sessions");

  /** The record a script appends to {@code session} at {@code seq}: its bytes say which. */
  private static byte[] record(String session, long seq) {
    return (session + " record " + seq + " " + "x".repeat((int) (seq % 50))).getBytes(UTF_8);
  }

  private static Path dir(String session) {
    return SESSIONS.resolve(session);
  }

  /** What a start finds of {@code session}: the log put back, then every record by seq. */
  private static List<SessionJournal.Stored> recovered(MemoryStorage after, String session)
      throws IOException {
    SessionFiles.Recovered found = SessionFiles.recover(after, dir(session)).orElseThrow();
    SessionJournal reopened = JournalWriter.inline(after, DATA).reopen(found);
    return reopened.read(1, Integer.MAX_VALUE);
  }

  /** A writer on {@code disk} that has appended records 1 to 3 of a new session "a". */
  private static JournalWriter threeRecordsOfA(MemoryStorage disk) {
    JournalWriter writer = JournalWriter.inline(disk, DATA);
    SessionJournal a = writer.create("a", "header".getBytes(UTF_8));
    for (long seq = 1; seq <= 3; seq++) {
      assertThat(a.append(seq, seq, record("a", seq))).isCompleted();
    }
    return writer;
  }

  private static List<String> logs(MemoryStorage disk) throws IOException {
    return disk.list(DATA).stream().filter(n -> n.startsWith("commit-")).toList();
  }

  @Test
  void everyAcknowledgedRecordSurvivesAPowerFailureAtEveryOperationAcrossCheckpoints()
      throws Exception {
    crashAtEveryOperation(false);
  }

  @Test
  void andWhenThePageCacheWroteBackLaterWritesBeforeEarlierOnes() throws Exception {
    crashAtEveryOperation(true);
  }

  private static void crashAtEveryOperation(boolean outOfOrder) throws Exception {
    MemoryStorage whole = new MemoryStorage(0).withDirectory(SESSIONS);
    Script full = new Script(whole);
    int operations = whole.operations();
    assertThat(full.acked.values()).allSatisfy(seqs -> assertThat(seqs).hasSize(40));
    assertThat(full.checkpoints).as("logs deleted by checkpoints").isGreaterThan(2);
    for (int crash = 1; crash <= operations; crash++) {
      MemoryStorage disk = new MemoryStorage(crash).withDirectory(SESSIONS).crashAt(crash);
      if (outOfOrder) {
        disk.outOfOrder();
      }
      Script run = new Script(disk);
      assertThat(disk.crashed()).isTrue();
      MemoryStorage after = disk.afterPowerLoss();
      String at = "power failure at operation " + crash + " of " + operations;

      CommitLog.replay(after, DATA);

      assertThat(logs(after)).as(at).isEmpty();
      for (Map.Entry<String, List<Long>> e : run.acked.entrySet()) {
        if (e.getValue().isEmpty() && SessionFiles.recover(after, dir(e.getKey())).isEmpty()) {
          continue; // its creation was never durable, and nothing of it acknowledged
        }
        List<SessionJournal.Stored> records = recovered(after, e.getKey());
        long last = e.getValue().isEmpty() ? 0 : e.getValue().get(e.getValue().size() - 1);
        assertThat(records.size()).as(at + ", " + e.getKey()).isGreaterThanOrEqualTo((int) last);
        for (int i = 0; i < records.size(); i++) {
          SessionJournal.Stored r = records.get(i);
          assertThat(r.firstSeq()).as(at).isEqualTo(i + 1);
          assertThat(r.payload()).as(at).isEqualTo(record(e.getKey(), i + 1));
        }
      }
    }
  }

  @Test
  void whatASegmentHoldsAfterItsLastLoggedRecordIsCut() throws Exception {
    MemoryStorage disk = new MemoryStorage(1).withDirectory(SESSIONS);
    threeRecordsOfA(disk);
    MemoryStorage after = disk.afterPowerLoss();
    Path segment = SessionFiles.segment(dir("a"), 1);
    byte[] kept = after.exists(segment) ? after.read(segment) : new byte[0]; // its name unsynced
    int end = 0;
    for (long seq = 1; seq <= 3; seq++) {
      end += Records.frameRecord(seq, seq, record("a", seq)).length;
    }
    // Writes the log never held reached the disk out of order: a torn frame, then a whole one.
    java.io.ByteArrayOutputStream junk = new java.io.ByteArrayOutputStream();
    junk.write(kept, 0, Math.min(end, kept.length));
    junk.write(new byte[Math.max(0, end - kept.length)]);
    junk.write(new byte[] {0, 0, 0, 40, 1, 2, 3});
    junk.write(Records.frameRecord(5, 5, record("a", 5)));
    after.replace(segment, junk.toByteArray());

    CommitLog.replay(after, DATA);

    assertThat(after.read(segment)).hasSize(end);
    assertThat(recovered(after, "a"))
        .extracting(SessionJournal.Stored::firstSeq)
        .containsExactly(1L, 2L, 3L);
  }

  @Test
  void aCleanStopSyncsTheSegmentsAndLeavesNoLog() throws Exception {
    MemoryStorage disk = new MemoryStorage(1).withDirectory(SESSIONS);
    JournalWriter writer = threeRecordsOfA(disk);
    assertThat(logs(disk)).hasSize(2); // the one written, and the next made ahead

    writer.close();

    assertThat(logs(disk)).isEmpty();
    MemoryStorage after = disk.afterPowerLoss();
    assertThat(recovered(after, "a")).hasSize(3);
  }

  @Test
  void aSessionMovedToEndedIsSkippedAndOneWhoseDirectoryWasLostComesBack() throws Exception {
    MemoryStorage disk = new MemoryStorage(1).withDirectory(SESSIONS);
    JournalWriter writer = JournalWriter.inline(disk, DATA);
    SessionJournal ended = writer.create("ended", "header".getBytes(UTF_8));
    SessionJournal gone = writer.create("gone", "header".getBytes(UTF_8));
    SessionJournal kept = writer.create("kept", "header".getBytes(UTF_8));
    for (SessionJournal j : List.of(ended, gone, kept)) {
      assertThat(j.append(1, 1, record("x", 1))).isCompleted();
    }
    MemoryStorage after = disk.afterPowerLoss();
    Path endedDir = SessionFiles.endedDir(DATA).resolve("ended");
    after.withDirectory(endedDir);
    for (String name : after.list(dir("ended"))) {
      after.replace(endedDir.resolve(name), after.read(dir("ended").resolve(name)));
    }
    for (String session : List.of("ended", "gone")) {
      for (String name : after.list(dir(session))) {
        after.delete(dir(session).resolve(name));
      }
      after.deleteDirectory(dir(session));
    }

    JournalWriter.Replayed replayed = CommitLog.replay(after, DATA);

    assertThat(replayed.sessions()).as("kept, and gone made again").isEqualTo(2);
    assertThat(replayed.entries()).as("three creations, three records").isEqualTo(6);
    assertThat(recovered(after, "kept")).hasSize(1);
    assertThat(recovered(after, "gone")).hasSize(1);
    assertThat(after.isDirectory(dir("ended"))).as("not made again").isFalse();
  }

  @Test
  void aCheckpointThatCannotSyncKeepsItsLogUntilOneCanAndTooManyStopAcknowledging()
      throws Exception {
    MemoryStorage memory = new MemoryStorage(1).withDirectory(SESSIONS);
    boolean[] failing = {true};
    Storage disk =
        new ForwardingStorage(memory) {
          @Override
          public void sync(Path file) throws IOException {
            if (failing[0]) {
              throw new IOException("Input/output error (fsync)");
            }
            super.sync(file);
          }
        };
    JournalWriter writer = JournalWriter.inline(disk, DATA, 16, 512);
    SessionJournal a = writer.create("a", "header".getBytes(UTF_8));
    long[] seq = {1};
    assertThat(a.append(1, 1, record("a", 1))).isCompleted(); // the first log, and its next
    Runnable appendUntilACheckpoint =
        () -> {
          try {
            List<String> before = logs(memory);
            while (logs(memory)
                .get(logs(memory).size() - 1)
                .equals(before.get(before.size() - 1))) {
              seq[0]++;
              assertThat(a.append(seq[0], seq[0], record("a", seq[0]))).isCompleted();
            }
          } catch (IOException e) {
            throw new IllegalStateException(e);
          }
        };
    appendUntilACheckpoint.run();
    appendUntilACheckpoint.run();
    assertThat(logs(memory))
        .as("two failed checkpoints: their logs kept, the current and the next")
        .hasSize(4)
        .first()
        .isEqualTo("commit-00000000000000000001.log");

    failing[0] = false;
    appendUntilACheckpoint.run();
    assertThat(logs(memory)).as("the current and the next").hasSize(2);
    MemoryStorage synced = memory.afterPowerLoss();
    assertThat(recovered(synced, "a")).as("synced without the log").hasSizeGreaterThan(10);

    failing[0] = true;
    CompletableFuture<Void> append;
    do {
      seq[0]++;
      append = a.append(seq[0], seq[0], record("a", seq[0]));
    } while (!append.isCompletedExceptionally() && seq[0] < 10_000);
    CompletableFuture<Void> refused = append;
    assertThatThrownBy(refused::join)
        .hasMessageContaining(
            "session files could not be synced at the last 4 checkpoints (see the log); nothing more is acknowledged");
    MemoryStorage after = memory.afterPowerLoss();
    CommitLog.replay(after, DATA);
    assertThat(recovered(after, "a")).hasSize((int) seq[0] - 1);
  }

  /**
   * Three sessions appending 40 records each in turn through a writer with two open files and
   * a 2 KiB log (a checkpoint every 15 records or so), one snapshot and one release a session.
   */
  private static final class Script {
    final Map<String, List<Long>> acked = new LinkedHashMap<>();
    int checkpoints;

    Script(MemoryStorage disk) {
      JournalWriter writer = JournalWriter.inline(disk, DATA, 2, 2048);
      Map<String, SessionJournal> journals = new LinkedHashMap<>();
      for (String s : List.of("a", "b", "c")) {
        journals.put(s, writer.create(s, "header".getBytes(UTF_8)));
        acked.put(s, new ArrayList<>());
      }
      String firstLog = null;
      for (long seq = 1; seq <= 40; seq++) {
        for (Map.Entry<String, SessionJournal> e : journals.entrySet()) {
          CompletableFuture<Void> done = e.getValue().append(seq, seq, record(e.getKey(), seq));
          if (succeeded(done)) {
            acked.get(e.getKey()).add(seq);
          }
          if (seq == 20) {
            e.getValue().snapshot(seq, ("state of " + e.getKey()).getBytes(UTF_8));
          }
          if (seq == 30) {
            e.getValue().release();
          }
        }
        try {
          List<String> now = logs(disk);
          if (!now.isEmpty() && firstLog != null && !now.contains(firstLog)) {
            checkpoints++;
          }
          firstLog = now.isEmpty() ? null : now.get(0);
        } catch (IOException e) {
          throw new IllegalStateException(e);
        }
      }
      writer.close();
    }

    private static boolean succeeded(CompletableFuture<?> f) {
      return f.isDone() && !f.isCompletedExceptionally();
    }
  }
}
