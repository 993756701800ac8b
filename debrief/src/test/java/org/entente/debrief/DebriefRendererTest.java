package org.entente.debrief;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.entente.engine.Engine;
import org.entente.engine.TurnResult;
import org.entente.engine.bot.Bot;
import org.entente.engine.expr.QuantityRef;
import org.entente.engine.model.Actor;
import org.entente.engine.model.Effect;
import org.entente.engine.model.HistoricalNote;
import org.entente.engine.model.NoteKind;
import org.entente.engine.model.OrderKind;
import org.entente.engine.model.Scenario;
import org.entente.engine.model.ScheduledEvent;
import org.entente.engine.order.Order;
import org.entente.engine.report.ReportLine;
import org.entente.engine.state.GameState;
import org.entente.scenarios.BuiltInScenarios;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DebriefRendererTest {
  static final String HOSTILE = "<script>alert('x')</script> & <img src=x onerror=alert(1)>";
  static GameRecord record;

  /** Four turns of the built-in scenario, bots everywhere, ARM reassuring RUS then pressuring it. */
  static GameRecord sampleGame(int turns) {
    Scenario loaded = BuiltInScenarios.load(BuiltInScenarios.ids().get(0));
    GameState state = GameState.initial(loaded);
    Scenario scenario =
        withInject(
            loaded,
            new ScheduledEvent(
                GameRecord.INJECT_PREFIX + "1",
                2,
                "Border incident " + HOSTILE,
                "Shots were fired at the border.",
                null,
                false,
                List.of(new Effect(QuantityRef.parse("sec(ARM)", loaded.names()).ref(), -7)),
                "ARM",
                List.of(),
                List.of()));
    GameRecord.Builder b = GameRecord.builder(scenario, state).plannedTurns(turns + 2);
    b.seat(new GameRecord.Seat("1", "ARM", "Ana " + HOSTILE, false, 3, 2, 1, 3));
    b.seat(new GameRecord.Seat("2", "ARM", "Aram", false, 1, 1, 2, 2));
    b.seat(new GameRecord.Seat("3", "RUS", "", true, 0, 0, 0, 0));
    b.message(
        new GameRecord.Message(1, GameRecord.Channel.PUBLIC, "ARM", "Ana", "", HOSTILE, true));
    b.message(
        new GameRecord.Message(
            1, GameRecord.Channel.PRIVATE, "ARM", "Ana", "FRA", "secret deal offer", false));
    b.message(
        new GameRecord.Message(
            2, GameRecord.Channel.ANNOUNCEMENT, "", "Ms Petrosyan", "", "Summit news", true));
    for (int t = 1; t <= turns; t++) {
      Map<String, List<Order>> orders = new LinkedHashMap<>();
      for (Actor a : scenario.playableActors()) {
        orders.put(a.id(), Bot.orders(scenario, state, a.id(), 7));
      }
      if (t == 1) {
        // ARM and FRA both propose the next step, which needs three turns at their level: nothing
        // is agreed.
        orders.put(
            "ARM",
            List.of(
                Order.of("ARM", OrderKind.STATEMENT)
                    .withTarget("RUS")
                    .withOption("REASSURE")
                    .withText("We remain friends " + HOSTILE),
                Order.of("ARM", OrderKind.PROPOSE_PARTNERSHIP)
                    .withTarget("FRA")
                    .withOption("DEFENCE_COOPERATION")));
        orders.put(
            "FRA",
            List.of(
                Order.of("FRA", OrderKind.PROPOSE_PARTNERSHIP)
                    .withTarget("ARM")
                    .withOption("DEFENCE_COOPERATION")));
      } else if (t == 2) {
        orders.put("ARM", List.of(Order.of("ARM", OrderKind.ECONOMIC_PRESSURE).withTarget("RUS")));
      }
      TurnResult r = Engine.resolve(scenario, state, orders, 11 + t);
      b.turn(orders, r);
      state = r.state();
    }
    return b.build();
  }

  static Scenario withInject(Scenario s, ScheduledEvent inject) {
    List<ScheduledEvent> events = new java.util.ArrayList<>(s.events());
    events.add(inject);
    return new Scenario(
        s.metadata(),
        s.actors(),
        s.organisations(),
        s.relations(),
        s.partnerships(),
        s.tracks(),
        s.presences(),
        s.orderRules(),
        s.mechanics(),
        events,
        s.objectives(),
        s.notes());
  }

  @BeforeAll
  static void play() {
    record = sampleGame(4);
  }

  @Test
  void htmlIsSelfContained() {
    String html = DebriefRenderer.html(record);
    assertThat(html)
        .startsWith("<!DOCTYPE html>")
        .contains("<svg")
        .doesNotContain("http://")
        .doesNotContain("https://")
        .doesNotContainIgnoringCase("<script")
        .doesNotContainPattern("<[a-zA-Z]+[^>]*\\ssrc=")
        .doesNotContain("url(")
        .doesNotContain("@import");
  }

  @Test
  void hostileTextIsEscapedEverywhere() {
    String html = DebriefRenderer.html(record);
    assertThat(html)
        .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &lt;img src=x")
        .doesNotContain("<img");
    assertThat(DebriefRenderer.markdown(record))
        .doesNotContainPattern("(?<!\\\\)<script")
        .contains("\\<script\\>");
  }

  @Test
  void everyTurnAppearsWithItsOutcomes() {
    String html = DebriefRenderer.html(record);
    String md = DebriefRenderer.markdown(record);
    for (int t = 1; t <= 4; t++) {
      assertThat(html).contains("id=\"t" + t + "\"");
      assertThat(md).contains("### T" + t + " (");
    }
    List<ReportLine> firstTurn = record.turns().get(0).report().lines();
    assertThat(firstTurn).isNotEmpty();
    firstTurn.forEach(l -> assertThat(md).contains(Html.md(l.text())));
    assertThat(html).contains("Game in progress (4 of 6 turns)");
  }

  @Test
  void privateMessagesStayOutUnlessIncluded() {
    assertThat(DebriefRenderer.html(record))
        .doesNotContain("secret deal offer")
        .contains("Summit news");
    GameRecord all =
        record.withMessages(
            record.messages().stream()
                .map(
                    m ->
                        new GameRecord.Message(
                            m.turn(), m.channel(), m.from(), m.fromName(), m.to(), m.text(), true))
                .toList());
    assertThat(DebriefRenderer.html(all)).contains("secret deal offer");
  }

  @Test
  void ledgerSetsAReassuranceBesideLaterPressure() {
    PromiseLedger.Entry e =
        PromiseLedger.of(record).stream()
            .filter(
                x ->
                    x.actor().equals("ARM") && x.turn() == 1 && x.promise().startsWith("STATEMENT"))
            .findFirst()
            .orElseThrow();
    assertThat(e.toward()).isEqualTo("RUS");
    assertThat(e.verdict()).isEqualTo("contradicted at T2");
    assertThat(DebriefRenderer.actions(e)).contains("T2 ECONOMIC_PRESSURE RUS (hostile)");
  }

  @Test
  void objectivesAndAfterwardsNotesAreShown() {
    String html = DebriefRenderer.html(record);
    assertThat(html).contains("Hidden objectives").contains("What really happened next");
    List<HistoricalNote> afterwards =
        record.scenario().notes().stream().filter(n -> n.kind() == NoteKind.AFTERWARDS).toList();
    assertThat(afterwards).isNotEmpty();
    afterwards.forEach(n -> assertThat(html).contains(Html.esc(n.text())));
    var scores = record.finalScores();
    assertThat(scores).isNotEmpty();
    scores.forEach(
        s ->
            assertThat(html)
                .contains(record.scenario().nameOf(s.actor()) + ": " + s.points() + "/100"));
  }

  @Test
  void writesASamplePageForTheRenderScript() throws Exception {
    Path dir = Path.of("target", "debrief-sample");
    Files.createDirectories(dir);
    GameRecord full = sampleGame(12);
    Files.writeString(
        dir.resolve("debrief.html"), DebriefRenderer.html(full), StandardCharsets.UTF_8);
    Files.writeString(
        dir.resolve("debrief.md"), DebriefRenderer.markdown(full), StandardCharsets.UTF_8);
    assertThat(Files.size(dir.resolve("debrief.html"))).isGreaterThan(10_000);
  }

  /** Renders the page in headless Chromium with scripts/render-debrief.sh (skipped without Chromium, except in CI). */
  @Test
  void rendersInHeadlessChromium() throws Exception {
    Path script = Path.of("..", "scripts", "render-debrief.sh");
    ExternalTool.require("chromium", "chromium");
    assertThat(script).isRegularFile();
    Path dir = Files.createDirectories(Path.of("target", "debrief-render"));
    Path html = dir.resolve("debrief.html");
    Files.writeString(html, DebriefRenderer.html(record), StandardCharsets.UTF_8);
    Path png = dir.resolve("debrief.png");
    Files.deleteIfExists(png);
    Process p =
        new ProcessBuilder("bash", script.toString(), html.toString(), png.toString(), "1280x1600")
            .redirectErrorStream(true)
            .start();
    assertThat(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue())
        .as(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
        .isZero();
    byte[] bytes = Files.readAllBytes(png);
    assertThat(bytes.length)
        .isGreaterThan(50_000); // a blank page of this size compresses to a few kB
    assertThat(new String(bytes, 1, 3, StandardCharsets.US_ASCII)).isEqualTo("PNG");
  }

  /**
   * Prints the 12-turn sample (bots in every seat, so busier than a class's game) to PDF in
   * headless Chromium, where installed: it used to take 38 pages, the first two nearly empty.
   */
  @Test
  void printsTheTwelveTurnSampleOnFewPages() throws Exception {
    ExternalTool.require("chromium", "chromium");
    Path dir = Files.createDirectories(Path.of("target", "debrief-print"));
    Path html = dir.resolve("debrief.html");
    Files.writeString(html, DebriefRenderer.html(sampleGame(12)), StandardCharsets.UTF_8);
    Path pdf = dir.resolve("debrief.pdf");
    Files.deleteIfExists(pdf);
    Path profile = Files.createTempDirectory("chromium");
    Process p =
        new ProcessBuilder(
                "/usr/bin/chromium",
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--no-first-run",
                "--disable-sync",
                "--user-data-dir=" + profile,
                "--no-pdf-header-footer",
                "--print-to-pdf=" + pdf.toAbsolutePath(),
                html.toAbsolutePath().toUri().toString())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    assertThat(p.waitFor(90, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    String text = new String(Files.readAllBytes(pdf), StandardCharsets.ISO_8859_1);
    long pages =
        java.util.regex.Pattern.compile("/Type\\s*/Page[^s]").matcher(text).results().count();
    // 38 pages before the print styles; 22 with them, and 28 once every country's report
    // explained its own numbers (more lines in the turn timeline): the bound allows the report
    // to grow a little, not the near-empty pages to come back.
    assertThat(pages).as("printed pages").isBetween(5L, 30L);
  }

  @Test
  void messagesSentBeforeTheFirstTurnAreInBothDebriefs() {
    GameRecord game =
        sampleGame(1)
            .withMessages(
                List.of(
                    new GameRecord.Message(
                        0,
                        GameRecord.Channel.PUBLIC,
                        "ARM",
                        "Ana",
                        "",
                        "Hello from the lobby",
                        true),
                    new GameRecord.Message(
                        1, GameRecord.Channel.PUBLIC, "ARM", "Ana", "", "During T1", true)));

    String markdown = DebriefRenderer.markdown(game);
    String html = DebriefRenderer.html(game);

    assertThat(markdown).contains("### Before the first turn", "Hello from the lobby");
    assertThat(markdown.indexOf("Hello from the lobby")).isLessThan(markdown.indexOf("### T1"));
    assertThat(html).contains("<h3>Before the first turn</h3>", "Hello from the lobby");
  }
}
