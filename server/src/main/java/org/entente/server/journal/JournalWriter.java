package org.entente.server.journal;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes every session's files ({@link SessionFiles}) with group commit, on one thread of its
 * own (never an event loop, never a session's thread): it takes all the appends waiting,
 * writes each to its session's last segment and to the commit log all sessions share ({@link
 * CommitLog}), forces the log once, and completes the appends' futures. The sessions
 * acknowledge in those completions, so nothing is acknowledged before it is on disk, and one
 * fsync covers every append of every session that arrived while the previous batch ran. The
 * segments are synced in the background at checkpoints.
 *
 * <p>Files are opened when written and closed when their session is released, or when more
 * than {@code maxOpenFiles} are open (least recently written first), so descriptors follow the
 * active sessions, not the existing ones.
 *
 * <p>Failures are kept to what failed (docs/operations.md, "When storage fails"). A failed
 * write of a session's segment fails every append of that session not yet durable and every
 * later one: that session stops acknowledging rather than acknowledge what may not be on disk,
 * and only a restart (which recovers from the files) clears it. Other sessions go on. A failed
 * write or force of the commit log does the same to every session with an append in that
 * batch, and a new log takes over for the others. A
 * failure that touched nothing acknowledged (a session's files that could not be created, a
 * snapshot or a new segment that could not be written, for instance for lack of descriptors)
 * fails only its own command with a {@link TransientStorageException}: records are never
 * rewritten, so an older snapshot and the records after it still hold everything.
 */
