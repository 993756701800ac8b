package org.entente.scenarios;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.entente.engine.expr.Assignment;
import org.entente.engine.expr.CompileResult;
import org.entente.engine.expr.ExprError;
import org.entente.engine.expr.Expressions;
import org.entente.engine.expr.Names;
import org.entente.engine.expr.QuantityRef;
import org.entente.engine.expr.Suggest;
import org.entente.engine.expr.Type;
import org.entente.engine.model.Actor;
import org.entente.engine.model.Clauses;
import org.entente.engine.model.DecisionRule;
import org.entente.engine.model.Doctrine;
import org.entente.engine.model.Mechanics;
import org.entente.engine.model.Metadata;
import org.entente.engine.model.Organisation;
import org.entente.engine.model.Presence;
import org.entente.engine.model.Press;
import org.entente.engine.model.Quantities;
import org.entente.engine.model.Scenario;
import org.entente.engine.model.TurnLength;
import org.entente.engine.order.OrderCheck;
import org.entente.engine.order.OrderParser;
import org.entente.scenarios.Locator.Node;

/**
 * Checks the small languages inside string fields (expressions, effect targets, orders, set
 * lines) and reports each problem at its character in the file.
 */
final class ExpressionChecker {
  static final Set<String> PRECONDITION_VARS = Set.of("self", "target", "other", "org", "option");
  static final Set<String> RESPONSE_VARS = Set.of("self", "requester", "aggressor", "org");
  static final Set<String> VOTE_VARS = Set.of("self", "proposer", "proposal", "target", "org");
  static final Set<String> LOBBY_VARS = Set.of("self", "lobbyist", "option");
  static final Set<String> SELF = Set.of("self");
  static final Set<String> OFFER_VARS = Set.of("self", "target", "option");
  static final Set<String> EFFECT_VARS = Set.of("self", "target", "other", "org");

  private final Names names;
  private final OrderParser orders;
  private final Locator locator;
  private final Problems problems;

  ExpressionChecker(Names names, Scenario skeleton, Locator locator, Problems problems) {
    this.names = names;
    this.orders = new OrderParser(skeleton);
    this.locator = locator;
    this.problems = problems;
  }

  /** Compiles a boolean expression; reports every error at its character. */
  void condition(Node n, String field, int index, String source, Set<String> variables) {
    CompileResult result = Expressions.compile(source, names, variables, Type.BOOL);
    for (ExprError e : result.errors()) {
      problems.error(locator.inString(n, field, index, e.offset()), e.code(), e.message());
    }
  }

  /** Parses an effect target; variables outside {@code variables} are errors. */
  void effectTarget(Node effect, String source, Set<String> variables, String context) {
    QuantityRef.ParseResult result = QuantityRef.parse(source, names);
    for (ExprError e : result.errors()) {
      problems.error(locator.inString(effect, "target", 0, e.offset()), "bad-ref", e.message());
    }
    if (result.ok()) {
      for (String arg : result.ref().args()) {
        if (EFFECT_VARS.contains(arg) && !variables.contains(arg)) {
          int offset = Math.max(0, source.indexOf(arg));
          problems.error(
              locator.inString(effect, "target", 0, offset),
              "bad-ref",
              "'"
                  + arg
                  + "' is not defined "
                  + context
                  + "; use "
                  + (variables.isEmpty() ? "an id" : String.join(", ", variables) + " or an id"));
        }
      }
    }
  }

  /** Parses an order of {@code actor} written without the actor prefix. */
  void order(Node n, String field, int index, String actor, String text) {
    check(n, field, index, actor, text, 0);
  }

  /** Parses {@code ACTOR: ORDER}, as conformance cases write orders. */
  void prefixedOrder(Node n, String field, int index, String line) {
    int colon = line.indexOf(':');
    if (colon < 0) {
      problems.error(
          locator.inString(n, field, index, 0),
          "bad-order",
          "an order here starts with the actor and a colon, e.g. \"ARM: GIVE_NOTICE CSTO\"");
      return;
    }
    String actor = line.substring(0, colon).strip();
    if (!names.isActor(actor)) {
      problems.error(
          locator.inString(n, field, index, 0),
          "bad-order",
          "'"
              + actor
              + "' is not an actor in this scenario"
              + Suggest.didYouMean(actor, names.actorIds()));
      return;
    }
    check(n, field, index, actor, line.substring(colon + 1), colon + 1);
  }

  private void check(Node n, String field, int index, String actor, String text, int shift) {
    OrderCheck check = orders.parse(actor, text);
    if (!check.isAccepted()) {
      int offset = shift + Math.max(0, check.column() - 1);
      problems.error(locator.inString(n, field, index, offset), "bad-order", check.reason());
    }
  }

  /** Parses a conformance case's set line. */
  void assignment(Node n, String field, int index, String line) {
    Assignment.ParseResult result = Assignment.parse(line, names);
    for (ExprError e : result.errors()) {
      problems.error(locator.inString(n, field, index, e.offset()), "bad-set", e.message());
    }
  }

  /** Compiles an expectation (a boolean expression with no variables). */
  void expectation(Node n, int index, String source) {
    condition(n, "expect", index, source, Set.of());
  }

  /**
   * A scenario with only the ids the order parser looks up, so orders can be checked before the
   * full scenario exists (and even when it has errors). Duplicate ids are kept once.
   */
  static Scenario skeleton(Set<String> actors, Set<String> organisations, Set<String> presences) {
    List<Actor> actorList = new ArrayList<>();
    for (String id : actors) {
      actorList.add(
          new Actor(
              id,
              id,
              true,
              new Quantities(0, 0, 0, 0),
              1,
              Set.of(),
              0,
              Doctrine.NONE,
              "",
              List.of()));
    }
    Clauses clauses =
        new Clauses("", "", "", 0, DecisionRule.CONSENSUS, 0, "", false, "", 0, "", false);
    List<Organisation> orgList = new ArrayList<>();
    for (String id : organisations) {
      orgList.add(new Organisation(id, id, "", "", 0, 0, List.of(), clauses, List.of(), ""));
    }
    List<Presence> presenceList = new ArrayList<>();
    for (String id : new LinkedHashSet<>(presences)) {
      presenceList.add(new Presence(id, id, "", "", 0, 0, false, List.of(), 0, "", List.of()));
    }
    Metadata metadata =
        new Metadata(
            "", "", "", LocalDate.EPOCH, TurnLength.MONTH, 1, "", List.of(), "", Press.FULL);
    Mechanics mechanics =
        new Mechanics(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, "", "", 0);
    return new Scenario(
        metadata,
        actorList,
        orgList,
        List.of(),
        List.of(),
        List.of(),
        presenceList,
        Map.of(),
        mechanics,
        List.of(),
        List.of(),
        List.of());
  }
}
