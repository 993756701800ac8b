package org.entente.server.journal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One batch of the journal's writer: the commands waiting when it woke, and what each session
 * owes the batch's end ({@code written}). The writer's thread only.
 */
final class Batch {
  private static final Logger log = LoggerFactory.getLogger(Batch.class);

  private final JournalWriter writer;
  private final Storage storage;
  private final OpenFiles files;
  private final Forcing forcing;
  private final CommitLog commitLog;
  private final Map<SessionHandle, Forcing.Pending> written = new LinkedHashMap<>();

  Batch(
      JournalWriter writer,
      Storage storage,
      OpenFiles files,
      Forcing forcing,
      CommitLog commitLog) {
    this.writer = writer;
    this.storage = storage;
    this.files = files;
    this.forcing = forcing;
    this.commitLog = commitLog;
  }

  /**
   * Writes a batch: appends go to their segments, new sessions' first snapshots to their
   * files, and both to the commit log's entries at once; at the batch's end the log is forced
   * once, and then the snapshots asked for are written. A failure fails the commands it may
   * have harmed only.
   */
  void run(List<WriterCommand> batch) {
    for (WriterCommand c : batch) {
      SessionHandle h = c.handle;
      if (c.kind == WriterCommand.Kind.SNAPSHOT_WRITTEN) {
        snapshotWritten(h, c);
        continue;
      }
      if (h != null && h.failure != null) {
        c.done.completeExceptionally(h.failure);
        continue;
      }
      switch (c.kind) {
        case APPEND -> write(h, c);
        case CREATE -> {
          byte[] frame = Records.frame(c.bytes);
          try {
            storage.createDirectories(h.dir);
            try (Storage.AppendFile state = storage.openForAppend(SessionFiles.state(h.dir, 0))) {
              state.write(frame); // synced at the checkpoint: the commit log holds it till then
            }
          } catch (IOException | RuntimeException e) {
            notCreated(h, e);
            c.done.completeExceptionally(h.failure);
            continue;
          }
          commitLog.addCreation(h, frame);
          written.computeIfAbsent(h, k -> new Forcing.Pending()).created = c.done;
        }
        case SNAPSHOT -> {
          if (c.lastSeq > h.lastSeq || c.lastSeq < h.snapshotSeq) {
            fail(
                h,
                h.dir,
                new IllegalStateException(
                    "a snapshot of seq "
                        + c.lastSeq
                        + " after seq "
                        + h.lastSeq
                        + " (the last snapshot: "
                        + h.snapshotSeq
                        + ")"),
                written.remove(h));
            c.done.completeExceptionally(h.failure);
          } else {
            Forcing.Pending p = written.get(h);
            if (p == null) {
              writer.writeSnapshotLater(c); // everything it covers is durable already
            } else {
              p.snapshots.add(c); // once this batch's appends are
            }
          }
        }
        case RELEASE -> {
          Forcing.Pending p = written.get(h);
          if (p == null) {
            files.close(h);
          } else {
            p.release = true;
          }
          c.done.complete(null);
        }
        case ARCHIVE -> {
          try {
            if (h.failure == null) {
              writer.archive(h);
            }
            c.done.complete(null);
          } catch (IOException e) {
            log.warn("session {}: {}", h.dir.getFileName(), e.getMessage());
            c.done.completeExceptionally(e);
          }
        }
        case STOP -> c.done.complete(null);
        case SNAPSHOT_WRITTEN -> throw new AssertionError("handled above");
      }
    }
    commit();
    commitLog.afterBatch();
  }

  private void notCreated(SessionHandle h, Exception e) {
    h.failure =
        new TransientStorageException(
            "could not create its files in "
                + h.dir
                + " ("
                + e.getMessage()
                + "); the session was not created",
            e instanceof IOException io ? io : new IOException(e));
    log.warn(
        "session {}: {}; nothing acknowledged was touched, and the session goes on",
        h.dir.getFileName(),
        h.failure.getMessage());
  }

  /** Writes one append to its session's last segment, opening or starting one as needed. */
  private void write(SessionHandle h, WriterCommand c) {
    Path file =
        SessionFiles.segment(h.dir, h.segmentFirstSeq == 0 ? c.firstSeq : h.segmentFirstSeq);
    try {
      if (c.firstSeq != h.lastSeq + 1 || c.lastSeq < c.firstSeq - 1) {
        throw new IllegalStateException(
            "a record of seqs " + c.firstSeq + ".." + c.lastSeq + " after seq " + h.lastSeq);
      }
      boolean fresh = segmentFor(h, c.firstSeq);
      file = SessionFiles.segment(h.dir, h.segmentFirstSeq);
      long offset = h.segmentBytes;
      h.file.write(c.bytes);
      h.segmentBytes += c.bytes.length;
      commitLog.add(h, h.segmentFirstSeq, offset, c.bytes, fresh);
      h.lastSeq = c.lastSeq;
      writer.appended();
      Forcing.Pending p = written.computeIfAbsent(h, k -> new Forcing.Pending());
      p.appends.add(c.done);
      p.lastSeq = c.lastSeq;
      p.release = false;
    } catch (IOException | RuntimeException e) {
      fail(h, file, e, written.remove(h));
      c.done.completeExceptionally(h.failure);
    }
  }

