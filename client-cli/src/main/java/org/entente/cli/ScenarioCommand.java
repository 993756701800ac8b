package org.entente.cli;

import com.google.protobuf.TextFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.entente.proto.scenario.v1.CaseFile;
import org.entente.scenarios.BuiltInScenarios;
import org.entente.scenarios.LoadResult;
import org.entente.scenarios.Problem;
import org.entente.scenarios.ScenarioJson;
import org.entente.scenarios.ScenarioLoader;
import org.entente.scenarios.ScenarioSummary;
import org.entente.scenarios.ScenarioTemplate;
import org.entente.scenarios.cases.CaseRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code entente scenario ...}: tools for scenario authors. */
@Command(
    name = "scenario",
    mixinStandardHelpOptions = true,
    description = "Write, check and test scenario files (see docs/scenario-authoring.md).",
    subcommands = {
      ScenarioCommand.ListCmd.class,
      ScenarioCommand.Validate.class,
      ScenarioCommand.Show.class,
      ScenarioCommand.Test.class,
      ScenarioCommand.New.class,
      SimulateCommand.class
    })
final class ScenarioCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /** Loads a valid scenario, or prints its problems to standard error and returns empty. */
  static java.util.Optional<LoadResult> loadValid(String arg) {
    LoadResult r = load(arg);
    if (r.scenario().isEmpty()) {
      r.problems().forEach(p -> System.err.println(Safe.line(p.toString())));
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(r);
  }

  /** A file path, or {@code builtin:ID} for a shipped scenario. */
  static LoadResult load(String arg) {
    if (arg.startsWith("builtin:")) {
      String id = arg.substring("builtin:".length());
      return ScenarioLoader.load(id + ".textproto", BuiltInScenarios.text(id));
    }
    return ScenarioLoader.load(Path.of(arg));
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "List the built-in scenarios.")
  static final class ListCmd implements Callable<Integer> {
    @Override
    public Integer call() {
      BuiltInScenarios.list()
          .forEach(e -> System.out.printf("%-22s %s%n", Safe.line(e.id()), Safe.line(e.title())));
      return 0;
    }
  }

  @Command(
      name = "validate",
      mixinStandardHelpOptions = true,
      description =
          "Check scenario files; every problem as FILE:LINE:COL: error|warning: CODE: message.",
      footer = {
        "",
        "Exit code 0 when every file is valid (warnings allowed), 1 when any has an error.",
        "Example:",
        "  entente scenario validate my-crisis.textproto"
      })
  static final class Validate implements Callable<Integer> {
    @Parameters(
        arity = "1..*",
        paramLabel = "FILE",
        description = "Scenario files (.textproto), or builtin:ID.")
    List<String> files;

    @Override
    public Integer call() {
      int errors = 0;
      for (String f : files) {
        LoadResult r = load(f);
        for (Problem p : r.problems()) {
          System.out.println(Safe.line(p.toString()));
        }
        long e = r.problems().stream().filter(Problem::isError).count();
        long w = r.problems().size() - e;
        System.out.println(
            f
                + ": "
                + (e == 0 ? "valid" : "invalid")
                + " ("
                + e
                + " error(s), "
                + w
                + " warning(s))");
        errors += (int) e;
      }
      return errors == 0 ? 0 : 1;
    }
  }

  @Command(
      name = "show",
      mixinStandardHelpOptions = true,
      description = {
        "A readable summary of a scenario, or the whole validated scenario as JSON.",
        "The countries' hidden objectives are left out unless --objectives is given: a screen shared with a class",
        "should not show them."
      },
      footer = {
        "",
        "Examples:",
        "  entente scenario show builtin:armenia-csto-2024",
        "  entente scenario show builtin:armenia-csto-2024 --objectives",
        "  entente scenario show my-crisis.textproto --json --objectives > my-crisis.json"
      })
  static final class Show implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "A scenario file, or builtin:ID.")
    String file;

    @Option(names = "--json", description = "Print the validated scenario as JSON.")
    boolean json;

    @Option(
        names = "--objectives",
        description =
            "Also print every country's hidden objectives (in the summary and in the JSON).")
    boolean objectives;

    @Override
    public Integer call() {
      LoadResult r = loadValid(file).orElse(null);
      if (r == null) {
        return 1;
      }
      System.out.print(
          json
              ? ScenarioJson.toJson(r.proto().orElseThrow(), objectives) + "\n"
              : Safe.text(ScenarioSummary.render(r.scenario().get(), objectives)));
      return 0;
    }
  }

  @Command(
      name = "test",
      mixinStandardHelpOptions = true,
      description = {
        "Run the test cases a scenario file carries (test_cases), or a case file",
        "(NAME.cases.textproto: `scenario: \"ID or path\"` and `cases { ... }`, the CaseFile",
        "format of scenario.proto, like the project's conformance cases)."
      },
      footer = {
        "",
        "Exit code 0 when every case passes, 1 otherwise.",
        "Examples:",
        "  entente scenario test my-crisis.textproto",
        "  entente scenario test scenarios/src/test/resources/conformance/bilateral.cases.textproto"
      })
  static final class Test implements Callable<Integer> {
    @Parameters(
        paramLabel = "FILE",
        description = "A scenario file, builtin:ID, or a case file (*.cases.textproto).")
    String file;

    @Override
    public Integer call() throws Exception {
      if (file.endsWith(".cases.textproto")) {
        return caseFile(Path.of(file));
      }
      LoadResult r = loadValid(file).orElse(null);
      if (r == null) {
        return 1;
      }
      CaseRunner.Summary summary =
          CaseRunner.runAll(r.scenario().get(), r.proto().orElseThrow().getTestCasesList());
      print(summary);
      return summary.failed() == 0 ? 0 : 1;
    }

    private static void print(CaseRunner.Summary summary) {
      String text = Safe.text(summary.render());
      System.out.print(text.endsWith("\n") ? text : text + "\n");
    }

    /** A case file's cases against its scenario: a path relative to the case file if one exists, else a built-in id. */
    static int caseFile(Path path) throws java.io.IOException {
      CaseFile.Builder b = CaseFile.newBuilder();
      try {
        TextFormat.merge(Files.readString(path, java.nio.charset.StandardCharsets.UTF_8), b);
      } catch (TextFormat.ParseException e) {
        System.err.println(
            Safe.text(
                path
                    + ":"
                    + e.getLine()
                    + ":"
                    + e.getColumn()
                    + ": error: syntax: "
                    + e.getMessage().replaceFirst("^\\d+:\\d+: ", "")));
        return 1;
      }
      String scenario = b.getScenario();
      Path beside = path.toAbsolutePath().getParent().resolve(scenario);
      String arg =
          !scenario.isEmpty() && Files.isRegularFile(beside)
              ? beside.toString()
              : "builtin:" + scenario;
      if (!Files.isRegularFile(beside) && !BuiltInScenarios.ids().contains(scenario)) {
        System.err.println(
            Safe.text(
                path
                    + ": error: scenario '"
                    + scenario
                    + "' is neither a file beside the case file"
                    + " nor a built-in scenario ("
                    + String.join(", ", BuiltInScenarios.ids())
                    + ")"));
        return 1;
      }
      LoadResult r = loadValid(arg).orElse(null);
      if (r == null) {
        return 1;
      }
      CaseRunner.Summary summary = CaseRunner.runAll(r.scenario().get(), b.getCasesList());
      print(summary);
      return summary.failed() == 0 ? 0 : 1;
    }
  }

  @Command(
      name = "new",
      mixinStandardHelpOptions = true,
      description = "Write a commented starter scenario that validates, to start from.",
      footer = {
        "",
        "Example:",
        "  entente scenario new my-crisis        (writes my-crisis.textproto)"
      })
  static final class New implements Callable<Integer> {
    @Parameters(
        paramLabel = "NAME",
        description = "Scenario id: lower-case letters, digits, dashes.")
    String name;

    @Option(
        names = {"-o", "--output"},
        paramLabel = "FILE",
        description = "Where to write (default NAME.textproto; - for standard output).")
    String output;

    @Override
    public Integer call() throws Exception {
      if (!name.matches("[a-z][a-z0-9-]{0,39}")) {
        System.err.println(
            "entente: a scenario name is lower-case letters, digits and dashes, e.g. my-crisis");
        return 2;
      }
      String text = ScenarioTemplate.starter(name);
      if ("-".equals(output)) {
        System.out.print(text);
        return 0;
      }
      Path target = Path.of(output == null ? name + ".textproto" : output);
      if (Files.exists(target)) {
        System.err.println("entente: " + target + " exists; choose another name or -o FILE");
        return 2;
      }
      Files.writeString(target, text);
      System.out.println("Wrote " + target + ". Next: entente scenario validate " + target);
      return 0;
    }
  }
}
