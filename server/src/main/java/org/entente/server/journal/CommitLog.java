package org.entente.server.journal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The log every session's records go through (docs/design.md, "Storage"): each batch's records
 * are written to their sessions' segments without a sync and, with where each went, to this
 * one file, which is forced once. A batch costs one fsync however many sessions it holds.
 *
 * <p>The segments are synced at a checkpoint, when the log passes {@code logBytes}: a new log
 * takes over, and in the background every segment written while the old one was newest is
 * synced, and then the old log is deleted. Until then recovery puts back, from the log, every
 * record a crash took from a segment ({@link #replay}). Log files are made ahead (filled with
 * zeros, forced, their name synced) so that a batch's fsync never changes a file's size.
 *
 * <p>The writer's thread only, but for the checkpoints and the making of the next file, which
 * run on {@code background} and touch only what they are given.
 */
final class CommitLog {
  private static final Logger log = LoggerFactory.getLogger(CommitLog.class);
  private static final Pattern NAME = Pattern.compile("commit-(\\d{20})\\.log");

  /** A new log takes over (and the old one's segments are synced) once this much is written. */
  static final long DEFAULT_LOG_BYTES = 32L * 1024 * 1024;

  /**
   * Logs whose checkpoint failed, kept until one succeeds: past this many the journal stops
   * acknowledging, since the disk does not make session files durable.
   */
  static final int MAX_WAITING_LOGS = 4;

  private final Storage storage;
  private final Path dataDir;
  private final Forcing forcing;
  private final long logBytes;
  private final Executor background;

  private LogFile current;
  private Path lastPath;
  private long written;
  private long nextNumber;
  private CompletableFuture<Path> next;
  private final ByteArrayOutputStream entries = new ByteArrayOutputStream();

  /** The segments written since the current log took over, by session. */
  private Map<SessionHandle, Written> dirty = new LinkedHashMap<>();

  private CompletableFuture<Void> checkpoint = CompletableFuture.completedFuture(null);

  /** The log being written: its name and its file. */
  private record LogFile(Path path, Storage.AppendFile file) {}

  /** An entry's kind: a record written to a segment. */
  static final byte RECORD = 1;

  /** An entry's kind: a new session, its directory and first snapshot. */
  static final byte CREATION = 2;

  /**
   * One session's files written while a log was the newest: its segments, whether one is new,
   * and whether the session is (its directory and first snapshot).
   */
  private static final class Written {
    final Path dir;
    final TreeSet<Long> segments = new TreeSet<>();
    boolean newNames;
    boolean created;

    Written(Path dir) {
      this.dir = dir;
    }
  }

  /** What a checkpoint syncs, and the logs it deletes after; kept to try again if it failed. */
  private record Checkpoint(List<Written> sessions, List<Path> logs) {}

  /** A checkpoint that failed: what it owed, for the next one. */
  private static final class CheckpointFailed extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient Checkpoint owed;

    CheckpointFailed(Checkpoint owed, Exception cause) {
      super(cause);
      this.owed = owed;
    }
  }

  CommitLog(Storage storage, Path dataDir, Forcing forcing, long logBytes, Executor background) {
    this.storage = storage;
    this.dataDir = dataDir;
    this.forcing = forcing;
    this.logBytes = logBytes;
    this.background = background;
  }

  static Path path(Path dataDir, long number) {
    return dataDir.resolve("commit-" + SessionFiles.padded(number) + ".log");
  }

  /** The numbers of the logs in {@code dataDir}, ascending. */
  static List<Long> logs(Storage storage, Path dataDir) throws IOException {
    List<Long> numbers = new ArrayList<>();
    for (String name : storage.list(dataDir)) {
      Matcher m = NAME.matcher(name);
      if (m.matches()) {
        numbers.add(Long.parseLong(m.group(1)));
      }
    }
    return numbers;
  }

  /**
   * Adds the record {@code frame}, written to {@code h}'s segment of {@code segmentFirstSeq} at
   * {@code offset}, to the batch's entries; {@code newSegment} if that segment was just made.
   */
  void add(SessionHandle h, long segmentFirstSeq, long offset, byte[] frame, boolean newSegment) {
    entries.writeBytes(
        Records.frame(
            entry(RECORD, h, 16 + frame.length)
                .putLong(segmentFirstSeq)
                .putLong(offset)
                .put(frame)
                .array()));
    Written w = dirty.computeIfAbsent(h, k -> new Written(k.dir));
    w.segments.add(segmentFirstSeq);
    w.newNames |= newSegment;
  }

  /** Adds a new session, whose first snapshot {@code stateFrame} was just written unsynced. */
  void addCreation(SessionHandle h, byte[] stateFrame) {
    entries.writeBytes(
        Records.frame(entry(CREATION, h, stateFrame.length).put(stateFrame).array()));
    dirty.computeIfAbsent(h, k -> new Written(k.dir)).created = true;
  }

  /** An entry of {@code kind} for {@code h}'s session with {@code rest} bytes to come. */
  private static ByteBuffer entry(byte kind, SessionHandle h, int rest) {
    byte[] id = h.dir.getFileName().toString().getBytes(StandardCharsets.UTF_8);
    return ByteBuffer.allocate(2 + id.length + rest).put(kind).put((byte) id.length).put(id);
  }

  /**
   * Writes the batch's entries and forces the log: once this returns they are durable. A
   * failure leaves the log behind (its checkpoint still runs: it holds earlier batches') and
   * the next batch starts a new one.
   */
  void commit() throws IOException {
    if (entries.size() == 0) {
      return;
    }
    byte[] bytes = entries.toByteArray();
    entries.reset();
    if (waitingLogs() >= MAX_WAITING_LOGS) {
      throw new IOException(
          "session files could not be synced at the last "
              + MAX_WAITING_LOGS
              + " checkpoints (see the log); nothing more is acknowledged until the disk is fixed and the server restarted");
    }
    open();
    lastPath = current.path();
    try {
      current.file().write(bytes);
      forcing.force(current.file());
      written += bytes.length;
    } catch (IOException | RuntimeException e) {
      log.error("writing the commit log {} failed ({}); a new one takes over", current.path(), e);
      rotate(true);
      throw e instanceof IOException io ? io : new IOException(e);
    }
  }

  /** The log written last (for messages). */
  Path lastPath() {
    return lastPath != null ? lastPath : dataDir;
  }

  /** After a batch: a new log takes over once this one is full (and its checkpoint starts). */
  void afterBatch() {
    if (current != null && written >= logBytes) {
      rotate(false);
    }
  }

  private int waitingLogs() {
    if (!checkpoint.isCompletedExceptionally()) {
      return 0;
    }
    return owedByFailedCheckpoint().logs().size();
  }

  private Checkpoint owedByFailedCheckpoint() {
    try {
      checkpoint.join();
      return new Checkpoint(List.of(), List.of());
    } catch (CompletionException e) {
      return e.getCause() instanceof CheckpointFailed f
          ? f.owed
          : new Checkpoint(List.of(), List.of());
    }
  }

  /** Opens the log made ahead (or makes one now), and starts making the one after it. */
  private void open() throws IOException {
    if (current != null) {
      return;
    }
    if (next == null) {
      prepareNext();
    }
    Path path;
    try {
      path = next.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
    } finally {
      next = null;
    }
    current = new LogFile(path, storage.openAt(path, 0));
    written = 0;
    prepareNext();
  }

  private void prepareNext() throws IOException {
    if (nextNumber == 0) {
      List<Long> existing = logs(storage, dataDir);
      nextNumber = existing.isEmpty() ? 1 : existing.get(existing.size() - 1) + 1;
    }
    Path path = path(dataDir, nextNumber++);
    next = supply(() -> make(path));
  }

  /** A new log file, closed until it takes over: zeros to its size, forced, its name durable. */
  private Path make(Path path) {
    try (Storage.AppendFile file = storage.openAt(path, 0)) {
      file.preallocate(logBytes);
      forcing.force(file);
      forcing.syncDir(dataDir);
      return path;
    } catch (IOException e) {
      throw new CompletionException(
          new IOException(
              "could not make the commit log " + path + " (" + e.getMessage() + ")", e));
    }
  }

  /**
   * The current log is done with: the next takes over at the next commit, and a checkpoint
   * syncs the segments written while this one was newest, then deletes it. If the previous
   * checkpoint is still running, the current log goes on past its size (unless {@code
   * broken}), so checkpoints never pile up.
   */
  private void rotate(boolean broken) {
    if (!checkpoint.isDone() && !broken) {
      return;
    }
    List<Written> sessions = new ArrayList<>(dirty.values());
    List<Path> logs = new ArrayList<>(List.of(current.path()));
    OpenFiles.closeQuietly(current.file());
    current = null;
    dirty = new LinkedHashMap<>();
    CompletableFuture<Void> previous = checkpoint;
    checkpoint =
        previous
            .handle(
                (ok, failure) -> {
                  Checkpoint owed = new Checkpoint(sessions, logs);
                  if (failure != null
                      && (failure instanceof CompletionException c ? c.getCause() : failure)
                          instanceof CheckpointFailed f) {
                    owed = merge(f.owed, owed);
                  }
                  return owed;
                })
            .thenCompose(owed -> supply(() -> runCheckpoint(owed)));
  }

  private static Checkpoint merge(Checkpoint a, Checkpoint b) {
    List<Written> sessions = new ArrayList<>(a.sessions());
    sessions.addAll(b.sessions());
    List<Path> logs = new ArrayList<>(a.logs());
    logs.addAll(b.logs());
    return new Checkpoint(sessions, logs);
  }

  /** Syncs every segment owed, then deletes the logs: they hold nothing the segments lack. */
  private Void runCheckpoint(Checkpoint owed) {
    List<CompletableFuture<Void>> syncs = new ArrayList<>();
    for (Written w : owed.sessions()) {
      syncs.add(supply(() -> sync(w)));
    }
    try {
      CompletableFuture.allOf(syncs.toArray(CompletableFuture<?>[]::new)).join();
      for (Path p : owed.logs()) {
        storage.delete(p);
      }
      forcing.syncDir(dataDir);
      return null;
    } catch (IOException | RuntimeException e) {
      Throwable cause = e instanceof CompletionException c ? c.getCause() : e;
      log.error(
          "checkpoint of {}: could not sync the session files written while it was the newest ({}); it is kept, and the next checkpoint tries again",
          owed.logs(),
          cause.toString());
      throw new CheckpointFailed(owed, cause instanceof Exception x ? x : new IOException(cause));
    }
  }

  /**
   * Syncs one session's segments (and its directory, for a new segment), and a new session's
   * first snapshot and directory; skips a session moved to {@code ended/}, which synced its
   * files before it moved.
   */
  private Void sync(Written w) {
    try {
      if (w.created) {
        try {
          forcing.sync(SessionFiles.state(w.dir, 0));
        } catch (NoSuchFileException e) {
          // replaced by a later snapshot, itself synced
        }
      }
      for (long first : w.segments) {
        forcing.sync(SessionFiles.segment(w.dir, first));
      }
      if (w.newNames || w.created) {
        forcing.syncDir(w.dir);
      }
      if (w.created) {
        forcing.syncDir(w.dir.getParent());
      }
    } catch (NoSuchFileException e) {
      if (storage.isDirectory(w.dir)) {
        throw new CompletionException(e);
      }
    } catch (IOException e) {
      throw new CompletionException(e);
    }
    return null;
  }

  private <T> CompletableFuture<T> supply(java.util.function.Supplier<T> work) {
    if (background == null) {
      try {
        return CompletableFuture.completedFuture(work.get());
      } catch (RuntimeException e) {
        return CompletableFuture.failedFuture(
            e instanceof CompletionException c ? c.getCause() : e);
      }
    }
    return CompletableFuture.supplyAsync(work, background);
  }

  /**
   * At a clean stop: syncs every segment written and deletes the logs, so the next start has
   * nothing to replay. What cannot be synced stays in its log.
   */
  void close() {
    try {
      checkpoint.exceptionally(e -> null).join();
      if (current != null) {
        rotate(false);
        checkpoint.join();
      } else if (checkpoint.isCompletedExceptionally()) {
        Checkpoint owed = owedByFailedCheckpoint();
        runCheckpoint(owed);
      }
    } catch (RuntimeException e) {
      log.warn("stopping: the commit log is kept, the next start replays it ({})", e.toString());
    }
    if (next != null) {
      try {
        storage.delete(next.join());
      } catch (IOException | RuntimeException e) {
        log.warn("stopping: could not remove the unused commit log ({})", e.toString());
      }
      next = null;
    }
  }

  /**
   * Puts back into each session's segments what its records in the logs of {@code dataDir}
   * say, then deletes the logs: called once at start, before any session is recovered. The
   * first entry of a session says where its segments stop being trusted (everything before it
   * was synced at a checkpoint); from there each entry is written where it went, and the
   * segment is cut after the last one (what follows was never acknowledged). A log ends at its
   * first invalid entry: nothing after it was acknowledged. Sessions without a directory are
   * skipped (moved to {@code ended/} after their files were synced, or never created).
   */
  static JournalWriter.Replayed replay(Storage storage, Path dataDir) throws IOException {
    List<Long> numbers = logs(storage, dataDir);
    Replaying replaying = new Replaying(storage, SessionFiles.sessionsDir(dataDir), dataDir);
    long entries = 0;
    for (long number : numbers) {
      Path file = path(dataDir, number);
      byte[] bytes = storage.read(file);
      int offset = 0;
      while (offset < bytes.length) {
        int length = Records.validFrameAt(bytes, offset);
        if (length < 0) {
          if (!Records.zerosFrom(bytes, offset)) {
            log.warn(
                "{}: the log ends at offset {} (an entry that was never acknowledged)",
                file,
                offset);
          }
          break;
        }
        replaying.apply(
            file, offset, ByteBuffer.wrap(bytes, offset + Records.HEADER_BYTES, length));
        entries++;
        offset += Records.HEADER_BYTES + length;
      }
    }
    int sessions = replaying.finish();
    for (long number : numbers) {
      storage.delete(path(dataDir, number));
    }
    if (!numbers.isEmpty()) {
      storage.syncDirectory(dataDir);
    }
    return new JournalWriter.Replayed(numbers.size(), entries, sessions);
  }
}
