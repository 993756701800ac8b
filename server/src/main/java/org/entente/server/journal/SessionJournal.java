package org.entente.server.journal;

import java.util.concurrent.CompletableFuture;

/**
 * One session's journal. Appends are made durable in the order they are made; each future
 * completes (on the journal's thread) once its record is on disk, or fails if it could not
 * be, after which every later append fails too.
 */
public interface SessionJournal {

  /** Appends one record (an unframed payload). */
  CompletableFuture<Void> append(byte[] record);

  /**
   * Writes a snapshot of the session at the opening of {@code turn} (safely: temporary file,
   * force, rename, directory sync) and starts a new journal file after it; records appended
   * later go to the new file. Completes when the snapshot is durable.
   */
  CompletableFuture<Void> snapshot(int turn, byte[] snapshot);

  /** A journal that keeps nothing: every append completes at once (a server without --data-dir). */
  SessionJournal NONE =
      new SessionJournal() {
        @Override
        public CompletableFuture<Void> append(byte[] record) {
          return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletableFuture<Void> snapshot(int turn, byte[] snapshot) {
          return CompletableFuture.completedFuture(null);
        }
      };
}
