package org.entente.debrief;

import static com.google.common.collect.ImmutableList.toImmutableList;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.entente.engine.report.Report;
import org.entente.engine.report.ReportLine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What the projected and printed debrief shows: roster, news, wording, colours, data tables, the ledger. */
class DebriefPageTest {
  static GameRecord record;
  static String html;
  static String md;

  @BeforeAll
  static void play() {
    record = DebriefRendererTest.sampleGame(4);
    html = DebriefRenderer.html(record);
    md = DebriefRenderer.markdown(record);
  }

  @Test
  void rosterNamesEverySeatAndMarksTheBots() {
    assertThat(html)
        .contains("<h2 id=\"roster\">Who played</h2>")
        .contains("<tr><td>1</td><td>Ana &lt;script&gt;")
        .contains("<tr><td>2</td><td>Aram</td><td>Armenia (ARM)</td><td>student</td></tr>")
        .contains(
            "<tr><td>3</td><td><span class=\"tag\">bot</span></td><td>Russia (RUS)</td><td>bot (the engine gave its orders)</td></tr>");
    assertThat(md)
        .contains("| 2 | Aram | Armenia (ARM) | student |")
        .contains("| 3 | bot | Russia (RUS) | bot |");
  }

  @Test
  void injectedNewsIsLabelledWithItsEffectsAndStartOfTurnChangesAreListed() {
    assertThat(html)
        .contains(
            "<div class=\"news\"><b>News from the game master: Border incident &lt;script&gt;")
        .contains("Effects: sec(ARM) -7");
    // Only in T2, where it fired.
    int t2 = html.indexOf("id=\"t2\"");
    int t3 = html.indexOf("id=\"t3\"");
    int news = html.indexOf("News from the game master");
    assertThat(news).isBetween(t2, t3);
    assertThat(md)
        .contains("**News from the game master:** Border incident \\<script\\>")
        .contains("(effects: sec(ARM) -7)");
    List<ReportLine> upkeep = DebriefFacts.startOfTurn(record.turns().get(1));
    assertThat(upkeep).isNotEmpty();
    String t2Html = html.substring(t2, t3);
    assertThat(t2Html).contains("<b>Start of turn</b>");
    upkeep.forEach(
        l ->
            assertThat(t2Html.indexOf(Html.esc(l.text())))
                .isBetween(t2Html.indexOf("Start of turn"), t2Html.indexOf("orders sealed")));
  }

  @Test
  void wordingFitsTheGamesLengthAndState() {
    assertThat(html)
        .contains("<h2 id=\"scores\">Scores so far (after T4 of 6)</h2>")
        .doesNotContain("Final scores")
        .contains(
            "This game: 4 monthly turns, June 2024 to October 2024 (6 planned); the scenario was written for 12 turns.")
        .contains("The scenario as written: On 12 June 2024")
        .contains("Over twelve months");
    GameRecord finished =
        new GameRecord(
            record.scenario(),
            4,
            record.states(),
            record.turns(),
            record.messages(),
            record.roster());
    String page = DebriefRenderer.html(finished);
    assertThat(page)
        .contains("<h2 id=\"scores\">Final scores</h2>")
        .contains(
            "This game: 4 monthly turns, June 2024 to October 2024; the scenario was written for 12 turns.");
  }

  @Test
  void aFailedProposalIsNeverListedAsAnAgreement() {
    List<ReportLine> failed =
        record.turns().get(0).report().lines().stream()
            .filter(l -> l.text().contains("both proposed"))
            .toList();
    assertThat(failed)
        .as("the sample's T1 has a matched but impossible partnership step")
        .hasSize(1);
    assertThat(PromiseLedger.of(record)).noneMatch(e -> e.promise().contains(failed.get(0).text()));
    assertThat(PromiseLedger.of(record))
        .filteredOn(e -> e.promise().startsWith("agreed: "))
        .allSatisfy(
            e ->
                assertThat(e.promise())
                    .doesNotContain(", but ")
                    .doesNotContain("nothing was agreed"));
    assertThat(html).doesNotContain("agreed: Armenia and France both proposed");
  }

