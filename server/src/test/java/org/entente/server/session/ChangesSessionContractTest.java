package org.entente.server.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.entente.proto.protocol.v1.ClientMessage.BodyCase;
import org.entente.proto.protocol.v1.Role;
import org.entente.proto.protocol.v1.ServerMessage;
import org.entente.protocol.Requests;
import org.entente.server.testing.EmbeddedHarness;
import org.entente.server.testing.RequestExamples;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract's {@code changes_session} against what the server does: each request kind's
 * example, sent to a running session by a sender the contract allows, commits events to the
 * session's log exactly when the contract says the kind changes the session. Clients resend
 * exactly the declared changes after a reconnect, so a change declared as a read would be
 * lost when the connection drops before its answer (assign_bot and release_bot once were,
 * missing from the client's own list of changes). A kind added to the protocol has no
 * example until {@link RequestExamples} gives it one, and does not compile before.
 */
class ChangesSessionContractTest {
  private final EmbeddedHarness harness = new EmbeddedHarness();

  @AfterEach
  void releaseBuffers() {
    harness.close();
  }

  static Stream<BodyCase> everyKind() {
    List<BodyCase> kinds = new ArrayList<>();
    // A pong is the one request without an answer; the heartbeat consumes it
    // (ConnectionLimitsTest).
    Requests.all()
        .forEach(
            k -> {
              if (k.body() != BodyCase.PONG) {
                kinds.add(k.body());
              }
            });
    return kinds.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyKind")
  void aRequestCommitsEventsExactlyWhenTheContractSaysItChangesTheSession(BodyCase body) {
    Requests.Kind kind = Requests.of(body);
    RequestExamples.Arranged arranged = RequestExamples.arrange(harness, body);
    EmbeddedHarness.Client sender =
        switch (kind.stage()) {
          case AWAITING_HELLO -> harness.client();
          case LOBBY -> harness.helloClient();
          case IN_SESSION ->
              kind.allows(Role.PLAYER)
                  ? harness.player(arranged.joinCode(), "Ani", "ARM")
                  : arranged.gameMaster();
          case ANY_STAGE, CONNECTION_STAGE_UNSPECIFIED, UNRECOGNIZED ->
              throw new AssertionError(kind);
        };
    GameSession session = harness.lobby.find(arranged.joinCode()).orElseThrow();
    long before = session.state.lastSeq();

    ServerMessage response = sender.request(arranged.example(body));

    assertThat(response.hasError())
        .as("the example of %s must succeed: %s", body, response)
        .isFalse();
    long committed = session.state.lastSeq() - before;
    if (response.hasSessionCreated()) {
      committed +=
          harness
              .lobby
              .find(response.getSessionCreated().getJoinCode())
              .orElseThrow()
              .state
              .lastSeq();
    }
    assertThat(committed > 0)
        .as(
            "%s committed %d events; protocol.proto declares changes_session: %s",
            body, committed, kind.changesSession())
        .isEqualTo(kind.changesSession());
  }
}
