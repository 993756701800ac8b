package org.entente.server.journal;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The file operations the journal needs, and nothing more, so that tests can replace the
 * disk with a model of one that loses unsynced bytes at a power failure ({@code
 * MemoryStorage} in the tests). {@link FileStorage} is the real one.
 *
 * <p>Durability contract, as on a POSIX file system: bytes written to a file survive a power
 * failure only after {@link AppendFile#force}; a created, renamed or deleted name survives
 * only after {@link #syncDirectory} of its directory.
 */
public interface Storage {

  void createDirectories(Path dir) throws IOException;

  /** The names of the entries of {@code dir}, sorted; empty if it does not exist. */
  List<String> list(Path dir) throws IOException;

  boolean isDirectory(Path path);

  boolean exists(Path file);

  byte[] read(Path file) throws IOException;

  /** Opens {@code file} for appending at its end, creating it (empty) if absent. */
  AppendFile openForAppend(Path file) throws IOException;

  /**
   * Opens {@code file} for writing from {@code position} on (over what is there: zeros a
   * segment was extended with), creating it (empty) if absent.
   */
  AppendFile openAt(Path file, long position) throws IOException;

  /**
   * Makes every byte written to {@code file} so far durable, through whichever descriptor it
   * was written (a checkpoint syncs files written and closed since).
   *
   * @throws java.nio.file.NoSuchFileException if the file is not there
   */
  void sync(Path file) throws IOException;

  /** Cuts {@code file} to {@code size} bytes and forces the change. */
  void truncate(Path file, long size) throws IOException;

  /** Renames atomically, replacing {@code to} if it exists. */
  void rename(Path from, Path to) throws IOException;

  void delete(Path file) throws IOException;

  /** Makes the directory's entries (creations, renames, deletions) durable. */
  void syncDirectory(Path dir) throws IOException;

  /**
   * Takes the lock file {@code file} for this process (created if absent) and holds it until
   * the returned handle is closed: the one owner of a data directory.
   *
   * @throws IOException if another owner holds it, saying so
   */
  Closeable lockExclusively(Path file) throws IOException;

  /** A file open for appending. */
  interface AppendFile extends Closeable {
    void write(byte[] bytes) throws IOException;

    /**
     * Extends the file with zeros to {@code size} bytes if it is shorter, without moving where
     * the next write goes: overwriting allocated space later costs an fdatasync no change of
     * the file's size (a journal commit of the file system), which appending would.
     */
    void preallocate(long size) throws IOException;

    /** Makes every byte written so far durable (fdatasync). */
    void force() throws IOException;

    long size() throws IOException;
  }
}