  /**
   * Makes {@code h.file} the segment the record starting at {@code firstSeq} goes to: the last
   * one (opened again if it was closed), or a new one once the last is full. A new segment that
   * cannot be made is left for a later record: the last one takes this record.
   *
   * @return whether the segment is new
   */
  private boolean segmentFor(SessionHandle h, long firstSeq) throws IOException {
    boolean full =
        h.segmentFirstSeq != 0 && h.segmentBytes >= SessionFiles.segmentBytes(h.segmentFirstSeq);
    if (h.file != null) {
      files.touch(h); // most recently used
      if (!full) {
        return false;
      }
    } else if (h.segmentFirstSeq != 0 && !full) {
      h.file = openFile(h, h.segmentFirstSeq, h.segmentBytes);
      return false;
    }
    Storage.AppendFile next;
    try {
      next = openFile(h, firstSeq, 0);
    } catch (IOException e) {
      if (h.segmentFirstSeq == 0) {
        throw e; // no segment to go on with
      }
      log.warn(
          "session {}: could not start a new segment at seq {} ({}); the last one goes on",
          h.dir.getFileName(),
          firstSeq,
          e.getMessage());
      if (h.file == null) {
        h.file = openFile(h, h.segmentFirstSeq, h.segmentBytes);
      }
      return false;
    }
    OpenFiles.closeQuietly(h.file); // its records are in the commit log until a checkpoint
    h.file = next;
    h.segmentFirstSeq = firstSeq;
    h.segmentBytes = 0;
    return true;
  }

  /**
   * Opens the segment of {@code firstSeq} to write at {@code position}, its space extended with
   * zeros to {@link SessionFiles#segmentBytes} (recovery reads zeros after the last record as
   * free space).
   */
  private Storage.AppendFile openFile(SessionHandle h, long firstSeq, long position)
      throws IOException {
    Storage.AppendFile file = files.open(h, SessionFiles.segment(h.dir, firstSeq), position);
    try {
      file.preallocate(SessionFiles.segmentBytes(firstSeq));
    } catch (IOException e) {
      OpenFiles.closeQuietly(file);
      if (h.file == null) {
        files.close(h); // out of the pool again
      }
      throw e;
    }
    return file;
  }

  /**
   * The batch's end: the commit log forced, then each session's futures completed; a failed
   * log fails every session with a record or a creation in it.
   */
  private void commit() {
    if (written.isEmpty()) {
      return;
    }
    IOException logFailure = null;
    try {
      commitLog.commit();
    } catch (IOException e) {
      logFailure = e;
    }
    for (Map.Entry<SessionHandle, Forcing.Pending> e : written.entrySet()) {
      finish(e.getKey(), e.getValue(), logFailure);
    }
    written.clear();
  }

  private void finish(SessionHandle h, Forcing.Pending p, IOException logFailure) {
    if (logFailure != null && (p.lastSeq >= 0 || p.created != null)) {
      fail(h, commitLog.lastPath(), logFailure, p);
      return;
    }
    if (p.created != null) {
      p.created.complete(null);
    }
    if (p.lastSeq >= 0) {
      h.durableSeq = p.lastSeq;
    }
    p.appends.forEach(f -> f.complete(null));
    p.snapshots.forEach(snapshot -> writer.writeSnapshotLater(snapshot));
    if (p.release) {
      files.close(h);
    }
  }

  /** A snapshot written on a forcing thread: the older one goes, or the failure is reported. */
  private void snapshotWritten(SessionHandle h, WriterCommand c) {
    WriterCommand snapshot = c.original;
    Exception failure = c.failure;
    if (failure == null) {
      snapshotTaken(h, snapshot.lastSeq);
      snapshot.done.complete(null);
    } else {
      TransientStorageException e =
          new TransientStorageException(
              "could not write "
                  + SessionFiles.state(h.dir, snapshot.lastSeq)
                  + " ("
                  + failure.getMessage()
                  + "); the snapshot of seq "
                  + h.snapshotSeq
                  + " and the records after it go on",
              failure instanceof IOException io ? io : new IOException(failure));
      log.warn(
          "session {}: {}; nothing acknowledged was touched, and the session goes on",
          h.dir.getFileName(),
          e.getMessage());
      snapshot.done.completeExceptionally(e);
    }
  }

  /** The snapshot of {@code seq} is durable: the older one goes. */
  private void snapshotTaken(SessionHandle h, long seq) {
    long previous = h.snapshotSeq;
    h.snapshotSeq = seq;
    if (previous != seq) {
      try {
        storage.delete(SessionFiles.state(h.dir, previous));
      } catch (IOException e) {
        log.warn(
            "session {}: could not delete the snapshot of seq {} ({}); recovery deletes it",
            h.dir.getFileName(),
            previous,
            e.getMessage());
      }
    }
  }

  /** Latches {@code h}'s session: what it wrote may not be on disk, so it acknowledges nothing more. */
  private void fail(SessionHandle h, Path file, Exception e, Forcing.Pending pending) {
    if (h.failure == null) {
      h.failure = e instanceof IOException io ? io : new IOException(e);
      writer.sessionFailed();
      log.error(
          "session {}: writing {} failed ({}); this session acknowledges nothing more, other sessions go on. "
              + "Fix the disk, then restart the server: it recovers every session from what was acknowledged",
          h.dir.getFileName(),
          file,
          e.toString());
    }
    if (pending != null) {
      pending.all().forEach(f -> f.completeExceptionally(h.failure));
    }
    files.close(h);
  }
}
