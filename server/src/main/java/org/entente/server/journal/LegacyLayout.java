package org.entente.server.journal;

import com.google.protobuf.InvalidProtocolBufferException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.entente.proto.journal.v1.JournalRecord;
import org.entente.proto.journal.v1.Snapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Converts a session directory written by Entente 0.x ({@code snapshot-<turn>.bin} holding the
 * whole history, then {@code journal-<turn>.log}) to segments and a snapshot of seq 0 (the
 * header alone: recovery replays every record once, and the next turn's snapshot holds the
 * state). The new files are durable before the old ones go, and the old snapshot goes first:
 * an interrupted conversion is done again from the start at the next start.
 */
final class LegacyLayout {
  private static final Logger log = LoggerFactory.getLogger(LegacyLayout.class);
  private static final Pattern SNAPSHOT = Pattern.compile("snapshot-(\\d+)\\.bin");
  private static final Pattern JOURNAL = Pattern.compile("journal-(\\d+)\\.log");

  private LegacyLayout() {}

  /** Converts {@code dir} if it is in the old layout; does nothing otherwise. */
  static void convert(Storage storage, Path dir) throws IOException {
    List<String> names = storage.list(dir);
    int newest = -1;
    for (String name : names) {
      Matcher m = SNAPSHOT.matcher(name);
      if (m.matches()) {
        newest = Math.max(newest, Integer.parseInt(m.group(1)));
      }
    }
    if (newest < 0) {
      return;
    }
    for (String name : names) {
      if (name.startsWith("events-") || name.startsWith("state-") || name.endsWith(".tmp")) {
        storage.delete(dir.resolve(name)); // an interrupted conversion: done again
      }
    }
    Path snapshotFile = dir.resolve("snapshot-" + newest + ".bin");
    Snapshot old =
        parse(
            snapshotFile,
            () ->
                Snapshot.parseFrom(
                    Records.single(snapshotFile.toString(), storage.read(snapshotFile))));
    List<JournalRecord> records = new ArrayList<>(old.getRecordsList());
    Path journalFile = dir.resolve("journal-" + newest + ".log");
    if (storage.exists(journalFile)) {
      byte[] bytes = storage.read(journalFile);
      Records.Scan scan = Records.scan(journalFile.toString(), bytes);
      if (scan.tornReason().isPresent()) {
        log.warn(
            "{}: torn last record at offset {} ({}) left out of the conversion",
            journalFile,
            scan.validBytes(),
            scan.tornReason().get());
      }
      for (byte[] payload : scan.payloads()) {
        records.add(parse(journalFile, () -> JournalRecord.parseFrom(payload)));
      }
    }
    long last = 0;
    long segmentFirst = 1;
    ByteArrayOutputStream segment = new ByteArrayOutputStream();
    for (JournalRecord r : records) {
      long first = last + 1;
      if (r.getEventsCount() > 0 && r.getFirstSeq() != first) {
        throw new CorruptJournalException(
            snapshotFile.toString(),
            0,
            "a 0.x record starts at seq "
                + r.getFirstSeq()
                + " but "
                + last
                + " events precede it");
      }
      last = first + r.getEventsCount() - 1;
      segment.writeBytes(Records.frameRecord(first, last, r.toByteArray()));
      if (segment.size() >= SessionFiles.SEGMENT_BYTES) {
        writeDurably(storage, SessionFiles.segment(dir, segmentFirst), segment.toByteArray());
        segment.reset();
        segmentFirst = last + 1;
      }
    }
    if (segment.size() > 0) {
      writeDurably(storage, SessionFiles.segment(dir, segmentFirst), segment.toByteArray());
    }
    byte[] header = Snapshot.newBuilder().setHeader(old.getHeader()).build().toByteArray();
    writeDurably(storage, SessionFiles.state(dir, 0), Records.frame(header));
    storage.syncDirectory(dir);
    for (String name : names) {
      if (SNAPSHOT.matcher(name).matches()) {
        storage.delete(dir.resolve(name));
      }
    }
    storage.syncDirectory(dir);
    for (String name : names) {
      if (JOURNAL.matcher(name).matches()) {
        storage.delete(dir.resolve(name));
      }
    }
    storage.syncDirectory(dir);
    log.info(
        "{}: converted from the 0.x layout ({} records, {} events); the history is kept",
        dir,
        records.size(),
        last);
  }

  private static void writeDurably(Storage storage, Path file, byte[] bytes) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    try (Storage.AppendFile out = storage.openForAppend(tmp)) {
      out.write(bytes);
      out.force();
    }
    storage.rename(tmp, file);
  }

  private interface Parse<T> {
    T parse() throws IOException;
  }

  private static <T> T parse(Path file, Parse<T> parse) throws IOException {
    try {
      return parse.parse();
    } catch (InvalidProtocolBufferException e) {
      throw new CorruptJournalException(file.toString(), 0, "not a 0.x record: " + e.getMessage());
    }
  }
}
