package org.entente.engine.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.engine.expr.TestNames.ALL_VARIABLES;
import static org.entente.engine.expr.TestNames.NAMES;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HostileInputTest {
  private static final List<String> VALID =
      List.of(
          "sec(ARM) >= 50 and status(ARM, CSTO) != WITHDRAWN",
          "sec(self) + dom(self) - std(self) > rf(RUS)",
          "trust(RUS, self) <= -20 or not (cred(org) > 40)",
          "status(self, org) == NOTICE and notice_left(self, org) <= 2",
          "dues_withheld(self, org) or grievance(self) > 0",
          "partnership(self, target) >= STRATEGIC_PARTNERSHIP",
          "presence(EUMA_MISSION) and presence_turns(EUMA_MISSION) == 0",
          "presence_strength(GYUMRI_BASE) - presence_renewals(GYUMRI_BASE) > presence_expansions(GYUMRI_BASE)",
          "deliveries(ANY, ARM) + deliveries(FRA, ANY) >= 2",
          "exercises(ARM, USA) > 0 and peace_step(ARM, AZE, DROP_CLAIMS)",
          "peace_signed(ARM, AZE) or signed_with(ARM, AZE, EU)",
          "mediated(EU) >= 3",
          "escalations(AZE, ARM, INCURSION, turn - 3) == 0",
          "escalations(ANY, self, OFFENSIVE, 0) > 0 or territory_lost(self) > 0",
          "pressure(RUS, target) > 1 and applied(self, EUMA)",
          "requests(requester, org) < 3 and aggressor == AZE",
          "proposal == SUSPEND_MEMBER and target == proposer",
          "option == RENEW and lobbyist != RUS",
          "min(sec(ARM), dom(ARM)) > max(0, abs(-5))",
          "track(TENSION) > 70 or track(CORRIDOR) < 10",
          "turn >= 9",
          "not not not (1 == 1)",
          "- - -3 < 0",
          "((((sec(ARM)))) > (((1))))",
          "coh(CSTO) + cred(CSTO) > 100",
          "status(other, CSTO) == ACTIVE or status(other, CSTO) == APPLICANT",
          "trust(self, other) + trust(other, self) > 0",
          "sec(ARM)",
          "status(ARM, CSTO)",
          "(1 == 1) != (2 == 2)");

  private static final String ALPHABET = "()!=<>+-,# \t\n0123456789_aAzZéor\u0000\uD83D";

  @Test
  void seedsAreValid() {
    for (String source : VALID) {
      assertThat(Expressions.compile(source, NAMES, ALL_VARIABLES, null).errors())
          .as(source)
          .isEmpty();
    }
  }

  @Test
  void randomMutationsNeverThrowAndKeepOffsetsInRange() {
    Random random = new Random(20240917L);
    int failures = 0;
    for (int round = 0; round < 5000; round++) {
      String source = VALID.get(random.nextInt(VALID.size()));
      int edits = 1 + random.nextInt(4);
      for (int e = 0; e < edits; e++) {
        source = mutate(source, random);
      }
      CompileResult result = Expressions.compile(source, NAMES, ALL_VARIABLES, Type.BOOL);
      assertThat(result.ok()).isEqualTo(result.errors().isEmpty());
      for (ExprError error : result.errors()) {
        assertThat(error.offset()).as(source).isBetween(0, source.length());
        assertThat(error.offset() + error.length()).as(source).isLessThanOrEqualTo(source.length());
        assertThat(error.message()).as(source).isNotBlank();
      }
      failures += result.ok() ? 0 : 1;
    }
    // The mutations must actually exercise the error paths.
    assertThat(failures).isGreaterThan(2500);
  }

  private static String mutate(String s, Random random) {
    int at = s.isEmpty() ? 0 : random.nextInt(s.length());
    char c = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
    return switch (random.nextInt(5)) {
      case 0 -> s.isEmpty() ? s : s.substring(0, at) + s.substring(at + 1);
      case 1 -> s.substring(0, at) + c + s.substring(at);
      case 2 -> s.isEmpty() ? s : s.substring(0, at) + c + s.substring(at + 1);
      case 3 -> s.substring(0, at);
      default -> {
        int end = Math.min(s.length(), at + 1 + random.nextInt(8));
        yield s.substring(0, end) + " " + s.substring(at, end) + s.substring(end);
      }
    };
  }

  @Test
  void mutatedReferencesAndSetLinesNeverThrow() {
    Random random = new Random(7L);
    List<String> lines =
        List.of(
            "trust(RUS, self)",
            "mutual_trust(self, target)",
            "status(ARM, CSTO) = NOTICE 3",
            "partnership(ARM, FRA) = DIALOGUE 2",
            "presence(GYUMRI_BASE) = 1",
            "trust(ARM, RUS) = -40");
    for (int round = 0; round < 3000; round++) {
      String text = mutate(lines.get(random.nextInt(lines.size())), random);
      for (ExprError error : QuantityRef.parse(text, NAMES).errors()) {
        assertThat(error.offset() + error.length()).as(text).isLessThanOrEqualTo(text.length());
      }
      for (ExprError error : Assignment.parse(text, NAMES).errors()) {
        assertThat(error.offset() + error.length()).as(text).isLessThanOrEqualTo(text.length());
      }
    }
  }

  @Test
  void deepNestingIsAnErrorNotAStackOverflow() {
    String source = "(".repeat(10_000) + "1" + ")".repeat(10_000);
    assertThat(Expressions.compile(source, NAMES, ALL_VARIABLES, null).errors())
        .containsExactly(
            new ExprError(
                64, 1, "expr-syntax", "expression is nested too deeply (more than 64 levels)"));
    assertThat(
            Expressions.compile("not ".repeat(10_000) + "1 == 1", NAMES, ALL_VARIABLES, null)
                .errors())
        .extracting(ExprError::code)
        .containsExactly("expr-syntax");
    assertThat(Expressions.compile("-".repeat(10_000) + "1", NAMES, ALL_VARIABLES, null).errors())
        .extracting(ExprError::code)
        .containsExactly("expr-syntax");
    assertThat(Expressions.compile("abs(".repeat(10_000), NAMES, ALL_VARIABLES, null).errors())
        .extracting(ExprError::code)
        .containsExactly("expr-syntax");
  }

  @Test
  void nestingUpToTheLimitCompiles() {
    String source = "(".repeat(63) + "1" + ")".repeat(63) + " > 0";
    assertThat(Expressions.compile(source, NAMES, ALL_VARIABLES, null).ok()).isTrue();
  }

  @Test
  void longFlatChainsCompileAndEvaluate() {
    String sum = "1" + " + 1".repeat(100_000);
    Expr expr = Expressions.compile(sum, NAMES, ALL_VARIABLES, Type.INT).expr();
    assertThat(expr.evalInt(new FakeFacts(), Bindings.EMPTY)).isEqualTo(100_001);
    String or = "1 == 2" + " or 1 == 2".repeat(50_000) + " or turn == 1";
    assertThat(
            Expressions.compile(or, NAMES, ALL_VARIABLES, Type.BOOL)
                .expr()
                .test(new FakeFacts(), Bindings.EMPTY))
        .isTrue();
  }

  @Test
  void hugeNamesAreTruncatedInMessages() {
    String name = "X".repeat(100_000);
    List<ExprError> errors =
        Expressions.compile("sec(" + name + ") > 0", NAMES, ALL_VARIABLES, null).errors();
    assertThat(errors).hasSize(1);
    assertThat(errors.get(0).code()).isEqualTo("expr-unknown-id");
    assertThat(errors.get(0).length()).isEqualTo(100_000);
    assertThat(errors.get(0).message()).hasSizeLessThan(200);
  }

  @Test
  void emptyAndBlankSourcesAreSyntaxErrors() {
    assertThat(Expressions.compile("", NAMES, ALL_VARIABLES, null).errors())
        .containsExactly(
            new ExprError(
                0, 0, "expr-syntax", "expected a number, name or '(' but found end of input"));
    assertThat(Expressions.compile(" \t\n", NAMES, ALL_VARIABLES, null).errors())
        .extracting(ExprError::offset)
        .containsExactly(3);
  }
}
