package org.entente.scenarios.cases;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.entente.engine.Engine;
import org.entente.engine.Seeds;
import org.entente.engine.TurnResult;
import org.entente.engine.expr.Assignment;
import org.entente.engine.expr.CompileResult;
import org.entente.engine.expr.Expressions;
import org.entente.engine.expr.Type;
import org.entente.engine.model.MemberStatus;
import org.entente.engine.model.PartnershipLevel;
import org.entente.engine.model.Scenario;
import org.entente.engine.order.Order;
import org.entente.engine.order.OrderCheck;
import org.entente.engine.order.OrderParser;
import org.entente.engine.report.Report;
import org.entente.engine.report.ReportLine;
import org.entente.engine.report.Viewer;
import org.entente.engine.state.GameState;
import org.entente.engine.state.StateBuilder;
import org.entente.proto.scenario.v1.CaseTurn;
import org.entente.proto.scenario.v1.ExpectedLine;
import org.entente.proto.scenario.v1.ExpectedRefusal;
import org.entente.proto.scenario.v1.TestCase;

/**
 * Runs conformance cases ({@link TestCase}) against an engine {@link Scenario}: the start state
 * with the case's set-up applied, each turn's orders resolved in sequence, then every expectation
 * checked. A case never throws for bad input: a set line, order or expression that does not
 * parse or check is a failure with a message, like a wrong value.
 *
 * <p>Every turn's orders are checked at submission against the state before that turn; a refused
 * order fails the case. Refusals ({@code expect_refused}) are checked against the start state, as
 * if the order were added to its actor's orders of the first turn (so budgets and per-turn limits
 * can be tested). Later turns' orders that become void at sealing (the state changed at upkeep)
 * are not failures: they show in their actor's report.
 */
public final class CaseRunner {
  private CaseRunner() {}

  /** One case's outcome: passed when {@code failures} is empty. */
  public record CaseResult(String id, List<String> failures) {
    public CaseResult {
      failures = List.copyOf(failures);
    }

    public boolean passed() {
      return failures.isEmpty();
    }

    /** {@code PASS ID} or {@code FAIL ID} followed by one indented line per failure. */
    public String render() {
      StringBuilder sb = new StringBuilder(passed() ? "PASS " : "FAIL ").append(id);
      for (String f : failures) {
        sb.append('\n').append("  - ").append(f.replace("\n", "\n    "));
      }
      return sb.toString();
    }
  }

  /** The results of a file of cases. */
  public record Summary(List<CaseResult> results) {
    public Summary {
      results = List.copyOf(results);
    }

    public long passed() {
      return results.stream().filter(CaseResult::passed).count();
    }

    public long failed() {
      return results.size() - passed();
    }

    public boolean allPassed() {
      return failed() == 0;
    }

    /** Every failed case with its messages, then {@code N passed, M failed} on its own line. */
    public String render() {
      StringBuilder sb = new StringBuilder();
      for (CaseResult r : results) {
        if (!r.passed()) {
          sb.append(r.render()).append('\n');
        }
      }
      return sb.append(passed()).append(" passed, ").append(failed()).append(" failed").toString();
    }
  }

  /**
   * A case made ready to resolve: the start state (set-up applied) and each turn's parsed orders
   * by actor, in the order they were written. {@code errors} lists what could not be prepared.
   */
  public record Prepared(
      GameState start,
      List<Map<String, List<Order>>> turns,
      List<Engine.Options> options,
      List<String> errors) {
    public Prepared {
      turns = List.copyOf(turns);
      options = List.copyOf(options);
      errors = List.copyOf(errors);
    }
  }

  /** The last state and the last turn's report after playing a prepared case. */
  public record Played(GameState state, Report lastReport) {}

  public static Summary runAll(Scenario scenario, List<TestCase> cases) {
    List<CaseResult> results = new ArrayList<>();
    for (TestCase c : cases) {
      results.add(run(scenario, c));
    }
    return new Summary(results);
  }

  public static CaseResult run(Scenario scenario, TestCase testCase) {
    List<String> failures = new ArrayList<>();
    try {
      Prepared prepared = prepare(scenario, testCase);
      failures.addAll(prepared.errors());
      if (!failures.isEmpty()) {
        return new CaseResult(testCase.getId(), failures);
      }
      failures.addAll(checkRefusals(scenario, testCase, prepared));
      List<String> refused = new ArrayList<>();
      Played played = play(scenario, prepared, testCase.getSeed(), refused);
      if (!refused.isEmpty()) {
        failures.addAll(refused);
        return new CaseResult(testCase.getId(), failures);
      }
      failures.addAll(checkExpectations(scenario, testCase, played));
    } catch (RuntimeException e) {
      failures.add("the engine threw " + e);
    }
    return new CaseResult(testCase.getId(), failures);
  }

