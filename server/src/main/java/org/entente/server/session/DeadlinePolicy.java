package org.entente.server.session;

import java.time.Duration;
import java.util.Optional;

/** A fixed time per turn, or turns advanced by the game master (empty). */
public record DeadlinePolicy(Optional<Duration> perTurn) {

  public static final Duration MIN = Duration.ofSeconds(10);
  public static final Duration MAX = Duration.ofDays(1);

  public static DeadlinePolicy gameMasterAdvanced() {
    return new DeadlinePolicy(Optional.empty());
  }

  public static DeadlinePolicy fixed(Duration perTurn) {
    return new DeadlinePolicy(Optional.of(perTurn));
  }
}
