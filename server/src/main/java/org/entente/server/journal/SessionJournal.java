package org.entente.server.journal;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One session's storage, the whole contract between a session and where it is kept
 * (docs/design.md, "Storage"): append-only records of events numbered by sequence, a
 * snapshot of the session's state, and the history read back by sequence number. The files
 * of {@link JournalWriter} are the default; a database-backed journal implements the same.
 *
 * <p>Records are appended in sequence order, each holding the events {@code firstSeq} to
 * {@code lastSeq} right after the previous record's; they are made durable in that order, and
 * each future completes once its record is, or fails if it could not be, after which every
 * later append fails too. Records are never rewritten: they are the session's history.
 */
public interface SessionJournal {

  /** Appends one record (an unframed payload) holding the events {@code firstSeq..lastSeq}. */
  CompletableFuture<Void> append(long firstSeq, long lastSeq, byte[] record);

  /**
   * Keeps {@code state}, the session with every event up to {@code lastSeq} applied, as the
   * snapshot recovery starts from (it replaces the previous one once durable: written to a
   * temporary file, forced, renamed, the directory synced). Completes when it is durable.
   */
  CompletableFuture<Void> snapshot(long lastSeq, byte[] state);

  /**
   * Durable records in sequence order, from the one holding {@code fromSeq} (or the first
   * after it), until about {@code maxBytes} of payload: at least one record if any is kept,
   * none once the history ends. A journal that keeps a bounded history ({@link #memory})
   * may start after {@code fromSeq}. May be called from any thread; reads only what was
   * acknowledged (the caller asks for seqs it knows are durable).
   */
  List<Stored> read(long fromSeq, int maxBytes) throws IOException;

  /** Nobody is using the session for now: its open files may be closed (reopened on demand). */
  default void release() {}

  /** A record as kept: the events it holds, and its payload. */
  record Stored(long firstSeq, long lastSeq, byte[] payload) {}

  /**
   * A journal kept in memory only (a server without a data directory): every append completes
   * at once, and the history holds the newest {@code maxBytes} of records, the older ones
   * dropped.
   */
  static SessionJournal memory(long maxBytes) {
    return new MemoryJournal(maxBytes);
  }

  /** The history a server without a data directory keeps per session. */
  long MEMORY_HISTORY_BYTES = 4L * 1024 * 1024;
}
