package org.entente.client;

import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.entente.proto.protocol.v1.Event;

/**
 * The session's listeners and the one thread they are called on. Everything is queued: a
 * caller that queues under its lock keeps the listeners' order the order of arrival.
 */
final class Listeners {
  private final List<ClientSession.Listener> all = new CopyOnWriteArrayList<>();
  private final ExecutorService thread =
      Executors.newSingleThreadExecutor(new DefaultThreadFactory("entente-ui", true));

  void add(ClientSession.Listener l) {
    all.add(l);
  }

  void event(Event e, boolean catchUp) {
    thread.execute(() -> all.forEach(l -> l.event(e, catchUp)));
  }

  void notice(String text, boolean problem) {
    thread.execute(() -> all.forEach(l -> l.notice(text, problem)));
  }

  void viewChanged() {
    thread.execute(() -> all.forEach(ClientSession.Listener::viewChanged));
  }

  /** Runs {@code r} on the listeners' thread, after everything queued before it. */
  void run(Runnable r) {
    thread.execute(r);
  }

  /** Waits until the listeners have heard everything queued so far. */
  void drain() {
    try {
      thread.submit(() -> {}).get(5, TimeUnit.SECONDS);
    } catch (Exception e) {
      // A listener stuck for 5 s is a bug elsewhere; draining is best effort.
    }
  }

  void shutdown() {
    drain();
    thread.shutdown();
  }
}
