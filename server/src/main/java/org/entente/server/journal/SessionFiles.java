package org.entente.server.journal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The files of one session, {@code DATA/sessions/<id>/}: {@code snapshot-<turn>.bin} and
 * the {@code journal-<turn>.log} written after it. Reading them back is recovery.
 */
public final class SessionFiles {
  private static final Logger log = LoggerFactory.getLogger(SessionFiles.class);
  private static final Pattern SNAPSHOT = Pattern.compile("snapshot-(\\d+)\\.bin");
  private static final Pattern JOURNAL = Pattern.compile("journal-(\\d+)\\.log");

  private SessionFiles() {}

  public static Path sessionsDir(Path dataDir) {
    return dataDir.resolve("sessions");
  }

  public static Path endedDir(Path dataDir) {
    return dataDir.resolve("ended");
  }

  static Path snapshot(Path sessionDir, int turn) {
    return sessionDir.resolve("snapshot-" + turn + ".bin");
  }

  static Path journal(Path sessionDir, int turn) {
    return sessionDir.resolve("journal-" + turn + ".log");
  }

  /**
   * What recovery found: the newest snapshot's payload and the records of the journal after
   * it, in order; {@code tornBytes} were cut from the journal's end (kept in a .torn file).
   */
  public record Recovered(
      Path dir, int turn, byte[] snapshot, List<byte[]> records, long tornBytes) {}

  /**
   * Reads a session directory: the newest snapshot and its journal. A torn last record is
   * cut (a copy of the cut bytes is kept as {@code journal-<turn>.log.torn-<offset>}) and
   * logged; leftovers of an interrupted snapshot are removed.
   *
   * @return empty if the directory holds no snapshot (a session whose creation never
   *     completed: nothing in it was acknowledged)
   * @throws CorruptJournalException on damage anywhere but the last record
   */
  public static Optional<Recovered> recover(Storage storage, Path dir) throws IOException {
    List<String> names = storage.list(dir);
    OptionalInt newest =
        names.stream()
            .map(SNAPSHOT::matcher)
            .filter(Matcher::matches)
            .mapToInt(m -> Integer.parseInt(m.group(1)))
            .max();
    for (String name : names) {
      if (name.endsWith(".tmp")) {
        storage.delete(dir.resolve(name));
      }
    }
    if (newest.isEmpty()) {
      return Optional.empty();
    }
    int turn = newest.getAsInt();
    Path snapshotFile = snapshot(dir, turn);
    byte[] snapshot = Records.single(snapshotFile.toString(), storage.read(snapshotFile));
    for (String name : names) {
      Matcher s = SNAPSHOT.matcher(name);
      Matcher j = JOURNAL.matcher(name);
      if ((s.matches() && Integer.parseInt(s.group(1)) < turn)
          || (j.matches() && Integer.parseInt(j.group(1)) < turn)) {
        storage.delete(dir.resolve(name)); // superseded by the newest snapshot
      }
    }
    Path journalFile = journal(dir, turn);
    if (!storage.exists(journalFile)) {
      return Optional.of(new Recovered(dir, turn, snapshot, List.of(), 0));
    }
    byte[] bytes = storage.read(journalFile);
    Records.Scan scan = Records.scan(journalFile.toString(), bytes);
    long torn = bytes.length - scan.validBytes();
    if (scan.tornReason().isPresent()) {
      Path kept = dir.resolve(journalFile.getFileName() + ".torn-" + scan.validBytes());
      try (Storage.AppendFile copy = storage.openForAppend(kept)) {
        byte[] cut = new byte[(int) torn];
        System.arraycopy(bytes, (int) scan.validBytes(), cut, 0, cut.length);
        copy.write(cut);
        copy.force();
      }
      storage.truncate(journalFile, scan.validBytes());
      storage.syncDirectory(dir);
      log.warn(
          "torn last record in {} at offset {} ({}): cut {} bytes, kept in {}",
          journalFile,
          scan.validBytes(),
          scan.tornReason().get(),
          torn,
          kept);
    }
    return Optional.of(new Recovered(dir, turn, snapshot, scan.payloads(), torn));
  }
}
