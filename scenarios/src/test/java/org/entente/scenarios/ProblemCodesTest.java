package org.entente.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.scenarios.Fixtures.base;
import static org.entente.scenarios.Fixtures.plus;

import java.util.List;
import org.junit.jupiter.api.Test;

/** One broken file per problem code, with the exact compiler-style line it produces. */
class ProblemCodesTest {
  /** Every problem except the "no order_rule" and "no-orders" warnings every small fixture gets. */
  private static List<String> problems(String text) {
    return ScenarioLoader.load("t.textproto", text).problems().stream()
        .filter(p -> !p.message().startsWith("no order_rule") && !p.code().equals("no-orders"))
        .map(Problem::toString)
        .toList();
  }

  @Test
  void baseFixtureLoads() {
    LoadResult r = ScenarioLoader.load("t.textproto", Fixtures.BASE);
    assertThat(r.errors()).isEmpty();
    assertThat(r.scenario()).isPresent();
    assertThat(problems(Fixtures.BASE)).isEmpty();
  }

  @Test
  void unclosedStringIsASyntaxError() {
    assertThat(problems(base("  title: \"Tiny\"\n", "  title: \"Tiny\n")))
        .containsExactly("t.textproto:4:10: error: syntax: String missing ending quote.");
  }

  @Test
  void aMissingBraceIsReportedWhereTheUnclosedBlockOpens() {
    // The CSTO's clauses block loses its '}': protobuf would point at the end of the file. The
    // organisation's own '}' then closes the clauses, so the organisation is what stays open.
    String text = base("    decision_rule: CONSENSUS\n  }\n", "    decision_rule: CONSENSUS\n");
    assertThat(problems(text))
        .containsExactly(
            "t.textproto:25:1: error: syntax: 'organisations' opened at 25:1 is never closed: add its '}'");
    String clauses =
        base("    decision_rule: CONSENSUS\n  }\n}\n", "    decision_rule: CONSENSUS\n}\n");
    assertThat(problems(clauses))
        .as("the organisation's own brace missing")
        .containsExactly(
            "t.textproto:25:1: error: syntax: 'organisations' opened at 25:1 is never closed: add its '}'");
  }

  @Test
  void unknownFieldNamesTheFieldAndSuggestsOne() {
    assertThat(problems(base("  turn_length: MONTH\n", "  turn_lenght: MONTH\n")))
        .containsExactly(
            "t.textproto:2:1: error: missing: metadata `turn_length` is required: add turn_length:"
                + " DAY, WEEK, MONTH, QUARTER or YEAR",
            "t.textproto:6:3: error: unknown-field: 'turn_lenght' is not a field of the metadata;"
                + " did you mean 'turn_length'?");
  }

  @Test
  void unknownEnumValueSuggestsOne() {
    assertThat(problems(base("  turn_length: MONTH\n", "  turn_length: MONHT\n")))
        .containsExactly(
            "t.textproto:6:16: error: syntax: 'MONHT' is not a turn length; did you mean 'MONTH'?");
  }

  @Test
  void formatVersionMustBeOne() {
    assertThat(problems(base("format_version: 1\n", "format_version: 2\n")))
        .containsExactly(
            "t.textproto:1:17: error: format-version: format_version is 2; this version of Entente"
                + " reads format 1: write `format_version: 1` at the top");
  }

  @Test
  void missingActorName() {
    assertThat(problems(base("  name: \"Armenia\"\n", "")))
        .containsExactly(
            "t.textproto:10:1: error: missing: actor `name` is required: add the display name, e.g."
                + " name: \"Armenia\"");
  }

  @Test
  void badActorId() {
    assertThat(problems(base("  id: \"ARM\"\n", "  id: \"arm\"\n")))
        .containsExactly(
            "t.textproto:11:7: error: bad-id: actor id 'arm' is not an identifier: use upper-case"
                + " letters, digits and underscores, starting with a letter, at most 24 characters"
                + " (e.g. ARM)",
            "t.textproto:30:20: error: unknown-ref: 'ARM' is not an actor; known: RUS");
  }

  @Test
  void badScenarioId() {
    assertThat(problems(base("  id: \"tiny\"\n", "  id: \"Tiny Scenario\"\n")))
        .containsExactly(
            "t.textproto:3:7: error: bad-id: scenario id 'Tiny Scenario' must be lower-case letters"
                + " and digits separated by single dashes, e.g. armenia-csto-2024");
  }

  @Test
  void duplicateActorId() {
    assertThat(problems(base("  id: \"RUS\"\n", "  id: \"ARM\"\n")))
        .containsExactly(
            "t.textproto:19:7: error: duplicate: id 'ARM' is already defined on line 11; remove or"
                + " rename one",
            "t.textproto:31:20: error: unknown-ref: 'RUS' is not an actor; known: ARM");
  }

