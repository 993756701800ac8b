package org.entente.server.session;

import java.io.IOException;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.entente.proto.protocol.v1.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends each connected seat the durable events it has not been sent, projected for it, in
 * order, while its connection takes writes: a slow reader holds back only itself, and picks
 * up where it stopped when it drains. A seat that keeps up is fed from the history's tail in
 * memory; one further behind, in batches read back from the journal. Session-thread only.
 */
final class Delivery {
  private static final Logger log = LoggerFactory.getLogger(Delivery.class);

  /** Events sent to one connection per delivery pass; the rest waits for the next task. */
  static final int BATCH = 256;

  private final SessionState state;
  private final History history;
  private final SessionThread thread;
  private final LongSupplier durableSeq;

  /** Runs a task on the session's thread. */
  private final Consumer<Runnable> onSessionThread;

  Delivery(
      SessionState state,
      History history,
      SessionThread thread,
      LongSupplier durableSeq,
      Consumer<Runnable> onSessionThread) {
    this.state = state;
    this.history = history;
    this.thread = thread;
    this.durableSeq = durableSeq;
    this.onSessionThread = onSessionThread;
  }

  /** Every seat, each event's views made once for all of them. */
  void deliverAll() {
    PassViews views = new PassViews();
    for (Seat seat : state.seats()) {
      deliver(seat, views);
    }
  }

  void deliver(Seat seat) {
    deliver(seat, new PassViews());
  }

  private void deliver(Seat seat, PassViews views) {
    thread.check("delivering events");
    long durable = durableSeq.getAsLong();
    if (seat.link == null || seat.lastSentSeq >= durable || !seat.link.isWritable()) {
      return;
    }
    SessionLink link = seat.link;
    List<History.Numbered> batch;
    try {
      batch = history.read(seat.lastSentSeq + 1, durable, BATCH);
    } catch (IOException e) {
      log.warn(
          "session {}: could not read events after {} back for seat {} ({}); its connection is closed",
          state.sessionId,
          seat.lastSentSeq,
          seat.id,
          e.toString());
      seat.lastSentSeq = durable;
      link.close(
          Wire.error(
              0,
              ErrorCode.STORAGE_UNAVAILABLE,
              "The server could not read this session's history back to send what you missed; "
                  + "reconnect to try again."));
      return;
    }
    int sent = 0;
    for (History.Numbered n : batch) {
      if (!link.isWritable()) {
        return;
      }
      seat.lastSentSeq = n.seq();
      views.of(n, seat.viewer()).ifPresent(link::send);
      sent++;
    }
    if (batch.isEmpty()) {
      seat.lastSentSeq = durable; // the journal keeps nothing older (a bounded one in memory)
    }
    if (sent == BATCH && seat.link == link && link.isWritable()) {
      onSessionThread.accept(() -> deliver(seat));
    }
  }
}
