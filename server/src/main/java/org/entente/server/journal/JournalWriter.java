package org.entente.server.journal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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
 * <p>Failures are kept to what failed (docs/operations.md, "When storage fails"). A failed
 * write or force of a session's journal, or a failure once its new snapshot may be visible,
 * fails every append of that session not yet durable and every later one: that session stops
 * acknowledging rather than acknowledge what may not be on disk, and only a restart (which
 * recovers from the files) clears it. Other sessions go on. A failure that touched nothing
 * acknowledged (a file that could not be opened, for instance for lack of descriptors; a
 * snapshot not yet in place) fails only its own command with a
 * {@link TransientStorageException}.
 */
// Over 400 lines for now: group commit, snapshots and rotation of every session's files are one
// thread's loop; the storage redesign (segments and a history index) will split it by file kind.
public final class JournalWriter implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(JournalWriter.class);
  private static final int MAX_BATCH = 4096;

  private final Storage storage;
  private final Path dataDir;
  private final BlockingQueue<Command> queue = new LinkedBlockingQueue<>();
  private final Thread thread;
  private final AtomicLong appends = new AtomicLong();
  private final AtomicLong forces = new AtomicLong();

  /** Sessions whose journal failed (for logs and tests). */
  private final AtomicLong failedSessions = new AtomicLong();

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

  /** True once some session's journal has failed (its session acknowledges nothing more). */
  public boolean failed() {
    return failedSessions.get() > 0;
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

  private enum Kind {
    CREATE,
    REOPEN,
    APPEND,
    SNAPSHOT,
    ARCHIVE,
    STOP
  }

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

    /** Set once this session's journal failed: every later command fails with it. */
    volatile IOException failure;

    Handle(Path dir) {
      this.dir = dir;
    }

    @Override
    public CompletableFuture<Void> append(long firstSeq, long lastSeq, byte[] record) {
      return submit(new Command(this, Kind.APPEND, 0, Records.frame(record)));
    }

    @Override
    public CompletableFuture<Void> snapshot(long newTurn, byte[] snapshot) {
      return submit(new Command(this, Kind.SNAPSHOT, (int) newTurn, snapshot));
    }

    @Override
    public List<Stored> read(long fromSeq, int maxBytes) throws IOException {
      throw new IOException("reading the history back is not in this journal layout yet");
    }
  }

  private CompletableFuture<Void> submit(Command command) {
    IOException failed = command.handle == null ? null : command.handle.failure;
    if (failed != null || closing) {
      command.done.completeExceptionally(
          failed != null ? failed : new IOException("the journal is closed"));
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

  /**
   * Writes a batch; a barrier (create, snapshot, archive) first makes what precedes it
   * durable. A failure fails its own session's commands only.
   */
  private void process(List<Command> batch) {
    Map<Handle, List<CompletableFuture<Void>>> written = new LinkedHashMap<>();
    for (Command c : batch) {
      if (c.handle != null && c.handle.failure != null) {
        c.done.completeExceptionally(c.handle.failure);
        continue;
      }
      if (c.kind == Kind.APPEND) {
        try {
          c.handle.file.write(c.bytes);
          appends.incrementAndGet();
          written.computeIfAbsent(c.handle, h -> new ArrayList<>()).add(c.done);
        } catch (IOException | RuntimeException e) {
          fail(
              c.handle,
              SessionFiles.journal(c.handle.dir, c.handle.turn),
              e,
              written.remove(c.handle));
          c.done.completeExceptionally(c.handle.failure);
        }
        continue;
      }
      forceAll(written);
      try {
        switch (c.kind) {
          case CREATE -> create(c.handle, c.bytes);
          case REOPEN -> {
            c.handle.turn = c.turn;
            c.handle.file = storage.openForAppend(SessionFiles.journal(c.handle.dir, c.turn));
            open.add(c.handle);
          }
          case SNAPSHOT -> rotate(c.handle, c.turn, c.bytes);
          case ARCHIVE -> archive(c.handle);
          case STOP -> {}
        }
        c.done.complete(null);
      } catch (TransientStorageException e) {
        log.warn(
            "session {}: {}; nothing acknowledged was touched, and the session goes on",
            c.handle.dir.getFileName(),
            e.getMessage());
        c.done.completeExceptionally(e);
      } catch (IOException | RuntimeException e) {
        fail(c.handle, c.handle.dir, e, null);
        c.done.completeExceptionally(c.handle.failure);
      }
    }
    forceAll(written);
  }

  /** Forces each file written; a file that fails fails its own session's appends. */
  private void forceAll(Map<Handle, List<CompletableFuture<Void>>> written) {
    for (Map.Entry<Handle, List<CompletableFuture<Void>>> e : written.entrySet()) {
      Handle h = e.getKey();
      try {
        h.file.force();
        forces.incrementAndGet();
        e.getValue().forEach(f -> f.complete(null));
      } catch (IOException | RuntimeException failure) {
        fail(h, SessionFiles.journal(h.dir, h.turn), failure, e.getValue());
      }
    }
    written.clear();
  }

  /** Latches {@code h}'s session: what it wrote may not be on disk, so it acknowledges nothing more. */
  private void fail(Handle h, Path file, Exception e, List<CompletableFuture<Void>> pending) {
    if (h.failure == null) {
      h.failure = e instanceof IOException io ? io : new IOException(e);
      failedSessions.incrementAndGet();
      log.error(
          "session {}: writing {} failed ({}); this session acknowledges nothing more, other sessions go on. "
              + "Fix the disk, then restart the server: it recovers every session from what was acknowledged",
          h.dir.getFileName(),
          file,
          e.toString());
    }
    if (pending != null) {
      pending.forEach(f -> f.completeExceptionally(h.failure));
    }
  }

  /**
   * A new session's files. If they cannot be made, the session never acknowledged anything:
   * it fails (so its first request is refused) without touching any other session.
   */
  private void create(Handle h, byte[] snapshot) throws IOException {
    Path sessions = h.dir.getParent();
    try {
      storage.createDirectories(h.dir);
      syncDir(sessions);
      writeSnapshot(h.dir, 0, snapshot);
      h.file = storage.openForAppend(SessionFiles.journal(h.dir, 0));
      open.add(h);
      h.turn = 0;
      syncDir(h.dir);
    } catch (IOException e) {
      h.failure =
          new TransientStorageException(
              "could not create its files in "
                  + h.dir
                  + " ("
                  + e.getMessage()
                  + "); the session was not created",
              e);
      throw h.failure;
    }
  }

  /**
   * Snapshot, new journal, then the old files go: recovery reads the newest snapshot only.
   * Until the snapshot is renamed into place the old journal holds everything, so a failure
   * before that (the temporary file or the new journal cannot be opened or written) is
   * transient: the session keeps appending to the old journal and tries again later.
   */
  private void rotate(Handle h, int turn, byte[] snapshot) throws IOException {
    int previous = h.turn;
    Path target = SessionFiles.snapshot(h.dir, turn);
    Path tmp = h.dir.resolve(target.getFileName() + ".tmp");
    Path journal = SessionFiles.journal(h.dir, turn);
    Storage.AppendFile next = null;
    try {
      writeTemporary(tmp, snapshot);
      if (previous != turn) {
        storage.delete(
            journal); // an empty leftover of an earlier attempt: nothing newer than the snapshot
        next = storage.openForAppend(journal);
      }
    } catch (IOException e) {
      closeQuietly(next);
      try {
        storage.delete(tmp);
      } catch (IOException ignored) {
        // recovery deletes temporary files
      }
      throw new TransientStorageException(
          "could not write "
              + target
              + " ("
              + e.getMessage()
              + "); the snapshot is "
              + "left for later and "
              + SessionFiles.journal(h.dir, previous)
              + " goes on",
          e);
    }
    storage.rename(tmp, target);
    syncDir(h.dir);
    if (next != null) {
      h.file.close();
      open.remove(h);
      h.file = next;
      open.add(h);
      h.turn = turn;
      try {
        storage.delete(SessionFiles.journal(h.dir, previous));
        storage.delete(SessionFiles.snapshot(h.dir, previous));
      } catch (IOException e) {
        log.warn(
            "session {}: could not delete the files before {} ({}); recovery ignores them and deletes them then",
            h.dir.getFileName(),
            target.getFileName(),
            e.getMessage());
      }
    }
  }

  private void writeSnapshot(Path dir, int turn, byte[] snapshot) throws IOException {
    Path target = SessionFiles.snapshot(dir, turn);
    Path tmp = dir.resolve(target.getFileName() + ".tmp");
    writeTemporary(tmp, snapshot);
    storage.rename(tmp, target);
    syncDir(dir);
  }

  private void writeTemporary(Path tmp, byte[] snapshot) throws IOException {
    storage.delete(tmp);
    try (Storage.AppendFile file = storage.openForAppend(tmp)) {
      file.write(Records.frame(snapshot));
      file.force();
      forces.incrementAndGet();
    }
  }

  private static void closeQuietly(Storage.AppendFile file) {
    if (file != null) {
      try {
        file.close();
      } catch (IOException e) {
        log.warn("could not close a journal file", e);
      }
    }
  }

  /** The session is over and out of memory: a failure leaves it in {@code sessions/}, archived again after a restart. */
  private void archive(Handle h) throws IOException {
    try {
      moveToEnded(h);
    } catch (IOException e) {
      throw new TransientStorageException(
          "could not move "
              + h.dir
              + " to ended/ ("
              + e.getMessage()
              + "); the next start finds it ended and tries again",
          e);
    }
  }

  private void moveToEnded(Handle h) throws IOException {
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