  @Test
  void unknownMemberSuggestsTheClosestActor() {
    assertThat(problems(base("members { actor: \"RUS\"", "members { actor: \"RUZ\"")))
        .containsExactly(
            "t.textproto:31:20: error: unknown-ref: 'RUZ' is not an actor; known:"
                + " ARM, RUS; did you mean 'RUS'?");
  }

  @Test
  void orderPointsOutOfRange() {
    assertThat(problems(base("order_points: 3\n  source", "order_points: 30\n  source")))
        .containsExactly(
            "t.textproto:15:17: error: range: order_points is 30; it must be"
                + " between 1 and 20");
  }

  @Test
  void startDateMustBeIso() {
    assertThat(problems(base("\"2024-06-13\"", "\"13/06/2024\"")))
        .containsExactly(
            "t.textproto:5:15: error: bad-date: start_date '13/06/2024' is not an ISO date; write"
                + " YYYY-MM-DD, e.g. \"2024-06-13\"");
  }

  @Test
  void engineRunActorNeedsDoctrine() {
    assertThat(
            problems(
                base(
                    "  playable: true\n  start { sec: 55", "  playable: false\n  start { sec: 55")))
        .containsExactly(
            "t.textproto:18:1: error: contradiction: actor RUS is run by the engine (playable is"
                + " false) but has no doctrine; add doctrine { ... } or set playable: true");
  }

  @Test
  void expressionErrorPointsAtItsToken() {
    assertThat(
            problems(
                plus(
                    "events { id: \"E\" turn: 1 title: \"E\" when: \"sec(ARM) > trust(ARM)\" }\n")))
        .containsExactly(
            "t.textproto:39:55: error: expr-arity: 'trust' takes 2 arguments,"
                + " trust(actor, actor), but was given 1");
  }

  @Test
  void selfInAnEventWithoutActorIsABadRef() {
    assertThat(
            problems(
                plus(
                    "events { id: \"E\" turn: 1 title: \"E\" effects { target:"
                        + " \"sec(self)\" delta: 1 } }\n")))
        .containsExactly(
            "t.textproto:39:60: error: bad-ref: 'self' is not defined in an event without an actor"
                + " (set `actor` to use self); use an id");
  }

  @Test
  void unknownOrganisationInACaseOrder() {
    assertThat(
            problems(
                plus("test_cases { id: \"T\" turns { orders: \"ARM: GIVE_NOTICE CTSO\" } }\n")))
        .containsExactly(
            "t.textproto:39:56: error: bad-order: 'CTSO' is not an organisation in"
                + " this scenario; known: CSTO; did you mean 'CSTO'?");
  }

  @Test
  void setLineNeedsANumber() {
    assertThat(problems(plus("test_cases { id: \"T\" setup { set: \"sec(ARM) = high\" } }\n")))
        .containsExactly("t.textproto:39:47: error: bad-set: expected a number but found 'high'");
  }

  @Test
  void variantMustBeAnOptionWord() {
    assertThat(problems(plus("order_rules { kind: ESCALATE variants { name: \"INVASION\" } }\n")))
        .containsExactly(
            "t.textproto:39:47: error: bad-variant: 'INVASION' is not a variant of"
                + " ESCALATE; expected one of INCIDENT, INCURSION, OFFENSIVE");
  }

  @Test
  void aVariantCitationMayNotBeBlank() {
    assertThat(
            problems(
                plus(
                    "order_rules { kind: ESCALATE variants { name: \"INCIDENT\" citation: \"  \" } }\n")))
        .containsExactly(
            "t.textproto:39:68: error: missing: a variant's citation is blank: cite a rule or clause,"
                + " or leave it out");
  }

  @Test
  void aVariantCitationIsOneShortLine() {
    assertThat(
            problems(
                plus(
                    "order_rules { kind: ESCALATE variants { name: \"INCIDENT\" citation: \""
                        + "x".repeat(201)
                        + "\" } }\n")))
        .containsExactly(
            "t.textproto:39:68: error: range: a variant's citation must be one line of at most 200"
                + " characters, not 201");
  }

  @Test
  void aVariantCitationIsCitedInsteadOfItsKinds() {
    LoadResult r =
        ScenarioLoader.load(
            "t.textproto",
            plus(
                "order_rules { kind: ESCALATE citation: \"Use of force\""
                    + " variants { name: \"INCIDENT\" citation: \"A border incident\" } }\n"));
    assertThat(
            r.scenario()
                .orElseThrow()
                .rule(org.entente.engine.model.OrderKind.ESCALATE)
                .variants()
                .get("INCIDENT")
                .citation())
        .isEqualTo("A border incident");
  }

