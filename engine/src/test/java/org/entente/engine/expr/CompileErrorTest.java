package org.entente.engine.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.engine.expr.TestNames.NAMES;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CompileErrorTest {
  private static final Set<String> SELF_ORG = Set.of("self", "org");

  private static List<ExprError> errors(String source, Set<String> variables, Type expected) {
    CompileResult result = Expressions.compile(source, NAMES, variables, expected);
    assertThat(result.ok()).as("ok(%s)", source).isEqualTo(result.errors().isEmpty());
    return result.errors();
  }

  private static List<ExprError> errors(String source) {
    return errors(source, SELF_ORG, Type.BOOL);
  }

  private static ExprError only(String source) {
    List<ExprError> errors = errors(source);
    assertThat(errors).as(source).hasSize(1);
    return errors.get(0);
  }

  private static ExprError error(int offset, int length, String code, String message) {
    return new ExprError(offset, length, code, message);
  }

  @Test
  void missingOperandIsReportedAtEndOfInput() {
    assertThat(only("sec(ARM) >= "))
        .isEqualTo(
            error(12, 0, "expr-syntax", "expected a number, name or '(' but found end of input"));
  }

  @Test
  void syntaxErrorsNameWhatWasExpectedAndHintAtCommonSlips() {
    assertThat(only("sec(ARM) = 5"))
        .isEqualTo(
            error(
                9,
                1,
                "expr-syntax",
                "expected an operator or end of input but found '='; did you mean '=='?"));
    assertThat(only("sec(ARM) > 1 AND 2 > 1"))
        .isEqualTo(
            error(
                13,
                3,
                "expr-syntax",
                "expected an operator or end of input but found 'AND'; keywords are lower case: 'and'"));
    assertThat(only("sec(ARM B) > 1"))
        .isEqualTo(error(8, 1, "expr-syntax", "expected ',' or ')' but found 'B'"));
    assertThat(only("(1 == 1"))
        .isEqualTo(error(7, 0, "expr-syntax", "expected ')' but found end of input"));
    assertThat(only("1 == 1 && 2 == 2"))
        .isEqualTo(error(7, 1, "expr-syntax", "unexpected character '&'; write 'and'"));
    assertThat(only("!presence(GYUMRI_BASE)"))
        .isEqualTo(error(0, 1, "expr-syntax", "unexpected character '!'; write 'not' or '!='"));
  }

  @Test
  void oddCharactersAreReportedWithTheirPosition() {
    assertThat(only("sec(ARMé) > 1"))
        .isEqualTo(error(7, 1, "expr-syntax", "unexpected character 'é'"));
    assertThat(only("sec(ARM)\u0007 > 1"))
        .isEqualTo(error(8, 1, "expr-syntax", "unexpected character U+0007"));
    // A character outside the BMP is two chars long in the source string.
    assertThat(only("1 == 1 \uD83D\uDE00"))
        .isEqualTo(error(7, 2, "expr-syntax", "unexpected character '\uD83D\uDE00'"));
  }

  @Test
  void numbersBeyondIntAreRejected() {
    assertThat(only("99999999999 > 1"))
        .isEqualTo(
            error(
                0,
                11,
                "expr-syntax",
                "number '99999999999' is too large; the largest is 2147483647"));
    assertThat(errors("2147483647 > 1")).isEmpty();
  }

  @Test
  void unknownFunctionSuggestsTheClosestName() {
    assertThat(only("sec2(ARM) > 1"))
        .isEqualTo(
            error(0, 4, "expr-unknown-function", "unknown function 'sec2'; did you mean 'sec'?"));
    assertThat(only("frobnicate(ARM)"))
        .isEqualTo(error(0, 10, "expr-unknown-function", "unknown function 'frobnicate'"));
  }

  @Test
  void wrongArgumentCountShowsTheSignature() {
    assertThat(only("trust(ARM) > 1"))
        .isEqualTo(
            error(
                0,
                10,
                "expr-arity",
                "'trust' takes 2 arguments, trust(actor, actor), but was given 1"));
    assertThat(only("escalations(AZE, ARM) > 0"))
        .isEqualTo(
            error(
                0,
                21,
                "expr-arity",
                "'escalations' takes 4 arguments, escalations(actor or ANY, actor or ANY, "
                    + "escalation level, integer), but was given 2"));
  }

  @Test
  void typeErrorsPointAtTheOffendingOperand() {
    assertThat(only("sec(ARM) and 1 == 1"))
        .isEqualTo(error(0, 8, "expr-type", "'and' needs a boolean but found an integer"));
    assertThat(only("1 + presence(GYUMRI_BASE) > 0"))
        .isEqualTo(error(4, 21, "expr-type", "'+' needs an integer but found a boolean"));
    assertThat(only("status(ARM, CSTO) < 3"))
        .isEqualTo(error(0, 17, "expr-type", "'<' needs an integer but found a status"));
    assertThat(only("not sec(ARM)"))
        .isEqualTo(error(4, 8, "expr-type", "'not' needs a boolean but found an integer"));
    assertThat(only("self == org"))
        .isEqualTo(error(0, 11, "expr-type", "cannot compare an actor with an organisation"));
    assertThat(only("sec(1 == 1) > 0"))
        .isEqualTo(
            error(4, 6, "expr-type", "argument 1 of 'sec' needs an actor but found a boolean"));
    assertThat(only("sec(org) > 0"))
        .isEqualTo(
            error(
                4,
                3,
                "expr-type",
                "argument 1 of 'sec' needs an actor but 'org' is an organisation"));
    assertThat(only("partnership(ARM, FRA) == DIALOG"))
        .isEqualTo(
            error(
                0,
                31,
                "expr-type",
                "cannot compare an integer with the symbol 'DIALOG'; did you mean 'DIALOGUE'?"));
  }

  @Test
  void resultTypeIsCheckedAgainstWhatTheCallerExpects() {
    assertThat(errors("sec(ARM)", SELF_ORG, Type.BOOL))
        .containsExactly(error(0, 8, "expr-type", "expected a boolean but found an integer"));
    assertThat(errors("ARM", SELF_ORG, Type.INT))
        .containsExactly(
            error(0, 3, "expr-type", "expected an integer but found the symbol 'ARM'"));
    assertThat(errors("sec(ARM)", SELF_ORG, null)).isEmpty();
  }

  @Test
  void unknownStatusListsTheValidNames() {
    assertThat(only("status(ARM, CSTO) == NOTICED"))
        .isEqualTo(
            error(
                21,
                7,
                "expr-unknown-id",
                "unknown status 'NOTICED'; expected one of ACTIVE, FROZEN, NOTICE, WITHDRAWN, "
                    + "SUSPENDED, EXPELLED, APPLICANT, NONE"));
    assertThat(only("NOTICED != status(self, org)").offset()).isZero();
  }

  @Test
  void unknownIdsAreCheckedPerArgumentKind() {
    assertThat(only("sec(AMR) > 1"))
        .isEqualTo(error(4, 3, "expr-unknown-id", "unknown actor 'AMR'; did you mean 'ARM'?"));
    assertThat(only("sec(XYZZY) > 1"))
        .isEqualTo(
            error(
                4,
                5,
                "expr-unknown-id",
                "unknown actor 'XYZZY'; known: ARM, AZE, EU, FRA, RUS, USA, self"));
    assertThat(only("cred(ARM) > 1"))
        .isEqualTo(error(5, 3, "expr-unknown-id", "'ARM' is an actor, not an organisation"));
    assertThat(only("sec(CSTO) > 1"))
        .isEqualTo(error(4, 4, "expr-unknown-id", "'CSTO' is an organisation, not an actor"));
    assertThat(only("sec(ANY) > 1"))
        .isEqualTo(
            error(
                4,
                3,
                "expr-unknown-id",
                "'ANY' is not allowed in argument 1 of 'sec'; only deliveries and escalations accept it"));
    assertThat(only("track(TENSON) > 1"))
        .isEqualTo(
            error(6, 6, "expr-unknown-id", "unknown track 'TENSON'; did you mean 'TENSION'?"));
    assertThat(only("presence(GYUMRI) "))
        .isEqualTo(
            error(
                9,
                6,
                "expr-unknown-id",
                "unknown presence 'GYUMRI'; known: EUMA_MISSION, GYUMRI_BASE"));
    assertThat(only("escalations(AZE, ARM, SKIRMISH, 0) > 0"))
        .isEqualTo(
            error(
                22,
                8,
                "expr-unknown-id",
                "unknown escalation level 'SKIRMISH'; expected one of INCIDENT, INCURSION, OFFENSIVE"));
    assertThat(only("peace_step(ARM, AZE, DELIMIT)"))
        .isEqualTo(
            error(
                21,
                7,
                "expr-unknown-id",
                "unknown peace step 'DELIMIT'; expected one of DELIMIT_BORDER, CONSTITUTION_PLEDGE, "
                    + "DROP_CLAIMS, NO_THIRD_PARTY_FORCES, UNBLOCK_TRANSPORT, SIGN"));
  }

  @Test
  void actorVariablesAreComparedWithActorIds() {
    List<ExprError> errors = errors("aggressor == AZR", Set.of("aggressor"), Type.BOOL);
    assertThat(errors)
        .containsExactly(
            error(13, 3, "expr-unknown-id", "unknown actor 'AZR'; did you mean 'AZE'?"));
    assertThat(errors("proposal == ANYTHING_GOES", Set.of("proposal"), Type.BOOL)).isEmpty();
  }

  @Test
  void variablesMustBeAvailable() {
    assertThat(only("sec(target) > 1"))
        .isEqualTo(
            error(
                4,
                6,
                "expr-unknown-variable",
                "variable 'target' is not available here; available: org, self, turn"));
    assertThat(only("sefl == ARM"))
        .isEqualTo(
            error(0, 4, "expr-unknown-variable", "unknown variable 'sefl'; did you mean 'self'?"));
    assertThat(only("sec > 1"))
        .isEqualTo(
            error(
                0,
                3,
                "expr-unknown-variable",
                "unknown variable 'sec'; 'sec' is a function: write sec(...)"));
    assertThat(errors("turn > 3", Set.of(), Type.BOOL)).isEmpty();
  }

  @Test
  void allSemanticErrorsAreCollectedInOnePass() {
    assertThat(errors("sec2(ARM) > 1 and cred(ARM) > 2 or status(ARM, CSTO) == NOTICED"))
        .extracting(ExprError::code, ExprError::offset)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("expr-unknown-function", 0),
            org.assertj.core.groups.Tuple.tuple("expr-unknown-id", 23),
            org.assertj.core.groups.Tuple.tuple("expr-unknown-id", 56));
  }

  @Test
  void errorsInsideArgumentsOfUnknownFunctionsAreStillReported() {
    assertThat(errors("foo(sec(AMR)) > 1"))
        .extracting(ExprError::code)
        .containsExactly("expr-unknown-function", "expr-unknown-id");
  }
}
