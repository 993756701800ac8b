package org.entente.server.journal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The files of one session, {@code DATA/sessions/<id>/} (docs/design.md, "Storage"): the
 * history in append-only segments {@code events-<firstSeq>.log}, each a run of framed records
 * ({@link Records#frameRecord}), and the newest snapshot of the state, {@code
 * state-<lastSeq>.bin}. Seqs in names are zero-padded, so names sort as the seqs do and are
 * the index by sequence number. Reading them back is recovery.
 */
public final class SessionFiles {
  private static final Logger log = LoggerFactory.getLogger(SessionFiles.class);
  private static final Pattern STATE = Pattern.compile("state-(\\d{20})\\.bin");
  private static final Pattern SEGMENT = Pattern.compile("events-(\\d{20})\\.log");

  /** A segment is closed and a new one started once it holds this many bytes. */
  public static final long SEGMENT_BYTES = 256 * 1024;

  /**
   * The size of a session's first segment (the one its creation starts): most sessions are a
   * lesson's and many are made and never played, so the first one is small, and creating a
   * session writes and syncs 32 KiB of zeros, not 256.
   */
  public static final long FIRST_SEGMENT_BYTES = 32 * 1024;

  /** The size the segment starting at {@code firstSeq} is extended to and closed at. */
  public static long segmentBytes(long firstSeq) {
    return firstSeq <= 1 ? FIRST_SEGMENT_BYTES : SEGMENT_BYTES;
  }

  private SessionFiles() {}

  public static Path sessionsDir(Path dataDir) {
    return dataDir.resolve("sessions");
  }

  public static Path endedDir(Path dataDir) {
    return dataDir.resolve("ended");
  }

  static Path state(Path sessionDir, long lastSeq) {
    return sessionDir.resolve("state-" + padded(lastSeq) + ".bin");
  }

  static Path segment(Path sessionDir, long firstSeq) {
    return sessionDir.resolve("events-" + padded(firstSeq) + ".log");
  }

  /**
   * {@code seq} in 20 digits, zero-padded, so that names sort as seqs do (the writer names a
   * file for each append: String.format was a tenth of its time).
   */
  static String padded(long seq) {
    String digits = Long.toString(seq);
    return "0".repeat(Math.max(0, 20 - digits.length())) + digits;
  }

  /**
   * What recovery found: the newest snapshot (of the state as of {@code snapshotSeq}) and the
   * records after it, in order; {@code tornBytes} were cut from the last segment's end (kept in
   * a .torn file). {@code lastSeq} is the last event on disk; the last segment starts at {@code
   * segmentFirstSeq} (0: none yet) and holds {@code segmentBytes}.
   */
  public record Recovered(
      Path dir,
      long snapshotSeq,
      byte[] snapshot,
      List<byte[]> records,
      long tornBytes,
      long lastSeq,
      long segmentFirstSeq,
      long segmentBytes) {}

  /**
   * Reads a session directory: the newest snapshot and the records after it. A torn last
   * record of the last segment is cut (a copy of the cut bytes is kept as {@code
   * events-<firstSeq>.log.torn-<offset>}) and logged; leftovers of an interrupted snapshot are
   * removed, and so are older snapshots. A directory in the layout of Entente 0.x is converted
   * first ({@link LegacyLayout}).
   *
   * @return empty if the directory holds no snapshot (a session whose creation never
   *     completed: nothing in it was acknowledged)
   * @throws CorruptJournalException on damage anywhere but the last record
   */
  public static Optional<Recovered> recover(Storage storage, Path dir) throws IOException {
    LegacyLayout.convert(storage, dir);
    List<String> names = storage.list(dir);
    long newest = -1;
    for (String name : names) {
      if (name.endsWith(".tmp")) {
        storage.delete(dir.resolve(name));
      }
      Matcher m = STATE.matcher(name);
      if (m.matches()) {
        newest = Math.max(newest, Long.parseLong(m.group(1)));
      }
    }
    if (newest < 0) {
      return Optional.empty();
    }
    for (String name : names) {
      Matcher m = STATE.matcher(name);
      if (m.matches() && Long.parseLong(m.group(1)) < newest) {
        storage.delete(dir.resolve(name)); // superseded by the newest snapshot
      }
    }
    Path stateFile = state(dir, newest);
    List<Long> segments = segments(names);
    byte[] snapshot;
    try {
      snapshot = Records.single(stateFile.toString(), storage.read(stateFile));
    } catch (CorruptJournalException e) {
      if (newest == 0 && !holdsARecord(storage, dir, segments)) {
        // A first snapshot is written unsynced and put back from the commit log if its creation
        // was acknowledged: damaged here, with no record after it, the creation never was.
        log.warn("{}: {}; its creation was never acknowledged, skipped", dir, e.getMessage());
        return Optional.empty();
      }
      throw e;
    }
    List<byte[]> after = new ArrayList<>();
    long torn = 0;
    long lastSeq = 0;
    long lastBytes = 0;
    int from = firstSegmentHolding(segments, newest + 1);
    // Segments before the one holding the snapshot's next seq are history only; their last seq
    // is the next segment's first minus one.
    if (from > 0) {
      lastSeq = segments.get(from) - 1;
    }
    for (int i = Math.max(from, 0); i < segments.size(); i++) {
      boolean last = i == segments.size() - 1;
      Path file = segment(dir, segments.get(i));
      byte[] bytes = storage.read(file);
      Records.Scan scan = Records.scan(file.toString(), bytes);
      if (scan.tornReason().isPresent()) {
        if (!last) {
          throw new CorruptJournalException(
              file.toString(),
              scan.validBytes(),
              scan.tornReason().get() + " in a segment that is not the last");
        }
        torn = cutTornTail(storage, dir, file, bytes, scan);
      }
      long offset = 0;
      for (byte[] payload : scan.payloads()) {
        SessionJournal.Stored r = Records.unframeRecord(file.toString(), offset, payload);
        if (r.firstSeq() != lastSeq + 1 || (offset == 0 && r.firstSeq() != segments.get(i))) {
          throw new CorruptJournalException(
              file.toString(),
              offset,
              "record of seqs "
                  + r.firstSeq()
                  + ".."
                  + r.lastSeq()
                  + " does not follow seq "
                  + lastSeq
                  + " in a segment named for seq "
                  + segments.get(i));
        }
        if (r.lastSeq() > newest) {
          if (r.firstSeq() <= newest && r.lastSeq() >= r.firstSeq()) {
            throw new CorruptJournalException(
                file.toString(),
                offset,
                "record of seqs "
                    + r.firstSeq()
                    + ".."
                    + r.lastSeq()
                    + " straddles the snapshot of seq "
                    + newest);
          }
          after.add(r.payload());
        }
        lastSeq = r.lastSeq();
        offset += Records.HEADER_BYTES + payload.length;
      }
      if (last) {
        lastBytes = scan.validBytes();
      }
    }
    if (lastSeq < newest) {
      throw new CorruptJournalException(
          stateFile.toString(),
          0,
          "the snapshot is of seq " + newest + " but the records end at seq " + lastSeq);
    }
    long segmentFirst = segments.isEmpty() ? 0 : segments.get(segments.size() - 1);
    return Optional.of(
        new Recovered(dir, newest, snapshot, after, torn, lastSeq, segmentFirst, lastBytes));
  }

  /** Whether the first segment begins with a whole record. */
  private static boolean holdsARecord(Storage storage, Path dir, List<Long> segments)
      throws IOException {
    return !segments.isEmpty()
        && Records.validFrameAt(storage.read(segment(dir, segments.get(0))), 0) >= 0;
  }

  private static long cutTornTail(
      Storage storage, Path dir, Path file, byte[] bytes, Records.Scan scan) throws IOException {
    int end = bytes.length;
    while (end > scan.validBytes() && bytes[end - 1] == 0) {
      end--; // the zeros the segment was extended with are not part of the torn write
    }
    long torn = end - scan.validBytes();
    Path kept = dir.resolve(file.getFileName() + ".torn-" + scan.validBytes());
    try (Storage.AppendFile copy = storage.openForAppend(kept)) {
      byte[] cut = new byte[(int) torn];
      System.arraycopy(bytes, (int) scan.validBytes(), cut, 0, cut.length);
      copy.write(cut);
      copy.force();
    }
    storage.truncate(file, scan.validBytes());
    storage.syncDirectory(dir);
    log.warn(
        "torn last record in {} at offset {} ({}): cut {} bytes, kept in {}",
        file,
        scan.validBytes(),
        scan.tornReason().get(),
        torn,
        kept);
    return torn;
  }

  /** The first seqs of the segments in {@code names}, ascending. */
  static List<Long> segments(List<String> names) {
    List<Long> firsts = new ArrayList<>();
    for (String name : names) {
      Matcher m = SEGMENT.matcher(name);
      if (m.matches()) {
        firsts.add(Long.parseLong(m.group(1)));
      }
    }
    firsts.sort(null);
    return firsts;
  }

  /** The index of the last segment starting at or before {@code seq}, 0 if all start after it, -1 if none. */
  private static int firstSegmentHolding(List<Long> segments, long seq) {
    if (segments.isEmpty()) {
      return -1;
    }
    int found = 0;
    for (int i = 0; i < segments.size(); i++) {
      if (segments.get(i) <= seq) {
        found = i;
      }
    }
    return found;
  }

  /**
   * The records holding seqs from {@code fromSeq} on, up to {@code durableSeq}, in order,
   * until about {@code maxBytes} of payload (at least one if any). Reads the segment that holds
   * {@code fromSeq} and the ones after it as needed; a torn or half-written end of the last one
   * ends the read (it was never acknowledged).
   */
  static List<SessionJournal.Stored> read(
      Storage storage, Path dir, long fromSeq, int maxBytes, long durableSeq) throws IOException {
    List<SessionJournal.Stored> found = new ArrayList<>();
    if (fromSeq > durableSeq) {
      return found;
    }
    List<Long> segments = segments(storage.list(dir));
    long read = 0;
    for (int i = Math.max(firstSegmentHolding(segments, fromSeq), 0); i < segments.size(); i++) {
      Path file = segment(dir, segments.get(i));
      byte[] bytes = storage.read(file);
      Records.Scan scan = Records.scan(file.toString(), bytes);
      long offset = 0;
      for (byte[] payload : scan.payloads()) {
        SessionJournal.Stored r = Records.unframeRecord(file.toString(), offset, payload);
        offset += Records.HEADER_BYTES + payload.length;
        if (r.firstSeq() > durableSeq) {
          return found;
        }
        if (r.lastSeq() >= fromSeq) {
          found.add(r);
          read += r.payload().length;
          if (read >= maxBytes) {
            return found;
          }
        }
      }
    }
    return found;
  }
}
