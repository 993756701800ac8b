package org.entente.debrief;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A test's need for a program outside the JVM (tmux, Chromium...). Where the environment
 * variable {@code CI} is set (.ci/run exports {@code CI=true}) a missing program fails the
 * test, so CI cannot pass by skipping it; elsewhere it skips the test, with the same message
 * naming the Debian package to install. Call {@link #require} first in the test or its
 * {@code @BeforeEach}, never {@code Assumptions} directly. Each module whose tests need a
 * program has a copy of this class (docs/design.md, "Tests that need a program").
 */
public final class ExternalTool {
  private ExternalTool() {}

  /**
   * Fails (in CI) or skips (elsewhere) the calling test unless {@code program} is an executable
   * file: on the {@code PATH}, or at that path if it contains a slash.
   */
  public static void require(String program, String debianPackage) {
    if (isInstalled(program)) {
      return;
    }
    String message =
        program
            + " is not installed: install the Debian package "
            + debianPackage
            + " (apt-get install -y "
            + debianPackage
            + "); without it this test skips, and fails where"
            + " the environment variable CI is set";
    if (inCi()) {
      Assertions.fail(message);
    }
    Assumptions.abort(message);
  }

  /** True when the environment variable CI is set to anything but empty or "false". */
  static boolean inCi() {
    String ci = System.getenv("CI");
    return ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false");
  }

  static boolean isInstalled(String program) {
    if (program.contains("/")) {
      return Files.isExecutable(Path.of(program));
    }
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String dir : path.split(File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
        return true;
      }
    }
    return false;
  }
}