  /**
   * The ledger reads what the engine says became of a proposal, not its sentence: reworded so that
   * the failed step reads like success and the agreements carry the words the old sentence check
   * took for failure ("did not", ", but "), the same entries are listed.
   */
  @Test
  void theLedgerFollowsTheProposalsOutcomeWhateverTheWording() {
    GameRecord reworded =
        new GameRecord(
            record.scenario(),
            record.plannedTurns(),
            record.states(),
            record.turns().stream().map(DebriefPageTest::reworded).collect(toImmutableList()),
            record.messages(),
            record.roster());
    List<PromiseLedger.Entry> before = PromiseLedger.of(record);
    List<PromiseLedger.Entry> after = PromiseLedger.of(reworded);
    assertThat(after)
        .extracting(
            PromiseLedger.Entry::actor,
            PromiseLedger.Entry::turn,
            e -> e.promise().startsWith("agreed: "))
        .containsExactlyElementsOf(
            before.stream()
                .map(
                    e ->
                        org.assertj.core.groups.Tuple.tuple(
                            e.actor(), e.turn(), e.promise().startsWith("agreed: ")))
                .toList());
    assertThat(after)
        .filteredOn(e -> e.promise().startsWith("agreed: "))
        .isNotEmpty()
        .allSatisfy(e -> assertThat(e.promise()).contains("did not wait, but agreed"))
        .noneSatisfy(e -> assertThat(e.promise()).contains("went ahead"));
  }

  /** The turn with every bilateral line reworded: failures as if they had succeeded, agreements with a ", but". */
  private static GameRecord.Turn reworded(GameRecord.Turn turn) {
    List<ReportLine> lines = new ArrayList<>();
    for (ReportLine l : turn.report().lines()) {
      String text =
          switch (l.proposal()) {
            case FAILED, UNMATCHED -> "The proposal went ahead as planned.";
            case AGREED -> "They did not wait, but agreed: " + l.text();
            case OFFER, NONE -> l.text();
          };
      lines.add(
          new ReportLine(l.phase(), l.visibility(), text, l.citation(), l.orders(), l.proposal()));
    }
    return new GameRecord.Turn(
        turn.number(), turn.orders(), new Report(turn.report().turn(), lines));
  }

  @Test
  void membershipLettersAreDistinct() {
    Set<Character> letters = new HashSet<>();
    Svg.STATUSES.forEach(s -> assertThat(letters.add(Svg.letter(s))).as(s).isTrue());
    assertThat(Svg.letter("ACTIVE")).isEqualTo('A');
    assertThat(Svg.letter("APPLICANT")).isEqualTo('P');
    assertThat(html).contains("P APPLICANT").contains("A ACTIVE");
  }

  /** WCAG 2 contrast of every text colour the page sets, against white and against the cell fills letters sit on. */
  @Test
  void everyTextColourHasContrastOfAtLeastFourAndAHalf() {
    Matcher m =
        Pattern.compile("(?<![-a-z])(color|fill):(#[0-9a-fA-F]{6})")
            .matcher(html.substring(0, html.indexOf("</style>")));
    List<String> colours = new ArrayList<>();
    while (m.find()) {
      colours.add(m.group(2));
    }
    assertThat(colours).contains("#00785A", "#B34700");
    for (String c : colours) {
      if (!c.equalsIgnoreCase("#ffffff")) {
        assertThat(contrast(c, "#ffffff")).as(c).isGreaterThanOrEqualTo(4.5);
        assertThat(contrast(c, "#f4f6f8"))
            .as(c + " on the table header")
            .isGreaterThanOrEqualTo(4.5);
      }
    }
    for (String s : Svg.STATUSES) {
      String letter = Svg.whiteLetter(s) ? "#ffffff" : "#000000";
      assertThat(contrast(letter, Svg.statusColour(s))).as(s).isGreaterThanOrEqualTo(4.5);
    }
    assertThat(contrast("#009E73", "#ffffff")).as("the old 'met' green").isLessThan(4.5);
  }

  @Test
  void everyChartIsAlsoADataTable() {
    Matcher m = Pattern.compile("<svg class=\"chart\"[^>]*aria-label=\"([^\"]*)\"").matcher(html);
    int charts = 0;
    String data = html.substring(html.indexOf("<h2 id=\"data\">"));
    while (m.find()) {
      charts++;
      assertThat(data).as(m.group(1)).contains("<caption>" + m.group(1) + "</caption>");
    }
    assertThat(charts).isGreaterThan(8);
    assertThat(data.split("<caption>", -1).length - 1).isEqualTo(charts);
  }

  @Test
  void printKeepsChartsTwoToARowWithoutForcedPageBreaks() {
    String css = html.substring(0, html.indexOf("</style>"));
    assertThat(css)
        .doesNotContain("break-before:page")
        .contains(".charts{display:grid;grid-template-columns:repeat(2,minmax(0,1fr))")
        .contains("h2,h3,caption{break-after:avoid}");
  }

  static double contrast(String a, String b) {
    double la = luminance(a);
    double lb = luminance(b);
    return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
  }

  private static double luminance(String hex) {
    double[] c = new double[3];
    for (int i = 0; i < 3; i++) {
      double v = Integer.parseInt(hex.substring(1 + 2 * i, 3 + 2 * i), 16) / 255.0;
      c[i] = v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
  }
}