  /** Applies the set-up and parses every turn's orders (checking comes when each turn is played). */
  public static Prepared prepare(Scenario scenario, TestCase testCase) {
    List<String> errors = new ArrayList<>();
    StateBuilder b = GameState.initial(scenario).toBuilder();
    b.turn(testCase.getSetup().getTurn());
    for (String line : testCase.getSetup().getSetList()) {
      Assignment.ParseResult parsed = Assignment.parse(line, scenario.names());
      if (!parsed.ok()) {
        errors.add("set line '" + line + "' does not parse: " + parsed.errors());
        continue;
      }
      apply(scenario, b, parsed.assignment());
    }
    GameState start = b.build();
    List<Map<String, List<Order>>> turns = new ArrayList<>();
    List<Engine.Options> options = new ArrayList<>();
    int n = 0;
    for (CaseTurn turn : testCase.getTurnsList()) {
      n++;
      Map<String, List<Order>> byActor = new LinkedHashMap<>();
      for (String line : turn.getOrdersList()) {
        ActorLine al = ActorLine.split(line);
        if (al == null) {
          errors.add("turn " + n + ": '" + line + "' is not 'ACTOR: ORDER'");
          continue;
        }
        OrderCheck parsed = new OrderParser(scenario).parse(al.actor, al.text);
        if (!parsed.isAccepted()) {
          errors.add("turn " + n + ": '" + line + "' is not understood: " + parsed.reason());
          continue;
        }
        byActor.computeIfAbsent(al.actor, k -> new ArrayList<>()).add(parsed.order().orElseThrow());
      }
      turns.add(byActor);
      options.add(new Engine.Options(!turn.getSilenceEngineActors(), turn.getFinalTurn()));
    }
    return new Prepared(start, turns, options, errors);
  }

  /** Resolves every turn of a prepared case in sequence, without checking the orders. */
  public static Played play(Scenario scenario, Prepared prepared, long seed) {
    return play(scenario, prepared, seed, null);
  }

  /**
   * Resolves every turn in sequence. If {@code refusals} is not null, each turn's orders are first
   * checked at submission against the state before that turn (in the order written, each actor's
   * earlier orders as its draft); a refused order is added to {@code refusals} and play stops.
   */
  public static Played play(
      Scenario scenario, Prepared prepared, long seed, List<String> refusals) {
    GameState state = prepared.start();
    Report last = new Report(state.turn(), List.of());
    for (int i = 0; i < prepared.turns().size(); i++) {
      Map<String, List<Order>> orders = prepared.turns().get(i);
      if (refusals != null) {
        for (List<Order> own : orders.values()) {
          List<Order> draft = new ArrayList<>();
          for (Order o : own) {
            OrderCheck c = Engine.check(scenario, state, draft, o);
            if (!c.isAccepted()) {
              refusals.add(
                  "T"
                      + (state.turn() + 1)
                      + ": '"
                      + o.actor()
                      + ": "
                      + o.toText()
                      + "' is refused at submission: "
                      + c.reason());
            }
            draft.add(o);
          }
        }
        if (!refusals.isEmpty()) {
          return new Played(state, last);
        }
      }
      TurnResult r =
          Engine.resolve(
              scenario, state, orders, Seeds.turn(seed, state.turn()), prepared.options().get(i));
      state = r.state();
      last = r.report();
    }
    return new Played(state, last);
  }

  private record ActorLine(String actor, String text) {
    static ActorLine split(String line) {
      int colon = line.indexOf(':');
      if (colon <= 0) {
        return null;
      }
      String actor = line.substring(0, colon).trim().toUpperCase(java.util.Locale.ROOT);
      return actor.isEmpty() ? null : new ActorLine(actor, line.substring(colon + 1).trim());
    }
  }

  private static List<String> checkRefusals(
      Scenario scenario, TestCase testCase, Prepared prepared) {
    List<String> failures = new ArrayList<>();
    for (ExpectedRefusal refusal : testCase.getExpectRefusedList()) {
      ActorLine al = ActorLine.split(refusal.getOrder());
      if (al == null) {
        failures.add("expect_refused '" + refusal.getOrder() + "' is not 'ACTOR: ORDER'");
        continue;
      }
      List<Order> draft =
          prepared.turns().isEmpty()
              ? List.of()
              : prepared.turns().get(0).getOrDefault(al.actor, List.of());
      OrderCheck c = Engine.check(scenario, prepared.start(), al.actor, draft, al.text);
      if (c.isAccepted()) {
        failures.add(
            "expected '"
                + refusal.getOrder()
                + "' to be refused (reason containing '"
                + refusal.getReason()
                + "'), but it was accepted"
                + (c.reason().isEmpty() ? "" : " with the note: " + c.reason()));
      } else if (!c.reason().contains(refusal.getReason())) {
        failures.add(
            "'"
                + refusal.getOrder()
                + "' was refused, but the reason does not contain '"
                + refusal.getReason()
                + "': "
                + c.reason());
      }
    }
    return failures;
  }

