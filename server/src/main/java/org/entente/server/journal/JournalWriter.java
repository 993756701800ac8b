package org.entente.server.journal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes every session's journal with group commit, on one thread of its own (never an
 * event loop, never a session's thread): it takes all the appends waiting, writes each to
 * its session's file, forces each file written once, then completes the appends' futures.
 * The sessions acknowledge in those completions, so nothing is acknowledged before it is
 * on disk, and one fsync covers every append that arrived while the previous one ran.
 *
 * <p>A failed write or force fails every append not yet durable and puts the writer in a
 * failed state in which every later append fails at once: the server stops acknowledging
 * rather than acknowledge what may not be on disk. Only a restart (which recovers from the
 * files) clears it.
 */
public final class JournalWriter implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(JournalWriter.class);
  private static final int MAX_BATCH = 4096;

  private final Storage storage;
  private final Path dataDir;
  private final BlockingQueue<Command> queue = new LinkedBlockingQueue<>();
  private final Thread thread;
  private final AtomicLong appends = new AtomicLong();
  private final AtomicLong forces = new AtomicLong();
  private volatile IOException failure;
  private volatile boolean closing;
  /** Handles with an open file; the writer's thread only (or the caller's, inline). */
  private final Set<Handle> open = new LinkedHashSet<>();

  private JournalWriter(Storage storage, Path dataDir, boolean threaded) {
    this.storage = storage;
    this.dataDir = dataDir;
    this.thread = threaded ? new Thread(this::run, "entente-journal") : null;
    if (thread != null) {
      thread.setDaemon(true);
      thread.start();
    }
  }

  /** A writer with its own thread: the server's. */
  public static JournalWriter start(Storage storage, Path dataDir) {
    return new JournalWriter(storage, dataDir, true);
  }

  /** A writer that does each command in the caller's thread before returning: deterministic, for tests. */
  public static JournalWriter inline(Storage storage, Path dataDir) {
    return new JournalWriter(storage, dataDir, false);
  }

  public Storage storage() {
    return storage;
  }

  public Path dataDir() {
    return dataDir;
  }

  /** Records appended so far (for benchmarks and logs). */
  public long appends() {
    return appends.get();
  }

  /** File forces (fsyncs) so far, snapshots' and directories' included. */
  public long forces() {
    return forces.get();
  }

  /** True once a write or force has failed. */
  public boolean failed() {
    return failure != null;
  }

  /**
   * A new session's journal: creates {@code sessions/<id>/} with {@code snapshot-0.bin}
   * ({@code initialSnapshot}) and an empty {@code journal-0.log}, all durable before any
   * record appended to the returned journal is.
   */
  public SessionJournal create(String sessionId, byte[] initialSnapshot) {
    Handle handle = new Handle(SessionFiles.sessionsDir(dataDir).resolve(sessionId));
    submit(new Command(handle, Kind.CREATE, 0, initialSnapshot));
    return handle;
  }

  /** The journal of a recovered session, appending to {@code journal-<turn>.log}. */
  public SessionJournal reopen(Path sessionDir, int turn) {
    Handle handle = new Handle(sessionDir);
    submit(new Command(handle, Kind.REOPEN, turn, null));
    return handle;
  }

  /** Moves an ended session's directory to {@code ended/}, so that later starts skip it. */
  public CompletableFuture<Void> archive(SessionJournal journal) {
    if (!(journal instanceof Handle)) {
      return CompletableFuture.completedFuture(null);
    }
    return submit(new Command((Handle) journal, Kind.ARCHIVE, 0, null));
  }

  private enum Kind { CREATE, REOPEN, APPEND, SNAPSHOT, ARCHIVE, STOP }

  private static final class Command {
    final Handle handle;
    final Kind kind;
    final int turn;
    final byte[] bytes;
    final CompletableFuture<Void> done = new CompletableFuture<>();

    Command(Handle handle, Kind kind, int turn, byte[] bytes) {
      this.handle = handle;
      this.kind = kind;
      this.turn = turn;
      this.bytes = bytes;
    }
  }

  /** One session's files, touched only by the writer's thread. */
  private final class Handle implements SessionJournal {
    Path dir;
    Storage.AppendFile file;
    int turn;

    Handle(Path dir) {
      this.dir = dir;
    }

    @Override
    public CompletableFuture<Void> append(byte[] record) {
      return submit(new Command(this, Kind.APPEND, 0, Records.frame(record)));
    }

    @Override
    public CompletableFuture<Void> snapshot(int newTurn, byte[] snapshot) {
      return submit(new Command(this, Kind.SNAPSHOT, newTurn, snapshot));
    }
  }

  private CompletableFuture<Void> submit(Command command) {
    IOException failed = failure;
    if (failed != null || closing) {
      command.done.completeExceptionally(failed != null ? failed : new IOException("the journal is closed"));
      return command.done;
    }
    if (thread == null) {
      synchronized (this) {
        process(List.of(command));
      }
    } else {
      queue.add(command);
    }
    return command.done;
  }

  private void run() {
    List<Command> batch = new ArrayList<>();
    while (true) {
      try {
        batch.add(queue.take());
      } catch (InterruptedException e) {
        break;
      }
      queue.drainTo(batch, MAX_BATCH);
      process(batch);
      batch.clear();
      if (closing && queue.isEmpty()) {
        break;
      }
    }
    queue.forEach(c -> c.done.completeExceptionally(new IOException("the journal is closed")));
    closeFiles();
  }

  private void closeFiles() {
    for (Handle h : open) {
      try {
        h.file.close();
      } catch (IOException e) {
        log.warn("could not close {}", h.dir, e);
      }
    }
    open.clear();
  }

  /** Writes a batch; a barrier (create, snapshot, archive) first makes what precedes it durable. */
  private void process(List<Command> batch) {
    Set<Handle> dirty = new LinkedHashSet<>();
    List<CompletableFuture<Void>> written = new ArrayList<>();
    int i = 0;
    try {
      for (; i < batch.size(); i++) {
        Command c = batch.get(i);
        if (failure != null) {
          throw failure;
        }
        if (c.kind == Kind.APPEND) {
          c.handle.file.write(c.bytes);
          appends.incrementAndGet();
          dirty.add(c.handle);
          written.add(c.done);
          continue;
        }
        forceAll(dirty, written);
        switch (c.kind) {
          case CREATE:
            create(c.handle, c.bytes);
            break;
          case REOPEN:
            c.handle.turn = c.turn;
            c.handle.file = storage.openForAppend(SessionFiles.journal(c.handle.dir, c.turn));
            open.add(c.handle);
            break;
          case SNAPSHOT:
            rotate(c.handle, c.turn, c.bytes);
            break;
          case ARCHIVE:
            archive(c.handle);
            break;
          case STOP:
            break;
          default:
            throw new AssertionError(c.kind);
        }
        c.done.complete(null);
      }
      forceAll(dirty, written);
    } catch (IOException | RuntimeException e) {
      IOException cause = e instanceof IOException ? (IOException) e : new IOException(e);
      if (failure == null) {
        failure = cause;
        log.error("journal write failed; the server acknowledges nothing more until it is restarted", e);
      }
      written.forEach(f -> f.completeExceptionally(failure));
      for (; i < batch.size(); i++) {
        batch.get(i).done.completeExceptionally(failure);
      }
    }
  }

  private void forceAll(Set<Handle> dirty, List<CompletableFuture<Void>> written) throws IOException {
    for (Handle h : dirty) {
      h.file.force();
      forces.incrementAndGet();
    }
    dirty.clear();
    written.forEach(f -> f.complete(null));
    written.clear();
  }

  private void create(Handle h, byte[] snapshot) throws IOException {
    Path sessions = h.dir.getParent();
    storage.createDirectories(h.dir);
    syncDir(sessions);
    writeSnapshot(h.dir, 0, snapshot);
    openJournal(h, 0);
  }

  /** Snapshot, new journal, then the old files go: recovery reads the newest snapshot only. */
  private void rotate(Handle h, int turn, byte[] snapshot) throws IOException {
    int previous = h.turn;
    writeSnapshot(h.dir, turn, snapshot);
    h.file.close();
    openJournal(h, turn);
    if (previous != turn) {
      storage.delete(SessionFiles.journal(h.dir, previous));
      storage.delete(SessionFiles.snapshot(h.dir, previous));
    }
  }

  private void writeSnapshot(Path dir, int turn, byte[] snapshot) throws IOException {
    Path target = SessionFiles.snapshot(dir, turn);
    Path tmp = dir.resolve(target.getFileName() + ".tmp");
    storage.delete(tmp);
    try (Storage.AppendFile file = storage.openForAppend(tmp)) {
      file.write(Records.frame(snapshot));
      file.force();
      forces.incrementAndGet();
    }
    storage.rename(tmp, target);
    syncDir(dir);
  }

  private void openJournal(Handle h, int turn) throws IOException {
    Path journal = SessionFiles.journal(h.dir, turn);
    storage.delete(journal); // nothing in it can be newer than the snapshot just written
    h.file = storage.openForAppend(journal);
    open.add(h);
    h.turn = turn;
    syncDir(h.dir);
  }

  private void archive(Handle h) throws IOException {
    if (h.file != null) {
      h.file.close();
      h.file = null;
      open.remove(h);
    }
    Path ended = SessionFiles.endedDir(dataDir);
    if (!storage.isDirectory(ended)) {
      storage.createDirectories(ended);
      syncDir(dataDir);
    }
    Path target = ended.resolve(h.dir.getFileName());
    storage.rename(h.dir, target);
    syncDir(ended);
    syncDir(h.dir.getParent());
    h.dir = target;
  }

  private void syncDir(Path dir) throws IOException {
    storage.syncDirectory(dir);
    forces.incrementAndGet();
  }

  /** Writes what is queued, then stops the thread and closes the files. */
  @Override
  public void close() {
    closing = true;
    if (thread != null) {
      queue.add(new Command(null, Kind.STOP, 0, null));
      try {
        thread.join(5000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    } else {
      synchronized (this) {
        closeFiles();
      }
    }
  }
}
