package org.entente.server.limits;

import static org.assertj.core.api.Assertions.assertThat;

import org.entente.proto.protocol.v1.ClientMessage;
import org.entente.proto.protocol.v1.CreateSession;
import org.entente.proto.protocol.v1.ErrorCode;
import org.entente.proto.protocol.v1.ScenarioFile;
import org.entente.proto.protocol.v1.ServerMessage;
import org.entente.server.lobby.Lobby;
import org.entente.server.net.Frames;
import org.entente.server.rules.EngineScenarioCatalog;
import org.entente.server.testing.EmbeddedHarness;
import org.entente.server.testing.FakeRules;
import org.junit.jupiter.api.Test;

/** The lobby's admission limits: the creation key, the scenario size, a problem list too long for a frame. */
class AdmissionLimitsTest {

  private static ClientMessage.Builder create(String key) {
    return ClientMessage.newBuilder()
        .setCreateSession(
            CreateSession.newBuilder()
                .setBuiltinScenarioId("test-crisis")
                .setDisplayName("Ms Lee")
                .setCreationKey(key));
  }

  private static ClientMessage.Builder upload(String text) {
    return ClientMessage.newBuilder()
        .setCreateSession(
            CreateSession.newBuilder()
                .setScenarioFile(
                    ScenarioFile.newBuilder().setFileName("mine.textproto").setText(text))
                .setDisplayName("Ms Lee"));
  }

  private static EmbeddedHarness harness(
      org.entente.server.rules.ScenarioCatalog catalog, Lobby.Admission admission) {
    return new EmbeddedHarness(EmbeddedHarness.relaxedGuards(), Runnable::run, catalog, admission);
  }

  @Test
  void withACreationKeyOnlyARequestCarryingItCreatesASession() {
    try (EmbeddedHarness h =
        harness(FakeRules.catalog(), Lobby.Admission.inline().withCreationKey("blue-heron-42"))) {
      EmbeddedHarness.Client c = h.helloClient();
      ServerMessage none = c.request(create(""));
      assertThat(none.getError().getCode()).isEqualTo(ErrorCode.PERMISSION_DENIED);
      assertThat(none.getError().getMessage())
          .isEqualTo(
              "This server asks for a creation key to create sessions; ask the person who runs it.");
      ServerMessage wrong = c.request(create("blue-heron-43"));
      assertThat(wrong.getError().getCode()).isEqualTo(ErrorCode.PERMISSION_DENIED);
      assertThat(wrong.getError().getMessage())
          .isEqualTo("That creation key is not this server's.");
      assertThat(h.lobby.sessionCount()).isZero();
      ServerMessage right = c.request(create("blue-heron-42"));
      assertThat(right.hasSessionCreated()).as(right.toString()).isTrue();
      assertThat(h.lobby.sessionCount()).isEqualTo(1);
    }
  }

  @Test
  void withoutACreationKeyAnyoneCreates() {
    try (EmbeddedHarness h = harness(FakeRules.catalog(), Lobby.Admission.inline())) {
      assertThat(h.helloClient().request(create("anything")).hasSessionCreated()).isTrue();
    }
  }

  @Test
  void aScenarioFileOverTheSizeLimitIsRefusedBeforeValidation() {
    try (EmbeddedHarness h = harness(FakeRules.catalog(), Lobby.Admission.inline())) {
      EmbeddedHarness.Client c = h.helloClient();
      ServerMessage tooLong = c.request(upload("#".repeat(60_001)));
      assertThat(tooLong.getError().getCode()).isEqualTo(ErrorCode.INVALID_REQUEST);
      assertThat(tooLong.getError().getMessage())
          .isEqualTo("The scenario file is longer than 60000 characters.");
      ServerMessage atTheLimit = c.request(upload("#".repeat(60_000)));
      assertThat(atTheLimit.getError().getCode())
          .as("validated: the fake catalog finds problems")
          .isEqualTo(ErrorCode.INVALID_SCENARIO);
    }
  }

  @Test
  void aProblemListTooLongForOneFrameIsCutAndCountedNeverUnavailable() {
    StringBuilder text = new StringBuilder();
    for (int i = 0; text.length() < 59_000; i++) {
      text.append("no_such_field_").append(i).append(": 1\n");
    }
    try (EmbeddedHarness h = harness(new EngineScenarioCatalog(), Lobby.Admission.inline())) {
      ServerMessage refused = h.helloClient().request(upload(text.toString()));
      assertThat(refused.getError().getCode()).isEqualTo(ErrorCode.INVALID_SCENARIO);
      assertThat(refused.getError().getOmittedProblems()).isGreaterThan(0);
      assertThat(refused.getError().getProblemsCount()).isGreaterThan(100);
      assertThat(refused.getError().getMessage()).contains("more did not fit in one answer");
      assertThat(org.entente.server.testing.Frames.frame(refused).length)
          .isLessThan(Frames.MAX_FRAME_BYTES);
    }
  }
}