  private static List<String> checkExpectations(
      Scenario scenario, TestCase testCase, Played played) {
    List<String> failures = new ArrayList<>();
    for (String source : testCase.getExpectList()) {
      CompileResult compiled = Expressions.compile(source, scenario.names(), Set.of(), Type.BOOL);
      if (!compiled.ok()) {
        failures.add("expect '" + source + "' does not compile: " + compiled.errors());
        continue;
      }
      if (!compiled.expr().test(played.state(), org.entente.engine.expr.Bindings.EMPTY)) {
        failures.add(
            "expect '"
                + source
                + "' is false: "
                + Explain.actualValues(scenario, played.state(), source));
      }
    }
    for (ExpectedLine line : testCase.getExpectReportList()) {
      Viewer viewer = Viewer.parse(line.getViewer());
      if (find(played.lastReport(), viewer, line) == null) {
        failures.add(
            "no line of the "
                + viewer
                + " report contains '"
                + line.getContains()
                + "'"
                + proposal(line)
                + "; the "
                + viewer
                + " report of T"
                + played.lastReport().turn()
                + " is:\n"
                + render(played.lastReport(), viewer));
      }
    }
    for (ExpectedLine line : testCase.getForbidReportList()) {
      Viewer viewer = Viewer.parse(line.getViewer());
      ReportLine found = find(played.lastReport(), viewer, line);
      if (found != null) {
        failures.add(
            "the "
                + viewer
                + " report must not contain '"
                + line.getContains()
                + "'"
                + proposal(line)
                + ", but has: "
                + found.render());
      }
    }
    if (!testCase.getExpectStateHash().isEmpty()
        && !testCase.getExpectStateHash().equals(played.state().hash())) {
      failures.add(
          "state hash "
              + played.state().hash()
              + ", expected "
              + testCase.getExpectStateHash()
              + " (a recorded game: re-record only after a deliberate rules or scenario change)");
    }
    return failures;
  }

  /** The viewer's first line with the expected text (and proposal outcome, when one is expected). */
  private static ReportLine find(Report report, Viewer viewer, ExpectedLine expected) {
    for (ReportLine l : report.linesFor(viewer)) {
      if (l.render().contains(expected.getContains())
          && (expected.getProposal() == ExpectedLine.Proposal.ANY
              || l.proposal().name().equals(expected.getProposal().name()))) {
        return l;
      }
    }
    return null;
  }

  /** " marked OFFER" when the expectation names a proposal outcome; "" otherwise. */
  private static String proposal(ExpectedLine line) {
    return line.getProposal() == ExpectedLine.Proposal.ANY
        ? ""
        : " marked " + line.getProposal().name();
  }

  /** The viewer's lines, one per line (a bilateral proposal's outcome before its sentence), or "(empty)". */
  public static String render(Report report, Viewer viewer) {
    List<ReportLine> lines = report.linesFor(viewer);
    if (lines.isEmpty()) {
      return "  (empty)";
    }
    StringBuilder sb = new StringBuilder();
    for (ReportLine l : lines) {
      if (sb.length() > 0) {
        sb.append('\n');
      }
      sb.append("  ").append(l.phase().label()).append(' ');
      if (l.proposal() != ReportLine.Proposal.NONE) {
        sb.append('(').append(l.proposal().name()).append(") ");
      }
      sb.append(l.render());
    }
    return sb.toString();
  }

  private static void apply(Scenario scenario, StateBuilder b, Assignment a) {
    List<String> ids = a.ids();
    String x = ids.isEmpty() ? "" : ids.get(0);
    String y = ids.size() > 1 ? ids.get(1) : "";
    switch (a.target()) {
      case MUTUAL_TRUST:
        b.set(org.entente.engine.expr.Quantity.TRUST, x, y, a.value());
        b.set(org.entente.engine.expr.Quantity.TRUST, y, x, a.value());
        break;
      case STATUS:
        {
          MemberStatus before = b.status(x, y);
          MemberStatus status = MemberStatus.valueOf(a.symbol().orElseThrow());
          b.status(x, y, status);
          if (status == MemberStatus.NOTICE) {
            int turns =
                a.turns().isPresent()
                    ? a.turns().getAsInt()
                    : scenario.organisation(y).orElseThrow().clauses().noticeTurns();
            b.noticeLeft(x, y, turns);
            b.statusBeforeNotice(
                x, y, before == MemberStatus.FROZEN ? MemberStatus.FROZEN : MemberStatus.ACTIVE);
          } else {
            b.noticeLeft(x, y, 0);
          }
          break;
        }
      case PARTNERSHIP:
        b.partnership(x, y, PartnershipLevel.values()[a.value()], a.turns().orElse(0));
        break;
      case PRESENCE:
        b.presenceActive(x, a.value() != 0);
        break;
      case DUES_WITHHELD:
        b.duesWithheld(x, y, a.value() != 0);
        break;
      case NOTICE_LEFT:
        b.noticeLeft(x, y, a.value());
        break;
      default:
        b.set(a.target().quantity().orElseThrow(), x, y, a.value());
        break;
    }
  }
}
