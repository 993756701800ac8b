package org.entente.server.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.util.concurrent.MoreExecutors;
import java.security.SecureRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.entente.proto.protocol.v1.Channel;
import org.entente.proto.scenario.v1.Press;
import org.entente.server.testing.FakeRules;
import org.entente.server.testing.ManualScheduler;
import org.entente.server.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A session's state changes only on the session's thread; a change from anywhere else throws, in production too. */
class SessionThreadTest {
  private final ExecutorService pool = Executors.newFixedThreadPool(2);

  @AfterEach
  void stopThePool() {
    pool.shutdownNow();
  }

  private GameSession session(java.util.concurrent.Executor executor) {
    return GameSession.open(
        new GameSession.Setup(
            "s1", "ABCDEF", new FakeRules(), 3, Press.FULL, DeadlinePolicy.gameMasterAdvanced(), 1),
        executor,
        new ManualScheduler(),
        new MutableClock(0),
        new Tokens(new SecureRandom()),
        () -> {});
  }

  private static SessionEvent announcement(String text) {
    return new SessionEvent.MessagePosted(
        new ChatMessage(Channel.ANNOUNCEMENT, "", "GM", "", text, 0, 0));
  }

  @Test
  void aCommitOffTheSessionsThreadThrowsAndChangesNothing() {
    GameSession session = session(MoreExecutors.newSequentialExecutor(pool));
    assertThatThrownBy(() -> session.commit(announcement("from the test thread")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(
            "session s1: committing MessagePosted on thread " + Thread.currentThread().getName());
    assertThat(session.state.lastSeq()).isZero();
  }

  @Test
  void aCommitInsideTheSessionsTaskIsAccepted() throws Exception {
    GameSession session = session(MoreExecutors.newSequentialExecutor(pool));
    CompletableFuture<Long> seq = new CompletableFuture<>();
    session.execute(() -> seq.complete(session.commit(announcement("on the session's thread"))));
    assertThat(seq.get(10, TimeUnit.SECONDS)).isEqualTo(1);
  }

  @Test
  void everyMutationEntryPointChecksTheThread() {
    GameSession session = session(MoreExecutors.newSequentialExecutor(pool));
    assertThatThrownBy(() -> session.turns.start()).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> session.seating.detach(1, new BackpressureTest.FakeLink()))
        .isInstanceOf(IllegalStateException.class);
    assertThat(session.state.phase).isEqualTo(Phase.WAITING);
  }

  @Test
  void withADirectExecutorTheCallerOwnsTheSessionOnlyWhileATaskRuns() {
    GameSession session = session(MoreExecutors.directExecutor());
    session.execute(() -> session.commit(announcement("inside a task")));
    assertThat(session.state.lastSeq()).isEqualTo(1);
    assertThatThrownBy(() -> session.commit(announcement("after it")))
        .isInstanceOf(IllegalStateException.class);
    assertThat(session.state.lastSeq()).isEqualTo(1);
  }
}
