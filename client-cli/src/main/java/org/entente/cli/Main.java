package org.entente.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code entente} command. Exit codes: 0 success, 1 the command ran and found problems (an
 * invalid scenario, a failed case), 2 usage or I/O error.
 */
@Command(
    name = "entente",
    mixinStandardHelpOptions = true,
    version = "entente 0.1.0",
    description = "Entente: a turn-based diplomacy simulation for classrooms.",
    subcommands = {
      PlayCommand.class,
      org.entente.cli.connect.ConnectCommand.class,
      ServerCommand.class,
      ScenarioCommand.class,
      DebriefCommand.class,
      org.entente.cli.bench.BenchCommand.class,
      CommandLine.HelpCommand.class
    },
    footer = {
      "",
      "Examples:",
      "  entente play                      play the built-in scenario here",
      "  entente server                    run a server for a class",
      "  entente connect localhost:7777 --create armenia-csto-2024",
      "                                    (teacher) create a session",
      "  entente connect HOST:7777 --join ABC-DEF --name Ani --country ARM",
      "                                    (student) join a country's team",
      "  entente scenario new my-crisis    start writing a scenario",
      "  entente bench                     load-test a server (docs/performance.md)",
      "  entente scenario validate my-crisis.textproto",
      "  entente debrief HOST:PORT --code ABC-DEF   the class debrief of a server game",
      "",
      "Exit codes: 0 success; 1 problems found (invalid scenario,",
      "failed case, a failed command in a connect script);",
      "2 usage, I/O or connection error."
    })
public final class Main implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line and returns the exit code (tests call this). */
  public static int run(String... args) {
    CommandLine cl = new CommandLine(new Main());
    cl.setExecutionExceptionHandler(
        (ex, cmd, parsed) -> {
          cmd.getErr().println("entente: " + ex.getMessage());
          return 2;
        });
    ServerDefaults.arguments(args);
    return cl.execute(args);
  }

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
