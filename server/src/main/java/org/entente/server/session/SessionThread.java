package org.entente.server.session;

/**
 * Which thread a session's state belongs to: the one running the session's current task.
 * A session runs on a serial executor over a shared pool, so that thread changes from task
 * to task; recording it while a task runs lets every mutation check it is on it. The check
 * throws rather than asserts, so it holds in production too: a change made off the session's
 * thread is a bug that would otherwise corrupt the state silently.
 */
final class SessionThread {
  private final String sessionId;

  /** The thread running one of this session's tasks, or null between tasks. */
  private volatile Thread owner;

  SessionThread(String sessionId) {
    this.sessionId = sessionId;
  }

  /**
   * Runs {@code task} as the session's owner. A task may run another inline (a direct
   * executor, as in tests), so the previous owner, the same thread then, is restored after.
   */
  void run(Runnable task) {
    Thread previous = owner;
    owner = Thread.currentThread();
    try {
      task.run();
    } finally {
      owner = previous;
    }
  }

  /**
   * Throws unless the calling thread runs one of this session's tasks.
   *
   * @throws IllegalStateException when called from any other thread, or between tasks
   */
  void check(String what) {
    if (owner != Thread.currentThread()) {
      throw new IllegalStateException(
          "session "
              + sessionId
              + ": "
              + what
              + " on thread "
              + Thread.currentThread().getName()
              + ", which is not running the session's task");
    }
  }
}
