package org.entente.server.journal;

import java.util.concurrent.CompletableFuture;

/** What the journal's writer is asked to do to one session's files, and the future it completes. */
final class WriterCommand {
  enum Kind {
    CREATE,
    APPEND,
    SNAPSHOT,
    /** A snapshot written on a forcing thread, back on the writer's: {@code original} asked for it. */
    SNAPSHOT_WRITTEN,
    RELEASE,
    ARCHIVE,
    STOP
  }

  final SessionHandle handle;
  final Kind kind;
  final long firstSeq;
  final long lastSeq;
  final byte[] bytes;
  final CompletableFuture<Void> done = new CompletableFuture<>();

  /** For SNAPSHOT_WRITTEN: the snapshot command, and why writing it failed (null: it did not). */
  final WriterCommand original;

  final Exception failure;

  WriterCommand(SessionHandle handle, Kind kind, long firstSeq, long lastSeq, byte[] bytes) {
    this(handle, kind, firstSeq, lastSeq, bytes, null, null);
  }

  private WriterCommand(
      SessionHandle handle,
      Kind kind,
      long firstSeq,
      long lastSeq,
      byte[] bytes,
      WriterCommand original,
      Exception failure) {
    this.handle = handle;
    this.kind = kind;
    this.firstSeq = firstSeq;
    this.lastSeq = lastSeq;
    this.bytes = bytes;
    this.original = original;
    this.failure = failure;
  }

  /** The news that {@code snapshot} was written (failure null) or not. */
  static WriterCommand snapshotWritten(WriterCommand snapshot, Exception failure) {
    return new WriterCommand(
        snapshot.handle, Kind.SNAPSHOT_WRITTEN, 0, snapshot.lastSeq, null, snapshot, failure);
  }
}
