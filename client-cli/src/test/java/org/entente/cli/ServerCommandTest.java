package org.entente.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The server's options that are refused before anything starts. */
class ServerCommandTest {

  private static int run(ByteArrayOutputStream err, String... args) {
    PrintStream before = System.err;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      return new CommandLine(new ServerCommand()).execute(args);
    } finally {
      System.setErr(before);
    }
  }

  @Test
  void noOpenFilesAtAllIsRefused() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    assertThat(run(err, "--in-memory", "--max-open-files", "0")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("must be at least 1");
  }

  @Test
  void theHelpNamesTheOpenFilesBoundAndTheReserveItImplies() {
    String help = new CommandLine(new ServerCommand()).getUsageMessage();
    assertThat(help).contains("--max-open-files", "N + 64 descriptors");
  }
}
