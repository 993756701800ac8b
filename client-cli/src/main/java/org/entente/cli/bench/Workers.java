package org.entente.cli.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs {@code count} blocking tasks (connect, hello, join...) with at most {@code width} at
 * once, each on a thread of its own, until they are done or a deadline passes: the tasks not
 * begun by then are skipped and counted.
 */
final class Workers {
  /** One task, given its index. */
  interface Task {
    void run(int index) throws Exception;
  }

  /** What a run did: tasks done, the failures, and the tasks skipped at the deadline. */
  record Outcome(int done, List<Exception> failures, int skipped) {}

  private Workers() {}

  static Outcome run(int width, int count, long deadlineNanos, Task task)
      throws InterruptedException {
    AtomicInteger next = new AtomicInteger();
    AtomicInteger done = new AtomicInteger();
    AtomicInteger skipped = new AtomicInteger();
    List<Exception> failures = java.util.Collections.synchronizedList(new ArrayList<>());
    List<Thread> threads = new ArrayList<>();
    for (int w = 0; w < Math.min(width, count); w++) {
      Thread t =
          new Thread(
              () -> {
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                  if (System.nanoTime() > deadlineNanos) {
                    skipped.incrementAndGet();
                    continue;
                  }
                  try {
                    task.run(i);
                    done.incrementAndGet();
                  } catch (Exception e) {
                    failures.add(e);
                  }
                }
              },
              "bench-worker-" + w);
      t.setDaemon(true);
      t.start();
      threads.add(t);
    }
    for (Thread t : threads) {
      t.join();
    }
    return new Outcome(done.get(), List.copyOf(failures), skipped.get());
  }
}
