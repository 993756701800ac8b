package org.entente.server.session;

import java.time.Duration;

/** Runs a task after a delay; the task must hop to the session's thread itself. */
public interface Scheduler {

  Cancellable schedule(Duration delay, Runnable task);

  interface Cancellable {
    void cancel();
  }
}
