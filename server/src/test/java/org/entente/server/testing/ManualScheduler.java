package org.entente.server.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.entente.server.session.Scheduler;

/** A scheduler that runs tasks only when the test says so. */
public final class ManualScheduler implements Scheduler {
  private final List<Task> tasks = new ArrayList<>();

  public record Task(Duration delay, Runnable run, boolean[] cancelled) {}

  @Override
  public synchronized Cancellable schedule(Duration delay, Runnable task) {
    Task t = new Task(delay, task, new boolean[1]);
    tasks.add(t);
    return () -> t.cancelled()[0] = true;
  }

  /** Tasks scheduled and not cancelled. */
  public synchronized List<Task> live() {
    return tasks.stream().filter(t -> !t.cancelled()[0]).toList();
  }

  /** Runs every live task once (as if their delays had passed). */
  public void fireAll() {
    List<Task> due;
    synchronized (this) {
      due = live();
      tasks.clear();
    }
    due.forEach(t -> t.run().run());
  }
}
