package org.entente.server.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.entente.proto.protocol.v1.ClientMessage;
import org.entente.proto.protocol.v1.CreateSession;
import org.entente.proto.protocol.v1.ScenarioFile;
import org.entente.scenarios.BuiltInScenarios;

/** Scenario files a game master uploads in tests: ones no built-in scenario matches. */
public final class UploadedScenarios {
  private UploadedScenarios() {}

  /** The fictional strait scenario under the id {@code class-strait}, with Korva renamed Korvania. */
  public static String classStrait() {
    String text = BuiltInScenarios.text("veyla-strait-2031");
    assertThat(text).contains("id: \"veyla-strait-2031\"").contains("name: \"Korva\"\n");
    return text.replace("id: \"veyla-strait-2031\"", "id: \"class-strait\"")
        .replace("name: \"Korva\"\n", "name: \"Korvania\"\n");
  }

  /** A create_session of {@link #classStrait()}, turns left to the scenario. */
  public static ClientMessage.Builder createClassStrait() {
    return ClientMessage.newBuilder()
        .setCreateSession(
            CreateSession.newBuilder()
                .setDisplayName("Ms Lee")
                .setScenarioFile(
                    ScenarioFile.newBuilder()
                        .setFileName("class-strait.textproto")
                        .setText(classStrait())));
  }
}
