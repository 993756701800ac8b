package org.entente.server.session;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.entente.server.journal.SessionJournal;

/**
 * A journal in memory that keeps everything a session gave it: every record, every snapshot
 * (the first is the session's initial one, as the lobby's journal starts), and the history
 * read back, all of it. Appends and snapshots complete at once.
 */
final class RecordingJournal implements SessionJournal {
  final List<Stored> records = new ArrayList<>();

  /** Each snapshot as a Stored of seqs {@code 0..lastSeq}. */
  final List<Stored> snapshots = new ArrayList<>();

  private final SessionJournal history = SessionJournal.memory(Long.MAX_VALUE / 2);

  /** How many times the session said it had nobody. */
  int releases;

  /** Reads fail while set, as a failing disk's would. */
  boolean failReads;

  /** Reads asked of the journal (not served from the session's memory). */
  int reads;

  RecordingJournal(byte[] initialSnapshot) {
    snapshots.add(new Stored(0, 0, initialSnapshot));
  }

  /** A journal that already holds {@code earlier}'s records up to {@code lastSeq}, as after a restart. */
  static RecordingJournal holding(RecordingJournal earlier, long lastSeq) {
    RecordingJournal copy = new RecordingJournal(earlier.snapshots.get(0).payload());
    for (Stored r : earlier.records) {
      if (r.lastSeq() <= lastSeq) {
        copy.append(r.firstSeq(), r.lastSeq(), r.payload());
      }
    }
    return copy;
  }

  @Override
  public CompletableFuture<Void> append(long firstSeq, long lastSeq, byte[] record) {
    records.add(new Stored(firstSeq, lastSeq, record));
    return history.append(firstSeq, lastSeq, record);
  }

  @Override
  public CompletableFuture<Void> snapshot(long lastSeq, byte[] state) {
    snapshots.add(new Stored(0, lastSeq, state));
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public List<Stored> read(long fromSeq, int maxBytes) throws IOException {
    reads++;
    if (failReads) {
      throw new IOException("the disk could not be read");
    }
    return history.read(fromSeq, maxBytes);
  }

  @Override
  public void release() {
    releases++;
  }

  /** The newest snapshot. */
  Stored lastSnapshot() {
    return snapshots.get(snapshots.size() - 1);
  }

  /** The payloads of the records after seq {@code lastSeq}: what recovery replays after that snapshot. */
  List<byte[]> recordsAfter(long lastSeq) {
    return records.stream().filter(r -> r.firstSeq() > lastSeq).map(Stored::payload).toList();
  }
}
