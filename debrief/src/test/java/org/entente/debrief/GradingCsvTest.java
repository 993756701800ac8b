package org.entente.debrief;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class GradingCsvTest {
  static GameRecord record;

  @BeforeAll
  static void play() {
    record =
        DebriefRendererTest.sampleGame(3)
            .withRoster(
                List.of(
                    new GameRecord.Seat("1", "ARM", "Ana", false, 4, 3, 1, 3),
                    new GameRecord.Seat(
                        "2", "ARM", "=HYPERLINK(\"http://x\",\"y\")", false, 1, 0, 2, 2),
                    new GameRecord.Seat("3", "RUS", "", true, 0, 0, 0, 0),
                    new GameRecord.Seat("4", "", "Ms Petrosyan", false, 0, 0, 0, 0),
                    new GameRecord.Seat("left", "ARM", "Aram", false, 2, 1, 1, 2, true)));
  }

  @Test
  void studentsCsvCountsMessagesWordsAndOrdersPerSeatWithoutTheirText() {
    String csv = GradingCsv.students(record);
    assertThat(csv)
        .startsWith(
            "\uFEFFseat,name,country,role,messages_public,messages_announcement,messages_private,"
                + "messages_team,words_written,orders_authored,orders_sealed,first_active_turn,last_active_turn\r\n");
    // Ana's public message has five words, her private one three.
    assertThat(csv)
        .contains("\r\n1,Ana,ARM,player,1,0,1,0,8,4,3,1,3\r\n")
        .contains("\r\n3,,RUS,bot,0,0,0,0,0,0,0,,\r\n")
        .contains("\r\n4,Ms Petrosyan,,game master,0,1,0,0,2,0,0,2,2\r\n");
    assertThat(csv)
        .doesNotContain("secret deal offer")
        .doesNotContain("script")
        .doesNotContain("Summit");
  }

  @Test
  void aStudentWhoLeftKeepsARowWithTheirCountsAndTheRosterSaysTheyLeft() {
    assertThat(GradingCsv.students(record))
        .contains("\r\nleft,Aram,ARM,player,0,0,0,0,0,2,1,1,2\r\n");
    assertThat(DebriefRenderer.markdown(record))
        .contains("| left | Aram | Armenia (ARM) | student (left during the game) |")
        .contains("| 4 | Ms Petrosyan | game master | game master |");
    assertThat(DebriefRenderer.html(record))
        .contains(
            "<tr><td>left</td><td>Aram</td><td>Armenia (ARM)</td><td>student (left during the game)</td></tr>")
        .contains(
            "<tr><td>4</td><td>Ms Petrosyan</td><td>game master</td><td>game master</td></tr>");
  }

  @Test
  void formulaCellsAreGuardedAndQuoted() {
    String csv = GradingCsv.students(record);
    assertThat(csv).contains("\r\n2,\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",ARM,player,");
    for (String dangerous : List.of("=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx")) {
      assertThat(GradingCsv.cell(dangerous)).as(dangerous).matches("(?s)\"?'.*");
    }
    assertThat(GradingCsv.cell("Ana")).isEqualTo("Ana");
    assertThat(GradingCsv.cell("a,b")).isEqualTo("\"a,b\"");
  }

  @Test
  void quantitiesCsvHasARowPerTurnAndActorWithNegativeNumbersAsNumbers() {
    String csv = GradingCsv.quantities(record);
    assertThat(csv)
        .startsWith(
            "\uFEFFturn,date,country,playable,sec,dom,std,rf,grievance,trust_to_ARM,trust_to_RUS,");
    String[] lines = csv.split("\r\n");
    int actors = record.scenario().actors().size();
    assertThat(lines).hasSize(1 + 4 * actors);
    String header = lines[0];
    assertThat(header)
        .contains(",status_CSTO,")
        .contains(",cred_CSTO,coh_CSTO,")
        .contains(",track_TENSION");
    int trustCol = List.of(header.split(",")).indexOf("trust_to_RUS");
    String armT0 = lines[1];
    assertThat(armT0).startsWith("0,June 2024,ARM,yes,");
    assertThat(Integer.parseInt(armT0.split(",")[trustCol]))
        .isEqualTo(record.states().get(0).trust("ARM", "RUS"))
        .isNegative();
    assertThat(armT0.split(",")[List.of(header.split(",")).indexOf("trust_to_ARM")]).isEmpty();
  }
}
