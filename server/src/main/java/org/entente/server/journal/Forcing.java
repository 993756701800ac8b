package org.entente.server.journal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The durable part of a batch for one session: what it owes ({@link Pending}), done by {@link
 * #force} on a forcing thread beside the other sessions', and what came of it ({@link Forced}).
 * Every fsync, a file's or a directory's, is counted here.
 */
final class Forcing {
  private final Storage storage;
  private final AtomicLong forces = new AtomicLong();

  Forcing(Storage storage) {
    this.storage = storage;
  }

  long forces() {
    return forces.get();
  }

  /**
   * What one session's files owe the running batch, done in its force (on a forcing thread,
   * beside the other sessions'): the new session's first snapshot, then the appends written;
   * the snapshots asked for start once those are durable.
   */
  static final class Pending {
    final List<CompletableFuture<Void>> appends = new ArrayList<>();
    long lastSeq = -1;
    byte[] creating;
    CompletableFuture<Void> created;
    final List<WriterCommand> snapshots = new ArrayList<>();
    boolean release;

    /** Every future waiting on this force. */
    List<CompletableFuture<Void>> all() {
      List<CompletableFuture<Void>> all = new ArrayList<>(appends);
      if (created != null) {
        all.add(created);
      }
      snapshots.forEach(c -> all.add(c.done));
      return all;
    }
  }

  /** What a session's force did: the failure of its creation or of its segment, if any. */
  static final class Forced {
    Exception create;
    Exception segment;
  }

  /**
   * {@code h}'s part of a batch: a new session's first snapshot (and its directory), then the
   * segment written (and its directory if the segment is new).
   * Runs on a forcing thread: touches only {@code h}'s files, which the writer's thread leaves
   * alone until every force of the batch is done.
   */
  Forced force(SessionHandle h, Pending p) {
    Forced forced = new Forced();
    if (p.creating != null) {
      try {
        writeSnapshot(h.dir, 0, p.creating); // syncs the directory: a new segment's name too
        syncDir(h.dir.getParent());
        h.dirDirty = false;
      } catch (IOException | RuntimeException e) {
        forced.create = e;
        return forced;
      }
    }
    if (p.lastSeq >= 0) {
      try {
        h.file.force();
        forces.incrementAndGet();
        if (h.dirDirty) {
          syncDir(h.dir);
          h.dirDirty = false;
        }
      } catch (IOException | RuntimeException e) {
        forced.segment = e;
        return forced;
      }
    }
    return forced;
  }

  void writeSnapshot(Path dir, long seq, byte[] snapshot) throws IOException {
    Path target = SessionFiles.state(dir, seq);
    Path tmp = dir.resolve(target.getFileName() + ".tmp");
    storage.delete(tmp);
    try (Storage.AppendFile file = storage.openForAppend(tmp)) {
      file.write(Records.frame(snapshot));
      file.force();
      forces.incrementAndGet();
    } catch (IOException e) {
      try {
        storage.delete(tmp);
      } catch (IOException ignored) {
        // recovery deletes temporary files
      }
      throw e;
    }
    storage.rename(tmp, target);
    syncDir(dir);
  }

  void syncDir(Path dir) throws IOException {
    storage.syncDirectory(dir);
    forces.incrementAndGet();
  }
}
