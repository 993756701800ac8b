package org.entente.server.journal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * {@link SessionJournal#memory}: records in memory, the newest {@code maxBytes} of them kept.
 * Appends and snapshots complete at once (nothing survives a restart). Thread-safe: the
 * session appends, readers may be anywhere.
 */
final class MemoryJournal implements SessionJournal {
  private final long maxBytes;
  private final ArrayDeque<Stored> records = new ArrayDeque<>();
  private long bytes;
  private long lastSeq;

  MemoryJournal(long maxBytes) {
    if (maxBytes <= 0) {
      throw new IllegalArgumentException("maxBytes must be positive");
    }
    this.maxBytes = maxBytes;
  }

  @Override
  public synchronized CompletableFuture<Void> append(long firstSeq, long last, byte[] record) {
    if (firstSeq != lastSeq + 1 || last < firstSeq) {
      return CompletableFuture.failedFuture(
          new IllegalArgumentException(
              "record of seqs " + firstSeq + ".." + last + " after seq " + lastSeq));
    }
    records.addLast(new Stored(firstSeq, last, record));
    bytes += record.length;
    lastSeq = last;
    while (bytes > maxBytes && records.size() > 1) {
      bytes -= records.removeFirst().payload().length;
    }
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public CompletableFuture<Void> snapshot(long seq, byte[] state) {
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public synchronized List<Stored> read(long fromSeq, int maxBytes) {
    List<Stored> found = new ArrayList<>();
    long read = 0;
    Iterator<Stored> it = records.iterator();
    while (it.hasNext() && (found.isEmpty() || read < maxBytes)) {
      Stored r = it.next();
      if (r.lastSeq() >= fromSeq) {
        found.add(r);
        read += r.payload().length;
      }
    }
    return found;
  }
}
