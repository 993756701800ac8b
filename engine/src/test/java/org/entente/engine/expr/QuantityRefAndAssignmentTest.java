package org.entente.engine.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.engine.expr.TestNames.NAMES;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class QuantityRefAndAssignmentTest {
  private static QuantityRef ref(String text) {
    QuantityRef.ParseResult result = QuantityRef.parse(text, NAMES);
    assertThat(result.errors()).as(text).isEmpty();
    return result.ref();
  }

  private static List<ExprError> refErrors(String text) {
    QuantityRef.ParseResult result = QuantityRef.parse(text, NAMES);
    assertThat(result.ok()).isFalse();
    return result.errors();
  }

  private static Assignment set(String text) {
    Assignment.ParseResult result = Assignment.parse(text, NAMES);
    assertThat(result.errors()).as(text).isEmpty();
    return result.assignment();
  }

  private static List<ExprError> setErrors(String text) {
    Assignment.ParseResult result = Assignment.parse(text, NAMES);
    assertThat(result.ok()).isFalse();
    return result.errors();
  }

  @Test
  void everyQuantityParsesAndPrintsCanonically() {
    assertThat(ref("sec(self)").kind()).isEqualTo(Quantity.SEC);
    assertThat(ref("dom( target )")).hasToString("dom(target)");
    assertThat(ref("std(ARM)").kind()).isEqualTo(Quantity.STD);
    assertThat(ref("rf(other)").kind()).isEqualTo(Quantity.RF);
    assertThat(ref("trust(RUS,self)")).hasToString("trust(RUS, self)");
    assertThat(ref("mutual_trust(self, target)").kind()).isEqualTo(Quantity.MUTUAL_TRUST);
    assertThat(ref("cred(org)").kind()).isEqualTo(Quantity.CRED);
    assertThat(ref("coh(CSTO)").kind()).isEqualTo(Quantity.COH);
    assertThat(ref("track(TENSION)").kind()).isEqualTo(Quantity.TRACK);
    assertThat(ref("grievance(ARM)").kind()).isEqualTo(Quantity.GRIEVANCE);
    assertThat(ref("presence_turns(EUMA_MISSION)").kind()).isEqualTo(Quantity.PRESENCE_TURNS);
    assertThat(ref("presence_strength(GYUMRI_BASE)").kind()).isEqualTo(Quantity.PRESENCE_STRENGTH);
  }

  @Test
  void resolveReplacesVariablesAndMutualTrustExpandsToBothDirections() {
    Bindings b = Bindings.of("self", "ARM", "target", "RUS", "org", "CSTO");
    assertThat(ref("trust(RUS, self)").resolve(b))
        .isEqualTo(new ResolvedRef(Quantity.TRUST, List.of("RUS", "ARM")));
    assertThat(ref("cred(org)").resolve(b)).hasToString("cred(CSTO)");
    ResolvedRef mutual = ref("mutual_trust(self, target)").resolve(b);
    assertThat(mutual.expand())
        .containsExactly(
            new ResolvedRef(Quantity.TRUST, List.of("ARM", "RUS")),
            new ResolvedRef(Quantity.TRUST, List.of("RUS", "ARM")));
    assertThat(ref("sec(ARM)").resolve(b).expand()).hasSize(1);
    assertThat(ref("sec(self)").usesVariables()).isTrue();
    assertThat(ref("sec(ARM)").usesVariables()).isFalse();
  }

  @Test
  void badReferencesGiveCodedErrors() {
    assertThat(refErrors("sek(self)"))
        .containsExactly(
            new ExprError(
                0, 3, "expr-unknown-function", "unknown quantity 'sek'; did you mean 'sec'?"));
    assertThat(refErrors("trust(self)"))
        .containsExactly(
            new ExprError(
                0,
                11,
                "expr-arity",
                "'trust' takes 2 arguments, trust(actor, actor), but was given 1"));
    assertThat(refErrors("cred(ARM)"))
        .containsExactly(
            new ExprError(5, 3, "expr-unknown-id", "'ARM' is an actor, not an organisation"));
    assertThat(refErrors("sec(requester)"))
        .containsExactly(
            new ExprError(
                4,
                9,
                "expr-unknown-variable",
                "variable 'requester' cannot be used here; use self, target, other or an id"));
    assertThat(refErrors("sec(self) + 1"))
        .containsExactly(
            new ExprError(10, 1, "expr-syntax", "expected end of input but found '+'"));
    assertThat(refErrors("sec("))
        .containsExactly(
            new ExprError(4, 0, "expr-syntax", "expected a name but found end of input"));
  }

  @Test
  void quantityAssignmentsTakeSignedIntegers() {
    Assignment a = set("trust(ARM, RUS) = -40");
    assertThat(a.target()).isEqualTo(Assignment.Target.TRUST);
    assertThat(a.ids()).containsExactly("ARM", "RUS");
    assertThat(a.value()).isEqualTo(-40);
    assertThat(a.ref()).contains(new ResolvedRef(Quantity.TRUST, List.of("ARM", "RUS")));
    assertThat(set("track(TENSION) = 50")).hasToString("track(TENSION) = 50");
    assertThat(set("notice_left(ARM, CSTO) = 2").ref()).isEmpty();
  }

  @Test
  void statusAndPartnershipTakeASymbolAndOptionalTurns() {
    assertThat(set("status(ARM, CSTO) = NOTICE 3"))
        .isEqualTo(
            new Assignment(
                Assignment.Target.STATUS,
                List.of("ARM", "CSTO"),
                0,
                Optional.of("NOTICE"),
                OptionalInt.of(3)));
    assertThat(set("status(ARM, CSTO) = FROZEN").turns()).isEmpty();
    assertThat(set("partnership(ARM, FRA) = DIALOGUE 2"))
        .isEqualTo(
            new Assignment(
                Assignment.Target.PARTNERSHIP,
                List.of("ARM", "FRA"),
                1,
                Optional.of("DIALOGUE"),
                OptionalInt.of(2)));
    assertThat(set("presence(GYUMRI_BASE) = 1").value()).isEqualTo(1);
    assertThat(set("dues_withheld(ARM, CSTO) = 0").target())
        .isEqualTo(Assignment.Target.DUES_WITHHELD);
  }

  @Test
  void badAssignmentsGiveCodedErrors() {
    assertThat(setErrors("status(ARM, CSTO) = NOTICED"))
        .containsExactly(
            new ExprError(
                20,
                7,
                "expr-unknown-id",
                "unknown status 'NOTICED'; expected one of ACTIVE, FROZEN, NOTICE, "
                    + "WITHDRAWN, SUSPENDED, EXPELLED, APPLICANT, NONE"));
    assertThat(setErrors("status(ARM, CSTO) = ACTIVE 2"))
        .containsExactly(
            new ExprError(
                27, 1, "expr-syntax", "only NOTICE takes a number of turns; ACTIVE does not"));
    assertThat(setErrors("presence(GYUMRI_BASE) = 2"))
        .containsExactly(new ExprError(24, 1, "expr-type", "presence is set to 0 or 1, not 2"));
    assertThat(setErrors("sec(self) = 3"))
        .containsExactly(
            new ExprError(
                4, 4, "expr-unknown-variable", "set lines take ids, not variables: 'self'"));
    assertThat(setErrors("sec(ARM) == 3"))
        .containsExactly(new ExprError(9, 2, "expr-syntax", "expected '=' but found '=='"));
    assertThat(setErrors("exercises(ARM, USA) = 3"))
        .containsExactly(new ExprError(0, 9, "expr-unknown-function", "cannot set 'exercises'"));
    assertThat(setErrors("sec(ARM) = 99999999999"))
        .containsExactly(
            new ExprError(11, 11, "expr-syntax", "number '99999999999' is out of range"));
  }
}
