package org.entente.server.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import com.google.protobuf.TextFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.entente.engine.Engine;
import org.entente.engine.TurnResult;
import org.entente.engine.model.Actor;
import org.entente.engine.model.Scenario;
import org.entente.engine.order.Order;
import org.entente.engine.report.Report;
import org.entente.engine.report.ReportLine;
import org.entente.engine.report.Viewer;
import org.entente.engine.report.Visibility;
import org.entente.engine.state.GameState;
import org.entente.proto.protocol.v1.Event;
import org.entente.proto.scenario.v1.CaseFile;
import org.entente.proto.scenario.v1.TestCase;
import org.entente.scenarios.BuiltInScenarios;
import org.entente.scenarios.cases.CaseRunner;
import org.entente.server.rules.EngineSessionRules;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * One visibility rule: for every turn of the scenarios module's conformance cases and recorded
 * games, and for every viewer (the public, each actor, the game master), the report lines the
 * server sends that viewer, live and after a journal round trip, are exactly the lines the
 * engine's rule gives it ({@link Report#linesFor}, which {@code CaseRunner} checks
 * {@code expect_report} against), in the same order.
 */
class ReportViewsAgreeWithTheEngineTest {
  /** The scenarios module's case files, read where they live (Maven runs tests in the module directory). */
  private static final Path CASES =
      Path.of(System.getProperty("basedir", "."), "..", "scenarios", "src", "test", "resources");

  @TestFactory
  Stream<DynamicTest> everyViewerGetsTheEnginesLinesForEveryTurnOfEveryCase() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (String dir : List.of("conformance", "recorded")) {
      for (Path file : caseFiles(dir)) {
        CaseFile cases = read(file);
        Scenario scenario = BuiltInScenarios.load(cases.getScenario());
        for (TestCase c : cases.getCasesList()) {
          tests.add(
              DynamicTest.dynamicTest(
                  dir + "/" + file.getFileName() + " " + c.getId(),
                  () -> everyTurnAgrees(scenario, c)));
        }
      }
    }
    assertThat(tests).as("case files under " + CASES).hasSizeGreaterThan(20);
    return tests.stream();
  }

  private static void everyTurnAgrees(Scenario scenario, TestCase c) {
    CaseRunner.Prepared prepared = CaseRunner.prepare(scenario, c);
    assertThat(prepared.errors()).isEmpty();
    GameState state = prepared.start();
    for (int i = 0; i < prepared.turns().size(); i++) {
      TurnResult result =
          Engine.resolve(
              scenario, state, prepared.turns().get(i), c.getSeed(), prepared.options().get(i));
      state = result.state();
      assertServerViewsAgree(scenario, result.report(), c.getId() + " T" + result.report().turn());
    }
  }

  static void assertServerViewsAgree(Scenario scenario, Report report, String where) {
    SessionEvent live =
        new SessionEvent.TurnResolved(
            report.turn(), "FORCED", 1, ImmutableList.copyOf(report.lines()));
    SessionEvent journalled = JournalCodec.decode(JournalCodec.encode(live));
    for (Viewer viewer : viewers(scenario)) {
      List<String> engine = report.linesFor(viewer).stream().map(ReportLine::render).toList();
      List<String> wireVisibilities =
          report.linesFor(viewer).stream().map(l -> wireName(l.visibility())).toList();
      // What became of each bilateral proposal (an offer, above all) is marked on the wire as the
      // engine marked it, not left for the client to read in the sentence.
      List<String> proposals =
          report.linesFor(viewer).stream().map(l -> "PROPOSAL_" + l.proposal().name()).toList();
      for (SessionEvent event : List.of(live, journalled)) {
        Event sent = Views.project(7, event, viewer).orElseThrow();
        assertThat(sent.getTurnReport().getLinesList())
            .as(where + " for " + viewer)
            .extracting(org.entente.proto.protocol.v1.ReportLine::getText)
            .containsExactlyElementsOf(engine);
        assertThat(sent.getTurnReport().getLinesList())
            .as(where + " for " + viewer)
            .extracting(org.entente.proto.protocol.v1.ReportLine::getVisibility)
            .containsExactlyElementsOf(wireVisibilities);
        assertThat(sent.getTurnReport().getLinesList())
            .as(where + " for " + viewer)
            .extracting(l -> l.getProposal().name())
            .containsExactlyElementsOf(proposals);
      }
    }
  }

  /** The server's rules resolve a recorded game to the engine's very lines, turn by turn. */
  @Test
  void theServersRulesReportARecordedGameAsTheEngineDoes() throws IOException {
    CaseFile recorded = read(CASES.resolve("recorded").resolve("full-game.cases.textproto"));
    Scenario scenario = BuiltInScenarios.load(recorded.getScenario());
    TestCase game = recorded.getCases(0);
    CaseRunner.Prepared prepared = CaseRunner.prepare(scenario, game);
    EngineSessionRules rules = new EngineSessionRules(scenario);
    GameState state = prepared.start();
    int privateLines = 0;
    java.util.Set<ReportLine.Proposal> proposals =
        java.util.EnumSet.noneOf(ReportLine.Proposal.class);
    for (Map<String, List<Order>> orders : prepared.turns()) {
      TurnResult engine = Engine.resolve(scenario, state, orders, game.getSeed());
      state = engine.state();
      assertThat(rules.resolve(orders, game.getSeed()).lines()).isEqualTo(engine.report().lines());
      assertServerViewsAgree(scenario, engine.report(), "recorded T" + engine.report().turn());
      engine.report().lines().forEach(l -> proposals.add(l.proposal()));
      privateLines +=
          (int)
              engine.report().lines().stream()
                  .filter(l -> l.visibility().scope() == Visibility.Scope.ACTORS)
                  .count();
    }
    assertThat(rules.state().hash()).isEqualTo(game.getExpectStateHash());
    assertThat(privateLines).as("the game has lines for some actors only").isPositive();
    assertThat(proposals)
        .as("the game has agreements, unmatched proposals and offers")
        .contains(
            ReportLine.Proposal.AGREED, ReportLine.Proposal.UNMATCHED, ReportLine.Proposal.OFFER);
  }

  private static List<Viewer> viewers(Scenario scenario) {
    List<Viewer> viewers = new ArrayList<>(List.of(Viewer.PUBLIC, Viewer.GAME_MASTER));
    for (Actor a : scenario.actors()) {
      viewers.add(Viewer.actor(a.id()));
    }
    return viewers;
  }

  private static String wireName(Visibility visibility) {
    return visibility.scope() == Visibility.Scope.ACTORS ? "PRIVATE" : visibility.scope().name();
  }

  private static List<Path> caseFiles(String dir) throws IOException {
    try (Stream<Path> files = Files.list(CASES.resolve(dir))) {
      return files
          .filter(p -> p.getFileName().toString().endsWith(".cases.textproto"))
          .sorted()
          .toList();
    }
  }

  private static CaseFile read(Path file) throws IOException {
    CaseFile.Builder b = CaseFile.newBuilder();
    TextFormat.merge(Files.readString(file, StandardCharsets.UTF_8), b);
    return b.build();
  }
}