public final class JournalWriter implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(JournalWriter.class);
  private static final int MAX_BATCH = 4096;

  /** Session files open at once, by default: far below any descriptor limit. */
  public static final int DEFAULT_MAX_OPEN_FILES = 256;

  /** Threads that write snapshots, beside the batches. */
  private static final int FORCE_THREADS = 8;

  /** Threads that sync segments at a checkpoint, and make the next commit log. */
  private static final int CHECKPOINT_THREADS = 4;

  private final Storage storage;
  private final Path dataDir;
  private final BlockingQueue<WriterCommand> queue = new LinkedBlockingQueue<>();
  private final Thread thread;
  private final ExecutorService forcers;
  private final ExecutorService checkpointers;
  private final CommitLog commitLog;
  private final Closeable ownerLock;
  private final AtomicLong appends = new AtomicLong();
  private final Forcing forcing;
  private final OpenFiles files;

  /** Sessions whose journal failed (for logs and tests). */
  private final AtomicLong failedSessions = new AtomicLong();

  private volatile boolean closing;

  private JournalWriter(
      Storage storage,
      Path dataDir,
      boolean threaded,
      int maxOpenFiles,
      long logBytes,
      Closeable ownerLock) {
    this.storage = storage;
    this.dataDir = dataDir;
    this.files = new OpenFiles(storage, maxOpenFiles);
    this.forcing = new Forcing(storage);
    this.ownerLock = ownerLock;
    this.thread = threaded ? new Thread(this::run, "entente-journal") : null;
    this.forcers = threaded ? daemons(FORCE_THREADS, "entente-journal-force") : null;
    this.checkpointers = threaded ? daemons(CHECKPOINT_THREADS, "entente-checkpoint") : null;
    this.commitLog = new CommitLog(storage, dataDir, forcing, logBytes, checkpointers);
    if (thread != null) {
      thread.setDaemon(true);
      thread.start();
    }
  }

  /**
   * A writer with its own thread, the server's: the one owner of {@code dataDir} (it holds
   * {@code DATA/owner.lock} until closed).
   *
   * @throws IOException if another process (or writer) owns the directory
   */
  public static JournalWriter start(Storage storage, Path dataDir) throws IOException {
    return start(storage, dataDir, DEFAULT_MAX_OPEN_FILES);
  }

  public static JournalWriter start(Storage storage, Path dataDir, int maxOpenFiles)
      throws IOException {
    return start(storage, dataDir, maxOpenFiles, CommitLog.DEFAULT_LOG_BYTES);
  }

  /** A writer whose commit log takes a checkpoint every {@code logBytes} (tests make it small). */
  public static JournalWriter start(Storage storage, Path dataDir, int maxOpenFiles, long logBytes)
      throws IOException {
    storage.createDirectories(dataDir);
    Closeable lock = storage.lockExclusively(dataDir.resolve("owner.lock"));
    return new JournalWriter(storage, dataDir, true, maxOpenFiles, logBytes, lock);
  }

  /** A writer that does each command in the caller's thread before returning: deterministic, for tests. */
  public static JournalWriter inline(Storage storage, Path dataDir) {
    return inline(storage, dataDir, DEFAULT_MAX_OPEN_FILES);
  }

  public static JournalWriter inline(Storage storage, Path dataDir, int maxOpenFiles) {
    return inline(storage, dataDir, maxOpenFiles, CommitLog.DEFAULT_LOG_BYTES);
  }

  public static JournalWriter inline(
      Storage storage, Path dataDir, int maxOpenFiles, long logBytes) {
    return new JournalWriter(storage, dataDir, false, maxOpenFiles, logBytes, () -> {});
  }

  private static ExecutorService daemons(int threads, String name) {
    return Executors.newFixedThreadPool(
        threads,
        r -> {
          Thread t = new Thread(r, name);
          t.setDaemon(true);
          return t;
        });
  }

  /** What {@link #replayCommitLog} did: logs read, entries written back, sessions they were of. */
  public record Replayed(int logs, long entries, int sessions) {}

  /**
   * Puts back into the sessions' segments what the commit logs left by the last run hold, and
   * deletes those logs. Call once at start, before any session is recovered or created.
   *
   * @throws CorruptJournalException if a log entry does not fit its session's segments
   */
  public Replayed replayCommitLog() throws IOException {
    return CommitLog.replay(storage, dataDir);
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
    return forcing.forces();
  }

  /** Session files open now (at most {@code maxOpenFiles}). */
  public int openFiles() {
    return files.count();
  }

  /** True once some session's journal has failed (its session acknowledges nothing more). */
  public boolean failed() {
    return failedSessions.get() > 0;
  }

  /**
   * A new session's journal: creates {@code sessions/<id>/} with the snapshot of seq 0 ({@code
   * initialSnapshot}), durable before any record appended to the returned journal is.
   */
  public SessionJournal create(String sessionId, byte[] initialSnapshot) {
    SessionHandle handle =
        new SessionHandle(this, SessionFiles.sessionsDir(dataDir).resolve(sessionId));
    submit(new WriterCommand(handle, WriterCommand.Kind.CREATE, 0, 0, initialSnapshot));
    return handle;
  }

  /** The journal of a recovered session, appending after its last record. */
  public SessionJournal reopen(SessionFiles.Recovered recovered) {
    SessionHandle handle = new SessionHandle(this, recovered.dir());
    handle.lastSeq = recovered.lastSeq();
    handle.durableSeq = recovered.lastSeq();
    handle.snapshotSeq = recovered.snapshotSeq();
    handle.segmentFirstSeq = recovered.segmentFirstSeq();
    handle.segmentBytes = recovered.segmentBytes();
    return handle;
  }

  /** Moves an ended session's directory to {@code ended/}, so that later starts skip it. */
  public CompletableFuture<Void> archive(SessionJournal journal) {
    if (!(journal instanceof SessionHandle handle)) {
      return CompletableFuture.completedFuture(null);
    }
    return submit(new WriterCommand(handle, WriterCommand.Kind.ARCHIVE, 0, 0, null));
  }

  /** Queues {@code command} (or, inline, does it now); its future completes when it is done. */
  CompletableFuture<Void> submit(WriterCommand command) {
    IOException failed =
        command.handle == null || command.kind == WriterCommand.Kind.SNAPSHOT_WRITTEN
            ? null
            : command.handle.failure;
    if (failed != null || closing) {
      command.done.completeExceptionally(
          failed != null ? failed : new IOException("the journal is closed"));
      return command.done;
    }
    if (thread == null) {
      synchronized (this) {
        new Batch(this, storage, files, forcing, commitLog).run(List.of(command));
      }
    } else {
      queue.add(command);
    }
    return command.done;
  }

  private void run() {
    List<WriterCommand> batch = new ArrayList<>();
    while (true) {
      try {
        batch.add(queue.take());
      } catch (InterruptedException e) {
        break;
      }
      queue.drainTo(batch, MAX_BATCH);
      new Batch(this, storage, files, forcing, commitLog).run(batch);
      batch.clear();
      if (closing && queue.isEmpty()) {
        break;
      }
    }
    queue.forEach(c -> c.done.completeExceptionally(new IOException("the journal is closed")));
    files.closeAll();
    commitLog.close();
  }

  /**
   * Writes a snapshot on a forcing thread (after the session's previous one), then tells the
   * writer's thread, which deletes the older one: a snapshot never holds up a batch.
   */
  void writeSnapshotLater(WriterCommand snapshot) {
    SessionHandle h = snapshot.handle;
    Runnable write =
        () -> {
          Exception failure = null;
          try {
            forcing.writeSnapshot(h.dir, snapshot.lastSeq, snapshot.bytes);
          } catch (IOException | RuntimeException e) {
            failure = e;
          }
          WriterCommand written = WriterCommand.snapshotWritten(snapshot, failure);
          submit(written);
          if (written.done.isCompletedExceptionally()) {
            snapshot.done.completeExceptionally(new IOException("the journal is closed"));
          }
        };
    if (forcers == null) {
      write.run();
    } else {
      h.snapshots = h.snapshots.thenRunAsync(write, forcers);
    }
  }

  void appended() {
    appends.incrementAndGet();
  }

  void sessionFailed() {
    failedSessions.incrementAndGet();
  }

  /** The session is over and out of memory: a failure leaves it in {@code sessions/}, archived again after a restart. */
  void archive(SessionHandle h) throws IOException {
    files.close(h);
    try {
      for (String name : storage.list(h.dir)) {
        forcing.sync(h.dir.resolve(name)); // the commit log no longer covers it
      }
      forcing.syncDir(h.dir);
      Path ended = SessionFiles.endedDir(dataDir);
      if (!storage.isDirectory(ended)) {
        storage.createDirectories(ended);
        forcing.syncDir(dataDir);
      }
      Path target = ended.resolve(h.dir.getFileName());
      storage.rename(h.dir, target);
      forcing.syncDir(ended);
      forcing.syncDir(h.dir.getParent());
      h.dir = target;
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

  /** Writes what is queued, then stops the thread, closes the files and gives up the directory. */
  @Override
  public void close() {
    closing = true;
    if (thread != null) {
      queue.add(new WriterCommand(null, WriterCommand.Kind.STOP, 0, 0, null));
      try {
        thread.join(60_000); // a last checkpoint syncs what was written
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      forcers.shutdown();
      checkpointers.shutdown();
    } else {
      synchronized (this) {
        files.closeAll();
        commitLog.close();
      }
    }
    try {
      ownerLock.close();
    } catch (IOException e) {
      log.warn("could not release {}", dataDir.resolve("owner.lock"), e);
    }
  }
}
