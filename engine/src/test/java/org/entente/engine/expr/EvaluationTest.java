package org.entente.engine.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.entente.engine.expr.TestNames.ALL_VARIABLES;
import static org.entente.engine.expr.TestNames.NAMES;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EvaluationTest {
  private final FakeFacts facts =
      new FakeFacts()
          .put("sec(ARM)", 40)
          .put("dom(ARM)", 35)
          .put("std(ARM)", 20)
          .put("rf(RUS)", 70)
          .put("trust(RUS,ARM)", -60)
          .put("trust(ARM,RUS)", 10)
          .put("cred(CSTO)", 55)
          .put("coh(CSTO)", 30)
          .put("track(TENSION)", 65)
          .put("status(ARM,CSTO)", "NOTICE")
          .put("notice_left(ARM,CSTO)", 3)
          .put("dues_withheld(ARM,CSTO)", true)
          .put("grievance(ARM)", 2)
          .put("partnership(ARM,FRA)", 2)
          .put("presence(EUMA_MISSION)", true)
          .put("presence_strength(EUMA_MISSION)", 200)
          .put("presence_turns(EUMA_MISSION)", 4)
          .put("presence_renewals(EUMA_MISSION)", 1)
          .put("presence_expansions(EUMA_MISSION)", 2)
          .put("deliveries(ANY,ARM)", 3)
          .put("deliveries(FRA,ARM)", 1)
          .put("exercises(ARM,USA)", 2)
          .put("peace_step(ARM,AZE,DELIMIT_BORDER)", true)
          .put("peace_signed(ARM,AZE)", true)
          .put("mediated(EU)", 4)
          .put("signed_with(ARM,AZE,EU)", true)
          .put("escalations(AZE,ARM,2,3)", 1)
          .put("escalations(ANY,ARM,1,0)", 5)
          .put("territory_lost(ARM)", 1)
          .put("pressure(RUS,ARM)", 2)
          .put("applied(ARM,EUMA)", true)
          .put("requests(ARM,CSTO)", 3);

  private Value eval(String source, Bindings bindings) {
    CompileResult result = Expressions.compile(source, NAMES, ALL_VARIABLES, null);
    assertThat(result.errors()).as(source).isEmpty();
    return result.expr().eval(facts, bindings);
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "sec(ARM) | 40",
        "dom(ARM) | 35",
        "std(ARM) | 20",
        "rf(RUS) | 70",
        "trust(RUS, ARM) | -60",
        "trust(ARM, RUS) | 10",
        "cred(CSTO) | 55",
        "coh(CSTO) | 30",
        "track(TENSION) | 65",
        "status(ARM, CSTO) | NOTICE",
        "notice_left(ARM, CSTO) | 3",
        "dues_withheld(ARM, CSTO) | true",
        "dues_withheld(AZE, CSTO) | false",
        "grievance(ARM) | 2",
        "partnership(ARM, FRA) | 2",
        "presence(EUMA_MISSION) | true",
        "presence(GYUMRI_BASE) | false",
        "presence_strength(EUMA_MISSION) | 200",
        "presence_turns(EUMA_MISSION) | 4",
        "presence_renewals(EUMA_MISSION) | 1",
        "presence_expansions(EUMA_MISSION) | 2",
        "deliveries(ANY, ARM) | 3",
        "deliveries(FRA, ARM) | 1",
        "exercises(ARM, USA) | 2",
        "peace_step(ARM, AZE, DELIMIT_BORDER) | true",
        "peace_step(ARM, AZE, SIGN) | false",
        "peace_signed(ARM, AZE) | true",
        "mediated(EU) | 4",
        "signed_with(ARM, AZE, EU) | true",
        "escalations(AZE, ARM, INCURSION, 3) | 1",
        "escalations(ANY, ARM, INCIDENT, 0) | 5",
        "territory_lost(ARM) | 1",
        "pressure(RUS, ARM) | 2",
        "applied(ARM, EUMA) | true",
        "requests(ARM, CSTO) | 3",
        "min(3, -2) | -2",
        "max(3, -2) | 3",
        "abs(-7) | 7",
        "turn | 5",
        "STRATEGIC_PARTNERSHIP | 2",
        "MUTUAL_DEFENCE - PARTNERSHIP_NONE | 4",
      })
  void everyFunctionReadsItsFact(String source, String expected) {
    facts.turn = 5;
    assertThat(eval(source, Bindings.EMPTY)).hasToString(expected);
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "1 + 2 - 3 - 4 | -4",
        "-(1 - 3) | 2",
        "- - 3 | 3",
        "2 - -3 | 5",
        "1 < 2 and 2 < 1 or 3 == 3 | true",
        "not 1 == 2 | true",
        "not not (1 == 1) | true",
        "(1 == 1) == (2 == 2) | true",
        "(1 == 1) != (2 == 3) | true",
        "1 <= 1 and 1 >= 1 and not 1 > 1 and not 1 < 1 | true",
        "1 == 2 or 2 == 2 and 3 == 4 | false",
        "sec(ARM) + 10 >= 50 | true",
        "2147483647 + 1 | 2147483647",
        "-2147483647 - 5 | -2147483648",
        "abs(-2147483647 - 5) | 2147483647",
      })
  void precedenceAndArithmetic(String source, String expected) {
    assertThat(eval(source, Bindings.EMPTY)).hasToString(expected);
  }

  @Test
  void variablesReadTheirBindings() {
    Bindings b = Bindings.of("self", "ARM", "org", "CSTO", "target", "RUS");
    assertThat(eval("sec(self) >= 40 and status(self, org) == NOTICE", b).asBool()).isTrue();
    assertThat(eval("trust(target, self)", b).asInt()).isEqualTo(-60);
    assertThat(eval("status(self, org) != WITHDRAWN", b.with("self", "AZE")).asBool()).isTrue();
    assertThat(eval("target == RUS", b).asBool()).isTrue();
    assertThat(eval("target == self", b).asBool()).isFalse();
    assertThat(eval("self", b)).isEqualTo(Value.ofSymbol("ARM"));
  }

  @Test
  void freeSymbolVariablesCompareWithAnyName() {
    Bindings b =
        Bindings.of("proposal", "SUSPEND_MEMBER", "option", "DIALOGUE", "aggressor", "AZE");
    assertThat(eval("proposal == SUSPEND_MEMBER", b).asBool()).isTrue();
    // DIALOGUE is an int constant elsewhere, but facing a symbol variable it is a symbol.
    assertThat(eval("option == DIALOGUE", b).asBool()).isTrue();
    assertThat(eval("option != RENEW", b).asBool()).isTrue();
    assertThat(eval("aggressor == AZE and AZE == aggressor", b).asBool()).isTrue();
  }

  @Test
  void partnershipConstantsCompareAsIntegers() {
    assertThat(eval("partnership(ARM, FRA) >= DIALOGUE", Bindings.EMPTY).asBool()).isTrue();
    assertThat(eval("partnership(ARM, FRA) == DEFENCE_COOPERATION", Bindings.EMPTY).asBool())
        .isFalse();
  }

  @Test
  void andOrShortCircuit() {
    Expr expr =
        Expressions.compile("1 == 2 and target == ARM", NAMES, Set.of("target"), Type.BOOL).expr();
    // target is unbound: short-circuit means it is never read.
    assertThat(expr.test(facts, Bindings.EMPTY)).isFalse();
    Expr or =
        Expressions.compile("1 == 1 or target == ARM", NAMES, Set.of("target"), Type.BOOL).expr();
    assertThat(or.test(facts, Bindings.EMPTY)).isTrue();
  }

  @Test
  void unboundVariableIsAProgrammerError() {
    Expr expr = Expressions.compile("sec(self) > 0", NAMES, Set.of("self"), Type.BOOL).expr();
    assertThatThrownBy(() -> expr.test(facts, Bindings.EMPTY))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("variable 'self' is not bound");
  }

  @Test
  void accessorsCheckTheType() {
    Expr expr = Expressions.compile("sec(ARM)", NAMES, Set.of(), Type.INT).expr();
    assertThat(expr.type()).isEqualTo(Type.INT);
    assertThat(expr.source()).isEqualTo("sec(ARM)");
    assertThat(expr.evalInt(facts, Bindings.EMPTY)).isEqualTo(40);
    assertThatThrownBy(() -> expr.test(facts, Bindings.EMPTY))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void compiledExpressionIsReusableAcrossBindings() {
    Expr expr = Expressions.compile("sec(self)", NAMES, Set.of("self"), Type.INT).expr();
    facts.put("sec(AZE)", 12);
    assertThat(expr.evalInt(facts, Bindings.of("self", "ARM"))).isEqualTo(40);
    assertThat(expr.evalInt(facts, Bindings.of("self", "AZE"))).isEqualTo(12);
  }

  @Test
  void bindingsAreImmutable() {
    Bindings a = Bindings.of("self", "ARM");
    Bindings b = a.with("self", "AZE");
    assertThat(a.get("self")).contains("ARM");
    assertThat(b.get("self")).contains("AZE");
    assertThat(Bindings.EMPTY.get("self")).isEmpty();
    assertThatThrownBy(() -> Bindings.of("selff", "ARM"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
