package org.entente.server.connection;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.entente.proto.protocol.v1.ClientMessage;
import org.entente.proto.protocol.v1.ErrorCode;
import org.entente.proto.protocol.v1.JoinSession;
import org.entente.proto.protocol.v1.Resume;
import org.entente.proto.protocol.v1.ServerMessage;
import org.entente.server.lobby.JoinAttempts;
import org.entente.server.testing.EmbeddedHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The wrong-join-code limiter lets a class behind one address in and its students back to
 * their seats, and tells a blocked address nothing through resume. (Every embedded client
 * has the same address: one school behind one NAT.)
 */
class JoinLimiterTest {
  private static final String BLOCKED =
      "Too many wrong join codes from this address; try again in 60 s.";
  private final EmbeddedHarness harness = new EmbeddedHarness();
  private final EmbeddedHarness.Client gm = harness.gameMaster(3);
  private final String wrong = gm.joinCode.equals("ZZZ-ZZZ") ? "YYY-YYY" : "ZZZ-ZZZ";

  @AfterEach
  void releaseBuffers() {
    harness.close();
  }

  private static ClientMessage.Builder join(String code, String name) {
    return ClientMessage.newBuilder()
        .setJoinSession(
            JoinSession.newBuilder().setJoinCode(code).setDisplayName(name).setCountry("ARM"));
  }

  private static ClientMessage.Builder resume(String code, String token) {
    return ClientMessage.newBuilder()
        .setResume(Resume.newBuilder().setJoinCode(code).setToken(token));
  }

  private void guessWrong(int times) {
    for (int i = 0; i < times; i++) {
      EmbeddedHarness.Client guesser = harness.helloClient();
      assertThat(guesser.request(join(wrong, "Eve")).getError().getCode())
          .isEqualTo(ErrorCode.UNKNOWN_SESSION);
    }
  }

  @Test
  void aResumeWithAValidTokenIsNeverRefusedByTheLimiter() {
    EmbeddedHarness.Client ani = harness.player(gm.joinCode, "Ani", "ARM");
    guessWrong(JoinAttempts.LIMIT + JoinAttempts.BONUS_PER_JOIN);
    assertThat(harness.helloClient().request(join(gm.joinCode, "Eve")).getError().getCode())
        .isEqualTo(ErrorCode.TOO_MANY_ATTEMPTS);

    ServerMessage resumed = harness.helloClient().request(resume(gm.joinCode, ani.token));
    assertThat(resumed.hasResumed()).as(resumed.toString()).isTrue();
    assertThat(resumed.getResumed().getSeatId()).isEqualTo(ani.seatId);
  }

  @Test
  void aBlockedAddressGetsTheSameAnswerForAWrongTokenAnUnknownCodeAndAJoin() {
    String someoneElses = harness.player(gm.joinCode, "Ani", "ARM").token;
    guessWrong(JoinAttempts.LIMIT + JoinAttempts.BONUS_PER_JOIN);
    String notASeat =
        someoneElses.startsWith("a")
            ? "b" + someoneElses.substring(1)
            : "a" + someoneElses.substring(1);

    for (ClientMessage.Builder probe :
        new ClientMessage.Builder[] {
          join(gm.joinCode, "Eve"), resume(gm.joinCode, notASeat), resume(wrong, someoneElses)
        }) {
      EmbeddedHarness.Client prober = harness.helloClient();
      ServerMessage answer = prober.request(probe);
      assertThat(answer.getError().getCode())
          .as(probe.toString())
          .isEqualTo(ErrorCode.TOO_MANY_ATTEMPTS);
      assertThat(answer.getError().getMessage()).isEqualTo(BLOCKED);
      prober.channel.runPendingTasks();
      assertThat(prober.channel.isOpen()).as(probe.toString()).isFalse();
    }
  }

  @Test
  void anUnblockedAddressStillHearsThatATokenIsWrong() {
    ServerMessage answer = harness.helloClient().request(resume(gm.joinCode, "a".repeat(26)));
    assertThat(answer.getError().getCode()).isEqualTo(ErrorCode.INVALID_TOKEN);
  }

  @Test
  void eachSuccessfulJoinAllowsFiveMoreWrongCodes() {
    harness.player(gm.joinCode, "Ani", "ARM");
    harness.player(gm.joinCode, "Aram", "ARM");
    guessWrong(JoinAttempts.LIMIT + 2 * JoinAttempts.BONUS_PER_JOIN - 1);
    assertThat(harness.helloClient().request(join(gm.joinCode, "Anahit")).hasJoined()).isTrue();

    guessWrong(JoinAttempts.BONUS_PER_JOIN + 1); // the third join's five, then one too many
    assertThat(harness.helloClient().request(join(gm.joinCode, "Eve")).getError().getCode())
        .isEqualTo(ErrorCode.TOO_MANY_ATTEMPTS);
  }

  @Test
  void theAllowanceFromJoinsIsCapped() {
    JoinAttempts attempts = new JoinAttempts(harness.clock);
    for (int i = 0; i < 1_000; i++) {
      attempts.joined("10.0.0.1");
    }
    for (int i = 0; i < JoinAttempts.LIMIT + JoinAttempts.MAX_BONUS; i++) {
      assertThat(attempts.blocked("10.0.0.1")).isFalse();
      attempts.failed("10.0.0.1");
    }
    assertThat(attempts.blocked("10.0.0.1")).isTrue();
  }

  @Test
  void failuresAndLockoutsAreLoggedByAddressWithoutTheCodesAndAtMostThirtyLinesAMinute() {
    Logger logger = (Logger) LoggerFactory.getLogger(JoinAttempts.class);
    ListAppender<ILoggingEvent> lines = new ListAppender<>();
    lines.start();
    logger.addAppender(lines);
    ch.qos.logback.classic.Level level = logger.getLevel();
    logger.setLevel(ch.qos.logback.classic.Level.INFO);
    try {
      guessWrong(JoinAttempts.LIMIT);
      assertThat(lines.list)
          .extracting(ILoggingEvent::getFormattedMessage)
          .containsExactly(
              "wrong join code from embedded",
              "embedded is blocked from joining for the rest of the minute after 20 wrong join codes");
      assertThat(lines.list.get(1).getLevel().toString()).isEqualTo("WARN");
      assertThat(lines.list)
          .extracting(ILoggingEvent::getFormattedMessage)
          .allSatisfy(line -> assertThat(line).doesNotContain(wrong));

      JoinAttempts many = new JoinAttempts(harness.clock);
      for (int host = 0; host < 100; host++) {
        many.failed("10.0.0." + host);
      }
      assertThat(lines.list).hasSize(2 + JoinAttempts.LOG_LINES_PER_WINDOW);
    } finally {
      logger.detachAppender(lines);
      logger.setLevel(level);
    }
  }
}
