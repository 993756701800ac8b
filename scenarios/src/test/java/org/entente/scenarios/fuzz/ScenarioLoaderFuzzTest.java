package org.entente.scenarios.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import org.entente.scenarios.LoadResult;
import org.entente.scenarios.Problem;
import org.entente.scenarios.ScenarioLoader;

/**
 * The scenario loader on arbitrary text (an uploaded file is untrusted): it never throws, never
 * fails inside ("internal" is its code for a bug of its own), and places every problem on a
 * line and column of the file (or the line after the last). {@code mvn test} replays the inputs
 * under {@code ScenarioLoaderFuzzTestInputs/} (a shipped scenario among them);
 * {@code scripts/fuzz.sh} fuzzes.
 */
class ScenarioLoaderFuzzTest {

  @FuzzTest(maxDuration = "10m")
  void anyTextLoadsOrGetsPlacedProblems(byte[] input) {
    String text = new String(input, StandardCharsets.UTF_8);
    LoadResult result = ScenarioLoader.load("upload.textproto", text);
    String[] lines = text.split("\r\n|\r|\n", -1);
    for (Problem p : result.problems()) {
      assertThat(p.code()).as("the loader failed inside: %s", p).isNotEqualTo("internal");
      assertThat(p.file()).isEqualTo("upload.textproto");
      assertThat(p.line()).as("line of %s", p).isBetween(1, lines.length + 1);
      assertThat(p.column()).as("column of %s", p).isGreaterThanOrEqualTo(1);
      assertThat(p.message()).as("message of %s", p).isNotBlank();
    }
    assertThat(result.scenario().isPresent())
        .as("a scenario exactly when no errors")
        .isEqualTo(result.problems().stream().noneMatch(Problem::isError));
  }
}
