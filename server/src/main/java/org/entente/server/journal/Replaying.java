package org.entente.server.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The commit log's entries put back where they went, session by session ({@link
 * CommitLog#replay}): a new session's directory and first snapshot, and its records. A
 * session's first record says where its segments stop being trusted: the
 * segments after it are deleted and the one it names is cut there. Each entry is then written
 * where it says, so a segment ends at its last entry, and {@link #finish} syncs every file
 * touched. At most {@link #OPEN} files are open at once.
 */
final class Replaying {
  private static final Logger log = LoggerFactory.getLogger(Replaying.class);
  private static final int OPEN = 64;

  private final Storage storage;
  private final Path sessions;
  private final Path dataDir;
  private final Map<String, Target> targets = new LinkedHashMap<>();

  /** Segments open for writing, least recently used first. */
  private final LinkedHashMap<Target, Storage.AppendFile> open =
      new LinkedHashMap<>(16, 0.75f, true);

  /** One session: where its next entry goes, and what was touched. */
  private static final class Target {
    final Path dir;
    final boolean skipped;
    long segment = -1;
    long position;
    final TreeSet<Long> touched = new TreeSet<>();
    boolean names;
    boolean created;

    Target(Path dir, boolean skipped) {
      this.dir = dir;
      this.skipped = skipped;
    }
  }

  Replaying(Storage storage, Path sessions, Path dataDir) {
    this.storage = storage;
    this.sessions = sessions;
    this.dataDir = dataDir;
  }

  /**
   * One entry of {@code file} at {@code offset}: its kind and session id, then a new session's
   * first snapshot, or a record's segment, offset and frame.
   */
  void apply(Path file, int offset, ByteBuffer entry) throws IOException {
    byte kind = entry.remaining() < 2 ? 0 : entry.get();
    int idLength = entry.remaining() < 1 ? 0 : entry.get() & 0xFF;
    int rest = entry.remaining() - idLength;
    if (idLength == 0 || rest < (kind == CommitLog.RECORD ? 16 : 1)) {
      throw new CorruptJournalException(file.toString(), offset, "a log entry too short");
    }
    byte[] id = new byte[idLength];
    entry.get(id);
    String session = new String(id, StandardCharsets.UTF_8);
    if (kind == CommitLog.CREATION) {
      byte[] state = new byte[entry.remaining()];
      entry.get(state);
      create(file, offset, session, state);
      return;
    }
    if (kind != CommitLog.RECORD) {
      throw new CorruptJournalException(
          file.toString(), offset, "a log entry of unknown kind " + kind);
    }
    long segmentFirstSeq = entry.getLong();
    long at = entry.getLong();
    byte[] frame = new byte[entry.remaining()];
    entry.get(frame);
    Target t = targets.computeIfAbsent(session, this::target);
    if (t.skipped) {
      return;
    }
    if (t.segment < 0) {
      startAt(t, file, offset, segmentFirstSeq, at);
    } else if (segmentFirstSeq != t.segment) {
      if (at != 0 || segmentFirstSeq < t.segment) {
        throw new CorruptJournalException(
            file.toString(),
            offset,
            "session "
                + session
                + ": an entry for segment "
                + segmentFirstSeq
                + " at offset "
                + at
                + " after segment "
                + t.segment);
      }
      close(t);
      t.segment = segmentFirstSeq;
      t.position = 0;
      t.names = true;
    } else if (at != t.position) {
      throw new CorruptJournalException(
          file.toString(),
          offset,
          "session "
              + session
              + ": an entry for offset "
              + at
              + " of segment "
              + segmentFirstSeq
              + " where the last one ended at "
              + t.position);
    }
    fileOf(t).write(frame);
    t.position += frame.length;
    t.touched.add(t.segment);
  }

  /**
   * A new session: its directory, and its first snapshot written again unless a later one
   * (written and synced on its own) replaced it. A session moved to {@code ended/} is skipped.
   */
  private void create(Path file, int offset, String session, byte[] stateFrame) throws IOException {
    if (targets.containsKey(session)) {
      throw new CorruptJournalException(
          file.toString(), offset, "session " + session + " created after its records");
    }
    Path dir = sessions.resolve(session);
    if (storage.isDirectory(SessionFiles.endedDir(dataDir).resolve(session))) {
      targets.put(session, new Target(dir, true));
      return;
    }
    storage.createDirectories(dir);
    Path first = SessionFiles.state(dir, 0);
    boolean replaced =
        storage.list(dir).stream()
            .anyMatch(
                n ->
                    n.startsWith("state-")
                        && n.endsWith(".bin")
                        && !n.equals(first.getFileName().toString()));
    if (!replaced) {
      storage.delete(first);
      try (Storage.AppendFile state = storage.openForAppend(first)) {
        state.write(stateFrame);
      }
    }
    Target t = new Target(dir, false);
    t.created = true;
    targets.put(session, t);
  }

  private Target target(String session) {
    Path dir = sessions.resolve(session);
    if (storage.isDirectory(dir)) {
      return new Target(dir, false);
    }
    if (!storage.isDirectory(SessionFiles.endedDir(dataDir).resolve(session))) {
      log.warn(
          "the commit log holds records of session {}, which has no directory (its creation never completed, so nothing of it was acknowledged): skipped",
          session);
    }
    return new Target(dir, true);
  }

  /** The session's first entry: the segments after {@code segmentFirstSeq} go, and that one is cut at {@code at}. */
  private void startAt(Target t, Path file, int offset, long segmentFirstSeq, long at)
      throws IOException {
    for (long first : SessionFiles.segments(storage.list(t.dir))) {
      if (first > segmentFirstSeq) {
        storage.delete(SessionFiles.segment(t.dir, first));
        t.names = true;
      }
    }
    Path segment = SessionFiles.segment(t.dir, segmentFirstSeq);
    long size = storage.exists(segment) ? storage.read(segment).length : -1;
    if (size < at && !(size < 0 && at == 0)) {
      throw new CorruptJournalException(
          file.toString(),
          offset,
          "the log continues "
              + segment
              + " at offset "
              + at
              + " but "
              + (size < 0 ? "it is not there" : "it ends at " + size));
    }
    if (size < 0) {
      t.names = true;
    } else {
      storage.truncate(segment, at); // what followed is written again, or was never acknowledged
    }
    t.segment = segmentFirstSeq;
    t.position = at;
  }

  private Storage.AppendFile fileOf(Target t) throws IOException {
    Storage.AppendFile file = open.get(t);
    if (file != null) {
      return file;
    }
    if (open.size() >= OPEN) {
      Target eldest = open.keySet().iterator().next();
      close(eldest);
    }
    file = storage.openAt(SessionFiles.segment(t.dir, t.segment), t.position);
    open.put(t, file);
    return file;
  }

  private void close(Target t) throws IOException {
    Storage.AppendFile file = open.remove(t);
    if (file != null) {
      file.close();
    }
  }

  /**
   * Syncs every segment written and the directories whose names changed.
   *
   * @return the sessions whose segments were written
   */
  int finish() throws IOException {
    int count = 0;
    for (Target t : targets.values()) {
      if (t.skipped) {
        continue;
      }
      close(t);
      for (long first : t.touched) {
        storage.sync(SessionFiles.segment(t.dir, first));
      }
      if (t.created && storage.exists(SessionFiles.state(t.dir, 0))) {
        storage.sync(SessionFiles.state(t.dir, 0));
      }
      if (t.names || t.created) {
        storage.syncDirectory(t.dir);
      }
      if (t.created) {
        storage.syncDirectory(sessions);
      }
      count++;
    }
    return count;
  }
}
