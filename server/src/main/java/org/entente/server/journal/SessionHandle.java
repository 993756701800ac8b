package org.entente.server.journal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One session's journal in files: what its writer knows of them. The fields without volatile
 * are the writer's thread's.
 */
final class SessionHandle implements SessionJournal {
  private final JournalWriter writer;
  volatile Path dir;
  Storage.AppendFile file;

  /** The last segment's first seq (0: none yet) and its size. */
  long segmentFirstSeq;

  long segmentBytes;

  /** The last seq appended, and the last one durable (readers read up to it). */
  long lastSeq;

  volatile long durableSeq;
  long snapshotSeq;

  /** The snapshots being written on forcing threads, one after another. */
  CompletableFuture<Void> snapshots = CompletableFuture.completedFuture(null);

  /** Set once this session's journal failed: every later command fails with it. */
  volatile IOException failure;

  SessionHandle(JournalWriter writer, Path dir) {
    this.writer = writer;
    this.dir = dir;
  }

  @Override
  public CompletableFuture<Void> append(long firstSeq, long lastSeq, byte[] record) {
    return writer.submit(
        new WriterCommand(
            this,
            WriterCommand.Kind.APPEND,
            firstSeq,
            lastSeq,
            Records.frameRecord(firstSeq, lastSeq, record)));
  }

  @Override
  public CompletableFuture<Void> snapshot(long lastSeq, byte[] state) {
    return writer.submit(new WriterCommand(this, WriterCommand.Kind.SNAPSHOT, 0, lastSeq, state));
  }

  @Override
  public List<Stored> read(long fromSeq, int maxBytes) throws IOException {
    return SessionFiles.read(writer.storage(), dir, fromSeq, maxBytes, durableSeq);
  }

  @Override
  public void release() {
    writer.submit(new WriterCommand(this, WriterCommand.Kind.RELEASE, 0, 0, null));
  }
}
