package org.entente.server.journal;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes every session's files ({@link SessionFiles}) with group commit, on one thread of its
 * own (never an event loop, never a session's thread): it takes all the appends waiting,
 * writes each to its session's last segment, then forces the files written, in parallel, and
 * completes the appends' futures. The sessions acknowledge in those completions, so nothing is
 * acknowledged before it is on disk, one fsync per file covers every append that arrived while
 * the previous batch ran, and a batch takes about one fsync whatever the number of sessions in
 * it (concurrent fdatasyncs share the file system's journal commit).
 *
 * <p>Files are opened when written and closed when their session is released, or when more
 * than {@code maxOpenFiles} are open (least recently written first), so descriptors follow the
 * active sessions, not the existing ones.
 *
 * <p>Failures are kept to what failed (docs/operations.md, "When storage fails"). A failed
 * write or force of a session's segment fails every append of that session not yet durable and
 * every later one: that session stops acknowledging rather than acknowledge what may not be on
 * disk, and only a restart (which recovers from the files) clears it. Other sessions go on. A
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

  /** Threads that force files at the same time. */
  private static final int FORCE_THREADS = 8;

  private final Storage storage;
  private final Path dataDir;
  private final int maxOpenFiles;
  private final BlockingQueue<Command> queue = new LinkedBlockingQueue<>();
  private final Thread thread;
  private final ExecutorService forcers;
  private final Closeable ownerLock;
  private final AtomicLong appends = new AtomicLong();
  private final AtomicLong forces = new AtomicLong();

  /** Sessions whose journal failed (for logs and tests). */
  private final AtomicLong failedSessions = new AtomicLong();

  private volatile boolean closing;

  /** Handles with an open segment, least recently written first; the writer's thread only. */
  private final LinkedHashMap<Handle, Boolean> open = new LinkedHashMap<>(16, 0.75f, true);

  private volatile int openCount;

  private JournalWriter(
      Storage storage, Path dataDir, boolean threaded, int maxOpenFiles, Closeable ownerLock) {
    if (maxOpenFiles < 1) {
      throw new IllegalArgumentException("maxOpenFiles must be at least 1");
    }
    this.storage = storage;
    this.dataDir = dataDir;
    this.maxOpenFiles = maxOpenFiles;
    this.ownerLock = ownerLock;
    this.thread = threaded ? new Thread(this::run, "entente-journal") : null;
    this.forcers =
        threaded
            ? Executors.newFixedThreadPool(
                FORCE_THREADS,
                r -> {
                  Thread t = new Thread(r, "entente-journal-force");
                  t.setDaemon(true);
                  return t;
                })
            : null;
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
    storage.createDirectories(dataDir);
    Closeable lock = storage.lockExclusively(dataDir.resolve("owner.lock"));
    return new JournalWriter(storage, dataDir, true, maxOpenFiles, lock);
  }

  /** A writer that does each command in the caller's thread before returning: deterministic, for tests. */
  public static JournalWriter inline(Storage storage, Path dataDir) {
    return inline(storage, dataDir, DEFAULT_MAX_OPEN_FILES);
  }

  public static JournalWriter inline(Storage storage, Path dataDir, int maxOpenFiles) {
    return new JournalWriter(storage, dataDir, false, maxOpenFiles, () -> {});
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

  /** Session files open now (at most {@code maxOpenFiles}). */
  public int openFiles() {
    return openCount;
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
    Handle handle = new Handle(SessionFiles.sessionsDir(dataDir).resolve(sessionId));
    submit(new Command(handle, Kind.CREATE, 0, 0, initialSnapshot));
    return handle;
  }

  /** The journal of a recovered session, appending after its last record. */
  public SessionJournal reopen(SessionFiles.Recovered recovered) {
    Handle handle = new Handle(recovered.dir());
    handle.lastSeq = recovered.lastSeq();
    handle.durableSeq = recovered.lastSeq();
    handle.snapshotSeq = recovered.snapshotSeq();
    handle.segmentFirstSeq = recovered.segmentFirstSeq();
    handle.segmentBytes = recovered.segmentBytes();
    return handle;
  }

  /** Moves an ended session's directory to {@code ended/}, so that later starts skip it. */
  public CompletableFuture<Void> archive(SessionJournal journal) {
    if (!(journal instanceof Handle)) {
      return CompletableFuture.completedFuture(null);
    }
    return submit(new Command((Handle) journal, Kind.ARCHIVE, 0, 0, null));
  }

  private enum Kind {
    CREATE,
    APPEND,
    SNAPSHOT,
    RELEASE,
    ARCHIVE,
    STOP
  }

  private static final class Command {
    final Handle handle;
    final Kind kind;
    final long firstSeq;
    final long lastSeq;
    final byte[] bytes;
    final CompletableFuture<Void> done = new CompletableFuture<>();

    Command(Handle handle, Kind kind, long firstSeq, long lastSeq, byte[] bytes) {
      this.handle = handle;
      this.kind = kind;
      this.firstSeq = firstSeq;
      this.lastSeq = lastSeq;
      this.bytes = bytes;
    }
  }

  /** One session's files; the fields without volatile are the writer's thread's. */
  private final class Handle implements SessionJournal {
    volatile Path dir;
    Storage.AppendFile file;

    /** The last segment's first seq (0: none yet) and its size. */
    long segmentFirstSeq;

    long segmentBytes;

    /** The last seq appended, and the last one durable (readers may read up to it). */
    long lastSeq;

    volatile long durableSeq;
    long snapshotSeq;

    /** A segment was created whose name is not durable yet. */
    boolean dirDirty;

    /** Set once this session's journal failed: every later command fails with it. */
    volatile IOException failure;

    Handle(Path dir) {
      this.dir = dir;
    }

    @Override
    public CompletableFuture<Void> append(long firstSeq, long lastSeq, byte[] record) {
      return submit(
          new Command(
              this,
              Kind.APPEND,
              firstSeq,
              lastSeq,
              Records.frameRecord(firstSeq, lastSeq, record)));
    }

    @Override
    public CompletableFuture<Void> snapshot(long lastSeq, byte[] state) {
      return submit(new Command(this, Kind.SNAPSHOT, 0, lastSeq, state));
    }

    @Override
    public List<Stored> read(long fromSeq, int maxBytes) throws IOException {
      return SessionFiles.read(storage, dir, fromSeq, maxBytes, durableSeq);
    }

    @Override
    public void release() {
      submit(new Command(this, Kind.RELEASE, 0, 0, null));
    }
  }

  /** The appends of one session written in the running batch, waiting for its force. */
  private static final class Pending {
    final List<CompletableFuture<Void>> futures = new ArrayList<>();
    long lastSeq;
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
    for (Handle h : new ArrayList<>(open.keySet())) {
      closeFile(h);
    }
  }

  /**
   * Writes a batch. Appends wait for the batch's forces; a session's other commands first make
   * its own appends durable. A failure fails its own session's commands only.
   */
  private void process(List<Command> batch) {
    Map<Handle, Pending> written = new LinkedHashMap<>();
    for (Command c : batch) {
      Handle h = c.handle;
      if (h != null && h.failure != null) {
        c.done.completeExceptionally(h.failure);
        continue;
      }
      try {
        switch (c.kind) {
          case APPEND -> {
            write(h, c, written);
            continue;
          }
          case CREATE -> create(h, c.bytes);
          case SNAPSHOT -> {
            forceNow(h, written);
            if (h.failure == null) {
              snapshot(h, c.lastSeq, c.bytes);
            }
          }
          case RELEASE -> {
            forceNow(h, written);
            closeFile(h);
          }
          case ARCHIVE -> {
            forceNow(h, written);
            archive(h);
          }
          case STOP -> {}
        }
        if (h != null && h.failure != null) {
          c.done.completeExceptionally(h.failure);
        } else {
          c.done.complete(null);
        }
      } catch (TransientStorageException e) {
        log.warn(
            "session {}: {}; nothing acknowledged was touched, and the session goes on",
            h.dir.getFileName(),
            e.getMessage());
        c.done.completeExceptionally(e);
      } catch (IOException | RuntimeException e) {
        fail(h, h.dir, e, written.remove(h));
        c.done.completeExceptionally(h.failure);
      }
    }
    forceAll(written);
  }

  /** Writes one append to its session's last segment, opening or starting one as needed. */
  private void write(Handle h, Command c, Map<Handle, Pending> written) {
    Path file = SessionFiles.segment(h.dir, h.segmentFirstSeq);
    try {
      if (c.firstSeq != h.lastSeq + 1 || c.lastSeq < c.firstSeq - 1) {
        throw new IllegalStateException(
            "a record of seqs " + c.firstSeq + ".." + c.lastSeq + " after seq " + h.lastSeq);
      }
      segmentFor(h, c.firstSeq, written);
      file = SessionFiles.segment(h.dir, h.segmentFirstSeq);
      h.file.write(c.bytes);
      h.segmentBytes += c.bytes.length;
      h.lastSeq = c.lastSeq;
      appends.incrementAndGet();
      Pending p = written.computeIfAbsent(h, k -> new Pending());
      p.futures.add(c.done);
      p.lastSeq = c.lastSeq;
    } catch (IOException | RuntimeException e) {
      fail(h, file, e, written.remove(h));
      c.done.completeExceptionally(h.failure);
    }
  }

  /**
   * Makes {@code h.file} the segment the record starting at {@code firstSeq} goes to: the last
   * one (opened again if it was closed), or a new one once the last is full. A new segment that
   * cannot be made is left for a later record: the last one takes this record.
   */
  private void segmentFor(Handle h, long firstSeq, Map<Handle, Pending> written)
      throws IOException {
    boolean full = h.segmentBytes >= SessionFiles.SEGMENT_BYTES;
    if (h.file != null) {
      open.get(h); // most recently used
      if (!full) {
        return;
      }
    } else if (h.segmentFirstSeq != 0 && !full) {
      h.file = openFile(h, SessionFiles.segment(h.dir, h.segmentFirstSeq), written);
      return;
    }
    Storage.AppendFile next;
    try {
      next = openFile(h, SessionFiles.segment(h.dir, firstSeq), written);
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
        h.file = openFile(h, SessionFiles.segment(h.dir, h.segmentFirstSeq), written);
      }
      return;
    }
    if (h.file != null) {
      forceNow(h, written); // the old segment is durable before anything goes to the new one
      if (h.failure != null) {
        closeQuietly(next);
        throw h.failure;
      }
      closeQuietly(h.file);
    }
    h.file = next;
    h.segmentFirstSeq = firstSeq;
    h.segmentBytes = 0;
    h.dirDirty = true;
  }

  /**
   * Opens {@code path} for appending for {@code h}, first closing the least recently written
   * files beyond the bound (their pending appends forced). If the process is out of
   * descriptors, closes every other idle file and tries once more.
   */
  private Storage.AppendFile openFile(Handle h, Path path, Map<Handle, Pending> written)
      throws IOException {
    while (openCount >= maxOpenFiles) {
      Handle eldest = eldestOtherThan(h);
      if (eldest == null) {
        break;
      }
      forceNow(eldest, written);
      closeFile(eldest);
    }
    Storage.AppendFile file;
    try {
      file = storage.openForAppend(path);
    } catch (IOException e) {
      List<Handle> idle = new ArrayList<>();
      for (Handle other : open.keySet()) {
        if (other != h && !written.containsKey(other)) {
          idle.add(other);
        }
      }
      if (idle.isEmpty()) {
        throw e;
      }
      idle.forEach(this::closeFile);
      file = storage.openForAppend(path);
    }
    if (!open.containsKey(h)) {
      open.put(h, Boolean.TRUE);
      openCount = open.size();
    }
    return file;
  }

  private Handle eldestOtherThan(Handle h) {
    Iterator<Handle> it = open.keySet().iterator();
    while (it.hasNext()) {
      Handle candidate = it.next();
      if (candidate != h) {
        return candidate;
      }
    }
    return null;
  }

  private void closeFile(Handle h) {
    if (h.file != null) {
      closeQuietly(h.file);
      h.file = null;
    }
    if (open.remove(h) != null) {
      openCount = open.size();
    }
  }

  /** Forces {@code h}'s appends of this batch now (before a command that needs them durable). */
  private void forceNow(Handle h, Map<Handle, Pending> written) {
    Pending p = written.remove(h);
    if (p != null) {
      finish(h, p, force(h));
    }
  }

  /** Forces each file written, in parallel; a file that fails fails its own session's appends. */
  private void forceAll(Map<Handle, Pending> written) {
    if (written.isEmpty()) {
      return;
    }
    if (forcers == null || written.size() == 1) {
      written.forEach((h, p) -> finish(h, p, force(h)));
    } else {
      List<Future<Exception>> results = new ArrayList<>();
      for (Handle h : written.keySet()) {
        results.add(forcers.submit(() -> force(h)));
      }
      int i = 0;
      for (Map.Entry<Handle, Pending> e : written.entrySet()) {
        finish(e.getKey(), e.getValue(), outcome(results.get(i++)));
      }
    }
    written.clear();
  }

  private static Exception outcome(Future<Exception> result) {
    try {
      return result.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new IOException("interrupted while forcing", e);
    } catch (java.util.concurrent.ExecutionException e) {
      return e.getCause() instanceof Exception x ? x : new IOException(e.getCause());
    }
  }

  /**
   * Forces {@code h}'s segment, and its directory if the segment is new; the failure, or null.
   * Runs on a forcing thread: touches only {@code h}'s file and flag, which the writer's thread
   * leaves alone until the force is done.
   */
  private Exception force(Handle h) {
    try {
      h.file.force();
      forces.incrementAndGet();
      if (h.dirDirty) {
        syncDir(h.dir);
        h.dirDirty = false;
      }
      return null;
    } catch (IOException | RuntimeException e) {
      return e;
    }
  }

  private void finish(Handle h, Pending p, Exception failure) {
    if (failure != null) {
      fail(h, SessionFiles.segment(h.dir, h.segmentFirstSeq), failure, p);
      return;
    }
    h.durableSeq = p.lastSeq;
    p.futures.forEach(f -> f.complete(null));
  }

  /** Latches {@code h}'s session: what it wrote may not be on disk, so it acknowledges nothing more. */
  private void fail(Handle h, Path file, Exception e, Pending pending) {
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
      pending.futures.forEach(f -> f.completeExceptionally(h.failure));
    }
    closeFile(h);
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
      h.snapshotSeq = 0;
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
   * The newest snapshot, then the older one goes. Until the new one is renamed into place the
   * old one and the records after it hold everything (records are never removed), so any
   * failure here is transient: the session goes on and takes a snapshot later.
   */
  private void snapshot(Handle h, long seq, byte[] state) throws IOException {
    if (seq > h.lastSeq || seq < h.snapshotSeq) {
      throw new IllegalStateException(
          "a snapshot of seq "
              + seq
              + " after seq "
              + h.lastSeq
              + " (last: "
              + h.snapshotSeq
              + ")");
    }
    try {
      writeSnapshot(h.dir, seq, state);
    } catch (IOException e) {
      throw new TransientStorageException(
          "could not write "
              + SessionFiles.state(h.dir, seq)
              + " ("
              + e.getMessage()
              + "); the snapshot of seq "
              + h.snapshotSeq
              + " and the records after it go on",
          e);
    }
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

  private void writeSnapshot(Path dir, long seq, byte[] snapshot) throws IOException {
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
    closeFile(h);
    try {
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

  private void syncDir(Path dir) throws IOException {
    storage.syncDirectory(dir);
    forces.incrementAndGet();
  }

  /** Writes what is queued, then stops the thread, closes the files and gives up the directory. */
  @Override
  public void close() {
    closing = true;
    if (thread != null) {
      queue.add(new Command(null, Kind.STOP, 0, 0, null));
      try {
        thread.join(5000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      forcers.shutdown();
    } else {
      synchronized (this) {
        closeFiles();
      }
    }
    try {
      ownerLock.close();
    } catch (IOException e) {
      log.warn("could not release {}", dataDir.resolve("owner.lock"), e);
    }
  }
}
