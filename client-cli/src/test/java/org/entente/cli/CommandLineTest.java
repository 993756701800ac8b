package org.entente.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The entente command as an author and a player use it: output and exit codes. */
class CommandLineTest {
  @RegisterExtension final StdCapture std = new StdCapture();

  @TempDir Path dir;

  @Test
  void validateReportsEveryProblemWithItsPlaceAndExitsOne() throws Exception {
    Path file = dir.resolve("broken.textproto");
    Files.writeString(
        file, "format_version: 2\nmetadata { id: \"x\" title: \"X\" }\nactors { id: \"arm\" }\n");
    int rc = Main.run("scenario", "validate", file.toString());
    assertThat(rc).isEqualTo(1);
    assertThat(std.out()).contains(file + ":1:17: error: format-version:");
    assertThat(std.out()).contains(file + ":3:14: error: bad-id:");
    assertThat(std.out()).contains("invalid (");
  }

  @Test
  void validateAcceptsTheShippedScenarios() {
    int rc =
        Main.run("scenario", "validate", "builtin:armenia-csto-2024", "builtin:veyla-strait-2031");
    assertThat(rc).isZero();
    assertThat(std.out()).contains("builtin:armenia-csto-2024: valid (0 error(s)");
  }

  @Test
  void newWritesAStarterThatValidates() {
    Path file = dir.resolve("my-crisis.textproto");
    assertThat(Main.run("scenario", "new", "my-crisis", "-o", file.toString())).isZero();
    assertThat(Main.run("scenario", "validate", file.toString())).isZero();
    assertThat(Main.run("scenario", "test", file.toString())).isZero();
    assertThat(std.out()).containsPattern("(?m)^\\d+ passed, 0 failed$");
  }

  @Test
  void testRunsTheProjectsConformanceCaseFiles() throws Exception {
    Path dir = Path.of("..", "scenarios", "src", "test", "resources", "conformance");
    try (var files = Files.list(dir)) {
      List<Path> caseFiles =
          files.filter(p -> p.toString().endsWith(".cases.textproto")).sorted().toList();
      assertThat(caseFiles).hasSizeGreaterThan(3);
      for (Path f : caseFiles) {
        assertThat(Main.run("scenario", "test", f.toString())).as(f.toString()).isZero();
      }
    }
    assertThat(std.out()).containsPattern("(?m)^\\d+ passed, 0 failed$");
  }

  @Test
  void aFailingOrBrokenCaseFileExitsOne(@TempDir Path tmp) throws Exception {
    Path failing = tmp.resolve("mine.cases.textproto");
    Files.writeString(
        failing,
        "scenario: \"armenia-csto-2024\"\ncases {\n  id: \"WRONG\"\n  expect: \"sec(ARM) == 101\"\n}\n");
    assertThat(Main.run("scenario", "test", failing.toString())).isEqualTo(1);
    assertThat(std.out()).contains("WRONG").contains("0 passed, 1 failed");
    Path broken = tmp.resolve("broken.cases.textproto");
    Files.writeString(
        broken, "scenario: \"armenia-csto-2024\"\ncases {\n  id: \"X\"\n  expect \"x\"\n}\n");
    assertThat(Main.run("scenario", "test", broken.toString())).isEqualTo(1);
    assertThat(std.err()).contains(broken + ":4:");
    Path unknown = tmp.resolve("unknown.cases.textproto");
    Files.writeString(unknown, "scenario: \"atlantis\"\n");
    assertThat(Main.run("scenario", "test", unknown.toString())).isEqualTo(1);
    assertThat(std.err())
        .contains(
            "scenario 'atlantis' is neither a file beside the case file nor a built-in scenario");
  }

  @Test
  void newRefusesToOverwrite() throws Exception {
    Path file = dir.resolve("taken.textproto");
    Files.writeString(file, "keep me");
    assertThat(Main.run("scenario", "new", "taken", "-o", file.toString())).isEqualTo(2);
    assertThat(Files.readString(file)).isEqualTo("keep me");
  }

  @Test
  void showJsonPrintsTheWholeScenario() {
    assertThat(Main.run("scenario", "show", "builtin:armenia-csto-2024", "--json")).isZero();
    assertThat(std.out()).contains("\"format_version\": 1").contains("\"id\": \"CSTO\"");
  }

  @Test
  void showHidesTheHiddenObjectivesUnlessAskedFor() {
    String objective = "Keep Armenia in the CSTO and out of Western defence pacts";
    assertThat(Main.run("scenario", "show", "builtin:armenia-csto-2024")).isZero();
    assertThat(std.out())
        .contains("Organisations:")
        .contains("--objectives shows them")
        .doesNotContain(objective);
    std.reset();
    assertThat(Main.run("scenario", "show", "builtin:armenia-csto-2024", "--json")).isZero();
    assertThat(std.out()).doesNotContain(objective);
    std.reset();
    assertThat(Main.run("scenario", "show", "builtin:armenia-csto-2024", "--objectives")).isZero();
    assertThat(std.out()).contains("Objectives:\n").contains(objective);
    std.reset();
    assertThat(Main.run("scenario", "show", "builtin:armenia-csto-2024", "--json", "--objectives"))
        .isZero();
    assertThat(std.out()).contains(objective);
    std.reset();
    assertThat(Main.run("scenario", "show", "--help")).isZero();
    assertThat(std.out()).contains("--objectives").contains("hidden objectives");
  }

