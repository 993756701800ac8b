package org.entente.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher {@code ./entente} rebuilds for the project's own sources only, checked on a copy of it in a small tree. */
class LauncherTest {
  @TempDir Path project;

  @Test
  void anAuthorsScenarioFileInTheProjectFolderDoesNotCauseARebuild() throws Exception {
    Files.copy(Path.of("..", "entente"), project.resolve("entente"));
    Files.writeString(project.resolve("pom.xml"), "<project/>");
    Path engine = Files.createDirectories(project.resolve("engine/src/main/java"));
    Files.writeString(project.resolve("engine/pom.xml"), "<project/>");
    Path source = Files.writeString(engine.resolve("Engine.java"), "class Engine {}");
    Path builtIn =
        Files.createDirectories(project.resolve("scenarios/src/main/resources/scenarios"));
    Files.writeString(project.resolve("scenarios/pom.xml"), "<project/>");
    Path shipped = Files.writeString(builtIn.resolve("shipped.textproto"), "");
    Path test =
        Files.createDirectories(project.resolve("engine/src/test/java")).resolve("EngineTest.java");
    Files.writeString(test, "class EngineTest {}");
    Path jar = Files.createDirectories(project.resolve("client-cli/target")).resolve("entente.jar");
    Files.writeString(jar, "jar");
    Instant built = Instant.now().minusSeconds(600);
    for (Path p :
        new Path[] {
          project.resolve("pom.xml"),
          project.resolve("engine/pom.xml"),
          project.resolve("scenarios/pom.xml"),
          source,
          shipped,
          test
        }) {
      Files.setLastModifiedTime(p, FileTime.from(built.minusSeconds(60)));
    }
    Files.setLastModifiedTime(jar, FileTime.from(built));
    assertThat(check()).isEqualTo("up to date");

    Files.writeString(project.resolve("my-scenario.textproto"), "metadata {}");
    Files.createDirectories(project.resolve("lesson-4B"));
    Files.writeString(project.resolve("lesson-4B/class.textproto"), "metadata {}");
    Files.writeString(test, "class EngineTest { }");
    assertThat(check()).as("author files and tests").isEqualTo("up to date");

    Files.writeString(shipped, "metadata {}");
    assertThat(check()).as("a built-in scenario").isEqualTo("rebuild");
    Files.setLastModifiedTime(shipped, FileTime.from(built.minusSeconds(60)));
    Files.writeString(source, "class Engine { }");
    assertThat(check()).as("engine source").isEqualTo("rebuild");
  }

  private String check() throws Exception {
    ProcessBuilder pb =
        new ProcessBuilder("bash", project.resolve("entente").toString()).redirectErrorStream(true);
    pb.environment().put("ENTENTE_CHECK_BUILD", "1");
    pb.environment().remove("ENTENTE_REBUILD");
    Process p = pb.start();
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
  }
}
