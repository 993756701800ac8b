package org.entente.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code scenario simulate} as an author reads it, and bots in the seats of {@code play}. */
class SimulateAndBotSeatsTest {
  @RegisterExtension final StdCapture std = new StdCapture();

  @TempDir Path dir;

  @Test
  void simulatePrintsScoresEventsAndOrderUsage() {
    int rc =
        Main.run(
            "scenario", "simulate", "builtin:armenia-csto-2024", "--games", "3", "--turns", "6");
    assertThat(rc).isZero();
    String o = std.out();
    assertThat(o).contains("3 game(s) of 6 turn(s), seed 1");
    for (String role : new String[] {"ARM", "RUS", "AZE", "USA", "FRA"}) {
      Matcher m =
          Pattern.compile("(?m)^" + role + " +(\\d+\\.\\d) +(\\d+\\.\\d) +(\\d+) +(\\d+)$")
              .matcher(o);
      assertThat(m.find()).as(o).isTrue();
      for (int g = 1; g <= 4; g++) {
        assertThat(Double.parseDouble(m.group(g))).isBetween(0.0, 100.0);
      }
    }
    assertThat(o)
        .contains("notice given")
        .contains("withdrawal effective")
        .contains("assistance requested")
        .contains("assistance answered")
        .contains("peace signed");
    assertThat(o).containsPattern("(?m)^ARM: \\d+\\.\\d orders a game; ").contains("never used: ");
    // Not a terminal: no progress bar on standard error.
    assertThat(std.err()).isEmpty();
  }

  @Test
  void simulateSaysWhenABotGaveNoOrdersAndWhy() throws Exception {
    List<String> lines =
        Files.readAllLines(
            Path.of(
                "..",
                "scenarios",
                "src",
                "main",
                "resources",
                "scenarios",
                "armenia-csto-2024.textproto"));
    int arm = lines.indexOf("  id: \"ARM\"");
    int rus = lines.indexOf("  id: \"RUS\"");
    assertThat(arm).isPositive().isLessThan(rus);
    List<String> edited = new java.util.ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (!(i > arm && i < rus && lines.get(i).strip().startsWith("priorities {"))) {
        edited.add(lines.get(i));
      }
    }
    Path file = dir.resolve("no-priorities.textproto");
    Files.write(file, edited);
    assertThat(Main.run("scenario", "simulate", file.toString(), "--games", "2", "--turns", "3"))
        .isZero();
    assertThat(std.out())
        .contains(
            "ARM: 0.0 orders a game; no orders\n  gave no orders: its doctrine has no priorities,"
                + " so a bot in its seat has nothing to order")
        .doesNotContain("RUS: 0.0 orders");
  }

  @Test
  void simulateBaselineShowsBotsBesideRandomPlayers() {
    int rc =
        Main.run("scenario", "simulate", "builtin:armenia-csto-2024", "--games", "2", "--baseline");
    assertThat(rc).isZero();
    assertThat(std.out())
        .contains("bot mean (sd) min-max")
        .contains("random mean (sd) min-max")
        .containsPattern(
            "(?m)^FRA +\\d+\\.\\d \\(\\d+\\.\\d\\) \\d+-\\d+ +\\d+\\.\\d \\(\\d+\\.\\d\\) \\d+-\\d+ +[+-]\\d+\\.\\d$");
  }

  @Test
  void simulateJsonIsOneObjectWithEveryRole() {
    int rc =
        Main.run("scenario", "simulate", "builtin:veyla-strait-2031", "--games", "2", "--json");
    assertThat(rc).isZero();
    String o = std.out().strip();
    assertThat(o)
        .startsWith("{\"scenario\":\"veyla-strait-2031\",\"games\":2,")
        .endsWith("}}")
        .contains("\"roles\":[{\"actor\":")
        .contains("\"bot\":{\"mean\":")
        .contains("\"never_used\":[")
        .contains("\"events\":{\"notice_given\":");
    assertThat(o.lines().count()).isEqualTo(1);
  }

  @Test
  void simulateRefusesAnEmptyRun() {
    assertThat(Main.run("scenario", "simulate", "builtin:armenia-csto-2024", "--games", "0"))
        .isEqualTo(2);
  }

  @Test
  void jsonEscapesWhatJsonCannotCarryRaw() {
    assertThat(Json.quote("a\"b\\c\nd\u0001\u2028")).isEqualTo("\"a\\\"b\\\\c\\nd\\u0001\\u2028\"");
    assertThat(
            new Json().beginArray().value(1.5).value(2.0).value(Double.NaN).endArray().toString())
        .isEqualTo("[1.5,2,null]");
  }

  @Test
  void progressBarRedrawsInPlaceOnATerminalOnly() {
    ByteArrayOutputStream bar = new ByteArrayOutputStream();
    Progress p = new Progress(new PrintStream(bar, true, StandardCharsets.UTF_8), 4, true);
    p.accept(1);
    p.startingAt(2).accept(2);
    assertThat(bar.toString(StandardCharsets.UTF_8))
        .startsWith("\r[#######                       ] 1/4")
        .endsWith("] 4/4" + System.lineSeparator());
    ByteArrayOutputStream none = new ByteArrayOutputStream();
    new Progress(new PrintStream(none, true, StandardCharsets.UTF_8), 4, false).accept(4);
    assertThat(none.size()).isZero();
  }

  @Test
  void playFillsOtherSeatsWithBotsThatAnswerOffers() throws Exception {
    Path script = dir.resolve("turn1.txt");
    Files.writeString(
        script,
        String.join("\n", "ARMS_DEAL BUY FRA MEDIUM", "JOINT_EXERCISE FRA", "ready", "quit"));
    assertThat(Main.run("play", "--hot-seat", "--script", script.toString())).isZero();
    String o = std.out();
    assertThat(o)
        .contains(
            "France (bot) (FRA) to ARM: accepts ARMS_DEAL BUY FRA MEDIUM: France stands by Armenia");
    assertThat(o).contains("France agreed to sell Armenia a medium arms package");
    assertThat(o).contains("Armenia and France held a joint military exercise");
    // Bots played the other seats: Russia tabled the CSTO budget, France lobbied for EUMA.
    assertThat(o)
        .contains("The CSTO adopted a budget")
        .contains("renewal of EU Mission in Armenia");
  }

  @Test
  void aSeatTakenIsHumanUntilHandedBackToABot() throws Exception {
    Path script = dir.resolve("seats.txt");
    Files.writeString(
        script,
        String.join("\n", "as FRA", "as ARM", "bot ARM", "bot AZE", "bot FRA", "ready", "quit"));
    assertThat(Main.run("play", "--hot-seat", "--script", script.toString())).isZero();
    String o = std.out();
    assertThat(o).contains("You now play France");
    assertThat(o).contains("You are playing Armenia; take another seat with 'as COUNTRY' first.");
    assertThat(o).contains("'AZE' is not a seat you took");
    assertThat(o).contains("A bot now plays France.");
    // France's bot lobbied for EUMA in turn 1 once it had its seat back.
    assertThat(o).contains("renewal of EU Mission in Armenia");
  }
}