  @Test
  void playScriptGivesOrdersRefusesBadOnesAndReportsTheTurn() throws Exception {
    Path script = dir.resolve("turn1.txt");
    Files.writeString(
        script,
        String.join(
            "\n",
            "GIVE_NOTICE CSTO",
            "GIVE_NOTIC CSTO",
            "FREEZE CSTO",
            "as AZE",
            "ESCALATE ARM INCURSION",
            "ready",
            "quit"));
    int rc = Main.run("play", "--hot-seat", "--script", script.toString());
    assertThat(rc).isZero();
    String o = std.out();
    assertThat(o).contains("Accepted as order 1: GIVE_NOTICE CSTO");
    assertThat(o).contains("Unknown command 'GIVE_NOTIC'. Did you mean the order GIVE_NOTICE?");
    assertThat(o)
        .contains(
            "Not allowed: Armenia is a frozen member of the CSTO; only an active member can freeze");
    assertThat(o).contains("You now play Azerbaijan");
    // 'ready' ended the turn for both seats held: Armenia's and Azerbaijan's orders resolved
    // together.
    assertThat(o).contains("== Turn 1 report");
    assertThat(o.replaceAll("\\s+", " "))
        .contains(
            "gave notice under CSTO Charter Art. 19; withdrawal takes effect at the end of T7 (January 2025)");
    assertThat(o).contains("Azerbaijan's incursion against Armenia succeeded");
  }

  @Test
  void playRunsAServerInThisProcessWithBotsAndTheClassShell() throws Exception {
    Path script = dir.resolve("server-turn.txt");
    Files.writeString(
        script,
        String.join(
            "\n",
            "ARMS_DEAL BUY FRA MEDIUM",
            "GIVE_NOTICE CSTO",
            "ready",
            "wait report 1 30s",
            "quit"));
    Path out = dir.resolve("debrief");
    int rc =
        Main.run(
            "play", "--turns", "2", "--script", script.toString(), "--debrief", out.toString());
    String o = std.out();
    assertThat(rc).as(o).isZero();
    assertThat(o).contains("You play Armenia");
    assertThat(o).contains("Accepted as order 1: ARMS_DEAL BUY FRA MEDIUM");
    // The bots play the other countries: France's accepts Armenia's offer and the deal is made.
    assertThat(o).contains("France (bot)").contains("accepts ARMS_DEAL BUY FRA MEDIUM");
    assertThat(o).contains("France agreed to sell Armenia a medium arms package");
    assertThat(o).contains("Armenia gave notice under CSTO Charter Art. 19");
    assertThat(Files.readString(out.resolve("debrief.html")))
        .contains("<svg")
        .contains("Who played");
    assertThat(Files.readString(out.resolve("students.csv")))
        .startsWith("\uFEFFseat,")
        .contains(",player,");
    assertThat(Files.readString(out.resolve("quantities.csv"))).startsWith("\uFEFFturn,");
    assertThat(std.err()).contains("Wrote " + out.resolve("debrief.md"));
  }

  @Test
  void playWritesTheDebriefWhenAskedAfterTheLastTurn() throws Exception {
    Path out = dir.resolve("class debrief");
    Path script = dir.resolve("last-turn.txt");
    Files.writeString(
        script,
        String.join(
            "\n",
            "help",
            "GIVE_NOTICE CSTO",
            "ready",
            "wait phase ENDED 30s",
            "debrief \"" + out + "\"",
            "quit"));
    int rc = Main.run("play", "--turns", "1", "--script", script.toString());
    String o = std.out();
    assertThat(rc).as(o).isZero();
    assertThat(o)
        .contains("debrief [DIR]", "write debrief.md and debrief.html (the class debrief) to DIR")
        .contains("Type 'debrief' to write the class debrief (debrief.md and debrief.html) here")
        .contains("Wrote " + out.resolve("debrief.md"), "Wrote " + out.resolve("debrief.html"))
        .doesNotContain("works only in the hot seat", "the game is not over");
    // Written after the last turn: the debrief has its report.
    assertThat(Files.readString(out.resolve("debrief.md")))
        .contains("Armenia gave notice under CSTO Charter Art. 19");
    assertThat(Files.readString(out.resolve("debrief.html"))).contains("Who played");
  }

  @Test
  void safeTextShowsControlCharactersInsteadOfSendingThem() {
    assertThat(Safe.text("hi\u001b[2Jthere\u0007")).isEqualTo("hi^[[2Jthere^G");
    assertThat(Safe.text("a\u009bb\u202ec")).isEqualTo("a\\u009bb\\u202ec");
    // One policy with the HTML debrief: zero-width, isolates and separators too; line feeds kept
    // only by text().
    assertThat(Safe.text("a\u200bb\u2066c\u2028d\r\ne")).isEqualTo("a\\u200bb\\u2066c\\u2028d\ne");
    assertThat(Safe.line("Ani\n[T1] Teacher\tx")).isEqualTo("Ani^J[T1] Teacher x");
  }
}
