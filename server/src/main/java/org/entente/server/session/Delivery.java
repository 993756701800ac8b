package org.entente.server.session;

import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.entente.proto.protocol.v1.ServerMessage;

/**
 * Sends each connected seat the durable events it has not been sent, projected for it, in
 * order, while its connection takes writes: a slow reader holds back only itself, and picks
 * up where it stopped when it drains. Session-thread only.
 */
final class Delivery {
  /** Events sent to one connection per delivery pass; the rest waits for the next task. */
  static final int BATCH = 256;

  private final SessionState state;
  private final SessionThread thread;
  private final LongSupplier durableSeq;

  /** Runs a task on the session's thread. */
  private final Consumer<Runnable> onSessionThread;

  Delivery(
      SessionState state,
      SessionThread thread,
      LongSupplier durableSeq,
      Consumer<Runnable> onSessionThread) {
    this.state = state;
    this.thread = thread;
    this.durableSeq = durableSeq;
    this.onSessionThread = onSessionThread;
  }

  void deliverAll() {
    for (Seat seat : state.seats()) {
      deliver(seat);
    }
  }

  void deliver(Seat seat) {
    thread.check("delivering events");
    long durable = durableSeq.getAsLong();
    int sent = 0;
    while (seat.link != null
        && seat.lastSentSeq < durable
        && sent < BATCH
        && seat.link.isWritable()) {
      long seq = ++seat.lastSentSeq;
      SessionLink link = seat.link;
      Views.project(seq, state.log.get(seq), seat.viewer())
          .ifPresent(event -> link.send(ServerMessage.newBuilder().setEvent(event).build()));
      sent++;
    }
    if (sent == BATCH && seat.link != null && seat.link.isWritable()) {
      onSessionThread.accept(() -> deliver(seat));
    }
  }
}
