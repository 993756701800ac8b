package org.entente.server.session;

import com.google.protobuf.InvalidProtocolBufferException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.entente.proto.journal.v1.JournalEvent;
import org.entente.proto.journal.v1.JournalRecord;
import org.entente.server.journal.SessionJournal;

/**
 * A session's events by seq. In memory: every event not yet durable, and, while someone is
 * connected, a tail of the newest durable ones ({@link #DEFAULT_TAIL}) for the readers that
 * keep up; older events are read back from the journal. Once nobody is connected
 * ({@link #quiet}) it keeps no durable event at all and lets the journal close its files.
 * Session-thread only (or recovery's, before the session is reachable).
 */
final class History {
  /** Durable events kept in memory while someone is connected. */
  static final int DEFAULT_TAIL = 1024;

  /** Payload bytes asked of the journal per read. */
  static final int READ_BYTES = 256 * 1024;

  /** An event with its seq. */
  record Numbered(long seq, SessionEvent event) {}

  private final SessionJournal journal;
  private final int tail;

  /** The events {@code firstInMemory..lastSeq}, from index {@code head} on. */
  private ArrayList<SessionEvent> memory = new ArrayList<>();

  private int head;
  private long firstInMemory = 1;
  private long lastSeq;
  private long durableSeq;

  /** Nobody is connected: durable events are not kept, and the journal may close its files. */
  private boolean quiet;

  History(SessionJournal journal, int tail) {
    if (tail < 0) {
      throw new IllegalArgumentException("tail must not be negative");
    }
    this.journal = journal;
    this.tail = tail;
  }

  /** A session restored from a snapshot of {@code seq}: every event up to it is in the journal. */
  void startAfter(long seq) {
    if (lastSeq != 0) {
      throw new IllegalStateException("the history already holds events");
    }
    lastSeq = seq;
    durableSeq = seq;
    firstInMemory = seq + 1;
  }

  /** Appends the event {@code seq}, which must follow the last one. */
  void append(long seq, SessionEvent event) {
    if (seq != lastSeq + 1) {
      throw new IllegalArgumentException("event " + seq + " after event " + lastSeq);
    }
    memory.add(event);
    lastSeq = seq;
  }

  long lastSeq() {
    return lastSeq;
  }

  /** Everything up to {@code seq} is in the journal: memory keeps only the tail of it. */
  void durable(long seq) {
    if (seq > durableSeq) {
      durableSeq = Math.min(seq, lastSeq);
      trim();
      if (quiet && durableSeq == lastSeq) {
        journal.release();
      }
    }
  }

  /** Nobody is connected: drops every durable event from memory and releases the journal. */
  void quiet() {
    quiet = true;
    trim();
    if (durableSeq == lastSeq) {
      journal.release();
    }
  }

  /** Someone connected: keep the tail again. */
  void inUse() {
    quiet = false;
  }

  /** Whether nobody is connected ({@link #quiet} and no {@link #inUse} since). */
  boolean isQuiet() {
    return quiet;
  }

  /** Events held in memory. */
  int inMemory() {
    return memory.size() - head;
  }

  private void trim() {
    long keep = quiet ? 0 : tail;
    while (firstInMemory <= durableSeq && durableSeq - firstInMemory + 1 > keep) {
      memory.set(head++, null);
      firstInMemory++;
    }
    if (head == memory.size() && head > 0) {
      memory = new ArrayList<>(); // none left: nor the array that held them
      head = 0;
    } else if (head > 64 && head * 2 > memory.size()) {
      memory.subList(0, head).clear();
      head = 0;
    }
  }

  /**
   * The events from {@code fromSeq} to {@code toSeq}, in order, at most {@code max} of them:
   * from memory, or read back from the journal. A journal that keeps a bounded history (one
   * in memory) may have lost the oldest: then the events returned start later than asked, or
   * there are none.
   *
   * @throws IOException if the journal could not be read
   */
  List<Numbered> read(long fromSeq, long toSeq, int max) throws IOException {
    List<Numbered> found = new ArrayList<>();
    long next = Math.max(1, fromSeq);
    long last = Math.min(toSeq, lastSeq);
    while (next < firstInMemory && next <= last && found.size() < max) {
      long upTo = Math.min(last, firstInMemory - 1);
      long reached = readJournal(next, upTo, max, found);
      if (reached < next) {
        next = firstInMemory; // the journal keeps nothing more before memory
      } else {
        next = reached + 1;
      }
    }
    for (long seq = Math.max(next, firstInMemory); seq <= last && found.size() < max; seq++) {
      found.add(new Numbered(seq, memory.get(head + (int) (seq - firstInMemory))));
    }
    return found;
  }

  /** Adds the journal's events {@code fromSeq..toSeq} to {@code found}; returns the last seq read, or fromSeq - 1 if none. */
  private long readJournal(long fromSeq, long toSeq, int max, List<Numbered> found)
      throws IOException {
    long reached = fromSeq - 1;
    for (SessionJournal.Stored stored : journal.read(fromSeq, READ_BYTES)) {
      JournalRecord record;
      try {
        record = JournalRecord.parseFrom(stored.payload());
      } catch (InvalidProtocolBufferException e) {
        throw new IOException("an unreadable record of events " + stored.firstSeq(), e);
      }
      long seq = stored.firstSeq();
      for (JournalEvent e : record.getEventsList()) {
        if (seq > toSeq || found.size() >= max) {
          return reached;
        }
        if (seq >= fromSeq) {
          found.add(new Numbered(seq, JournalCodec.decode(e)));
          reached = seq;
        }
        seq++;
      }
    }
    return reached;
  }
}
