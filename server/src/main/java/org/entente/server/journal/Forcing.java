package org.entente.server.journal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The durable part of a batch for one session ({@link Pending}), and every fsync, a file's or a
 * directory's, counted.
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
   * What one session owes the running batch's end: its creation and the appends written, which
   * are durable once the commit log is forced; the snapshots asked for start once those are
   * durable.
   */
  static final class Pending {
    final List<CompletableFuture<Void>> appends = new ArrayList<>();
    long lastSeq = -1;
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

  /** Forces a file open for writing. */
  void force(Storage.AppendFile file) throws IOException {
    file.force();
    forces.incrementAndGet();
  }

  /** Syncs a file by name, whichever descriptor wrote it. */
  void sync(Path file) throws IOException {
    storage.sync(file);
    forces.incrementAndGet();
  }

  void syncDir(Path dir) throws IOException {
    storage.syncDirectory(dir);
    forces.incrementAndGet();
  }
}