  @Test
  void uncitedSourceAndUncoveredKindsAreWarnings() {
    LoadResult r = ScenarioLoader.load("t.textproto", base("  source: [\"SRC\"]\n", ""));
    assertThat(r.ok()).isTrue();
    assertThat(r.problems())
        .map(Problem::toString)
        .containsExactly(
            "t.textproto:1:1: warning: unused: no order_rule for REQUEST_CONSULTATION,"
                + " REQUEST_ASSISTANCE, RESPOND, ORG_PROPOSAL, OBJECT, STAND_ASIDE, FREEZE, RESUME,"
                + " WITHHOLD_DUES, ANNOUNCE_INTENT, GIVE_NOTICE, RESCIND_NOTICE, APPLY_MEMBERSHIP,"
                + " PROPOSE_PARTNERSHIP, JOINT_EXERCISE, ARMS_DEAL, MEDIATE, ACCEPT_MEDIATION,"
                + " PEACE_STEP, ECONOMIC_PRESSURE, ESCALATE, PRESENCE, LOBBY, STATEMENT: they use the"
                + " engine default: cost 1, no effects",
            "t.textproto:8:18: warning: unused: source 'SRC' is never cited; cite it with source:"
                + " [\"SRC\"] or remove it",
            NO_ORDERS_ARM,
            NO_ORDERS_RUS.replace(":18:1:", ":17:1:"));
  }

  static final String NO_ORDERS_ARM =
      "t.textproto:10:1: warning: no-orders: actor ARM has no doctrine priorities: bots will"
          + " give no orders for it when no student plays it; add doctrine { priorities { order: \"...\" weight: 50 } }";
  static final String NO_ORDERS_RUS = NO_ORDERS_ARM.replace("10:1", "18:1").replace("ARM", "RUS");

  @Test
  void aPlayableActorWithoutPrioritiesWarnsThatBotsGiveNoOrders() {
    assertThat(ScenarioLoader.load("t.textproto", Fixtures.BASE).problems())
        .map(Problem::toString)
        .contains(NO_ORDERS_ARM, NO_ORDERS_RUS);
    String withPriorities =
        base(
            "  source: [\"SRC\"]\n",
            "  source: [\"SRC\"]\n  doctrine { priorities { order: \"STATEMENT RUS REASSURE\" weight: 5 } }\n");
    assertThat(ScenarioLoader.load("t.textproto", withPriorities).problems())
        .map(Problem::toString)
        .doesNotContain(NO_ORDERS_ARM)
        .contains(NO_ORDERS_RUS.replace(":18:1:", ":19:1:"));
  }

  @Test
  void anEngineRunActorWithoutStandingOrdersWarnsThatItGivesNoOrders() {
    String engineRun =
        base("  playable: true\n  start { sec: 55", "  playable: false\n  start { sec: 55")
            .replace(
                "  order_points: 3\n}\norganisations",
                "  order_points: 3\n  doctrine { summary: \"votes only\" }\n}\norganisations");
    assertThat(ScenarioLoader.load("t.textproto", engineRun).problems())
        .map(Problem::toString)
        .contains(
            "t.textproto:18:1: warning: no-orders: actor RUS is run by the engine but its doctrine has no"
                + " standing_orders or priorities: it will give no orders (it only votes and answers)");
  }

  @Test
  void internalFailuresNeverEscape() {
    assertThat(ScenarioLoader.load(null, null).problems()).isNotEmpty();
  }

  @Test
  void severalProblemsAreAllReportedInOneRun() {
    String text =
        base("  id: \"RUS\"\n", "  id: \"rus\"\n")
                .replace("sec: 35", "sec: 135")
                .replace("notice_turns: 6", "notice_turns: 0")
                .replace("start: 30", "start: 300")
            + "relations { from: \"ARM\" to: \"ARM\" trust: 5 }\n"
            + "objectives { actor: \"ARM\" criteria { id: \"A\" condition: \"sec(self) >= 50\""
            + " points: 60 } }\n"
            + "presences { id: \"P\" owner: \"ARM\" host: \"ARM\" strength: 1 }\n"
            + "mechanics { tension_track: \"TENSOIN\" }\n";
    assertThat(problems(text))
        .containsExactly(
            "t.textproto:14:16: error: range: sec is 135; it must be between 0 and 100",
            "t.textproto:19:7: error: bad-id: actor id 'rus' is not an identifier: use upper-case"
                + " letters, digits and underscores, starting with a letter, at most 24 characters"
                + " (e.g. RUS)",
            "t.textproto:31:20: error: unknown-ref: 'RUS' is not an actor; known: ARM",
            "t.textproto:32:3: error: missing: clauses `notice_turns` is required: a withdrawal"
                + " clause needs the turns between notice and withdrawal (1..60)",
            "t.textproto:38:47: error: range: track start is 300; it must be between 0 and 100",
            "t.textproto:39:1: error: contradiction: a relation from ARM to itself; trust is between"
                + " two different actors",
            "t.textproto:40:1: error: contradiction: the criteria of ARM's objective add up to 60"
                + " points; they must add up to 100",
            "t.textproto:41:40: error: contradiction: presence P is on its owner's own territory; a"
                + " presence is foreign: owner and host must differ",
            "t.textproto:42:28: error: contradiction: mechanics.tension_track 'TENSOIN' is not a"
                + " track; known: TENSION; did you mean 'TENSION'?");
  }
}
