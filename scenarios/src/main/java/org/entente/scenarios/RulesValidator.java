package org.entente.scenarios;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.entente.engine.expr.Suggest;
import org.entente.engine.order.OrderSyntax;
import org.entente.proto.scenario.v1.Criterion;
import org.entente.proto.scenario.v1.Effect;
import org.entente.proto.scenario.v1.HistoricalNote;
import org.entente.proto.scenario.v1.Mechanics;
import org.entente.proto.scenario.v1.Objective;
import org.entente.proto.scenario.v1.OrderKind;
import org.entente.proto.scenario.v1.OrderRule;
import org.entente.proto.scenario.v1.Precondition;
import org.entente.proto.scenario.v1.PresenceAction;
import org.entente.proto.scenario.v1.PresenceChange;
import org.entente.proto.scenario.v1.Scenario;
import org.entente.proto.scenario.v1.ScheduledEvent;
import org.entente.proto.scenario.v1.TestCase;
import org.entente.proto.scenario.v1.VariantRule;
import org.entente.scenarios.Locator.Node;

/** The second half of validation: order rules, mechanics, events, objectives, notes, cases. */
final class RulesValidator {
  private static final Pattern NOTE_DATE = Pattern.compile("\\d{4}(-\\d{2}(-\\d{2})?)?");

  private final Scenario file;
  private final ValidationContext ctx;
  private final Node root;

  RulesValidator(Scenario file, ValidationContext ctx, Node root) {
    this.file = file;
    this.ctx = ctx;
    this.root = root;
  }

  void run() {
    orderRules();
    mechanics();
    events();
    objectives();
    notes();
    testCases();
    unusedSources();
  }

  private void orderRules() {
    Map<String, Integer> kinds = ValidationContext.seen();
    Set<org.entente.engine.model.OrderKind> covered =
        EnumSet.noneOf(org.entente.engine.model.OrderKind.class);
    for (int i = 0; i < file.getOrderRulesCount(); i++) {
      OrderRule r = file.getOrderRules(i);
      Node n = ctx.locator.child(root, "order_rules", i);
      if (r.getKindValue() == 0 || r.getKind() == OrderKind.UNRECOGNIZED) {
        ctx.missing(
            n, "order rule `kind`", "add kind: one of the 24 order kinds, e.g. " + "GIVE_NOTICE");
        continue;
      }
      org.entente.engine.model.OrderKind kind = ScenarioMapper.kind(r.getKind());
      covered.add(kind);
      ctx.unique(kinds, r.getKind().name(), n, "kind", 0, "the order rule for " + r.getKind());
      ctx.range(n, "cost", r.getCost(), 0, 20, "cost");
      preconditions(n, "preconditions", r.getPreconditionsList());
      effects(n, "effects", r.getEffectsList());
      effects(n, "on_failure", r.getOnFailureList());
      Set<String> options = OrderSyntax.options(kind);
      Map<String, Integer> names = ValidationContext.seen();
      for (int j = 0; j < r.getVariantsCount(); j++) {
        VariantRule v = r.getVariants(j);
        Node vn = ctx.locator.child(n, "variants", j);
        if (!options.contains(v.getName())) {
          ctx.error(
              vn,
              "name",
              0,
              "bad-variant",
              "'"
                  + v.getName()
                  + "' is not a variant of "
                  + r.getKind()
                  + "; "
                  + (options.isEmpty()
                      ? r.getKind() + " has no variants"
                      : "expected one of "
                          + String.join(", ", options)
                          + Suggest.didYouMean(v.getName(), options)));
        } else {
          ctx.unique(names, v.getName(), vn, "name", 0, "variant " + v.getName());
        }
        ctx.range(vn, "extra_cost", v.getExtraCost(), -20, 20, "extra_cost");
        preconditions(vn, "preconditions", v.getPreconditionsList());
        effects(vn, "effects", v.getEffectsList());
        effects(vn, "on_failure", v.getOnFailureList());
        citation(vn, v.getCitation());
      }
    }
    Node at = file.getOrderRulesCount() == 0 ? root : ctx.locator.child(root, "order_rules", 0);
    List<String> uncovered = new java.util.ArrayList<>();
    for (org.entente.engine.model.OrderKind k : org.entente.engine.model.OrderKind.values()) {
      if (!covered.contains(k)) {
        uncovered.add(k.name());
      }
    }
    if (!uncovered.isEmpty()) {
      ctx.problems.warning(
          at.pos(),
          "unused",
          "no order_rule for "
              + String.join(", ", uncovered)
              + ": "
              + (uncovered.size() == 1 ? "it uses" : "they use")
              + " the engine default: cost 1, no effects");
    }
  }

  private void preconditions(Node n, String field, List<Precondition> list) {
    for (int i = 0; i < list.size(); i++) {
      Node p = ctx.locator.child(n, field, i);
      Precondition pre = list.get(i);
      if (pre.getCondition().isBlank()) {
        ctx.missing(p, "precondition `condition`", "write the expression that must hold");
      } else {
        ctx.exprs.condition(
            p, "condition", 0, pre.getCondition(), ExpressionChecker.PRECONDITION_VARS);
      }
      if (pre.getReason().isBlank()) {
        ctx.missing(
            p,
            "precondition `reason`",
            "write the sentence a player sees when it " + "does not hold");
      }
    }
  }

  private void effects(Node n, String field, List<Effect> list) {
    for (int i = 0; i < list.size(); i++) {
      ctx.exprs.effectTarget(
          ctx.locator.child(n, field, i),
          list.get(i).getTarget(),
          ExpressionChecker.EFFECT_VARS,
          "here");
    }
  }

  private void mechanics() {
    Mechanics m = file.getMechanics();
    Node n = ctx.locator.child(root, "mechanics", 0);
    ctx.range(n, "trust_drift_percent", m.getTrustDriftPercent(), 0, 100, "trust_drift_percent");
    ctx.range(n, "notice_min_dom", m.getNoticeMinDom(), 0, 100, "notice_min_dom");
    trackName(n, "tension_track", m.getTensionTrack());
    trackName(n, "peace_track", m.getPeaceTrack());
  }

  private void trackName(Node n, String field, String value) {
    if (!value.isEmpty() && !ctx.tracks.contains(value)) {
      ctx.error(
          n,
          field,
          0,
          "contradiction",
          "mechanics."
              + field
              + " '"
              + value
              + "' is not a track; known: "
              + ValidationContext.list(ctx.tracks)
              + Suggest.didYouMean(value, ctx.tracks));
    }
  }

  private void events() {
    Map<String, Integer> ids = ValidationContext.seen();
    int turns = file.getMetadata().getDefaultTurns();
    for (int i = 0; i < file.getEventsCount(); i++) {
      ScheduledEvent e = file.getEvents(i);
      Node n = ctx.locator.child(root, "events", i);
      if (ctx.id(n, "id", e.getId(), "event")) {
        ctx.unique(ids, e.getId(), n, "id", 0, "event '" + e.getId() + "'");
      }
      if (e.getTurn() == 0) {
        ctx.missing(n, "event `turn`", "add the turn it happens in (1 or later)");
      } else if (turns > 0 && e.getTurn() > turns) {
        ctx.problems.warning(
            ctx.locator.value(n, "turn", 0),
            "range",
            "event turn "
                + e.getTurn()
                + " is after the last turn ("
                + turns
                + ") of a default game");
      }
      if (e.getTitle().isBlank()) {
        ctx.missing(n, "event `title`", "add the headline shown to everyone");
      }
      boolean hasActor = !e.getActor().isEmpty();
      if (hasActor) {
        ctx.ref(n, "actor", 0, e.getActor(), ctx.actors, "an actor");
      }
      Set<String> vars = hasActor ? ExpressionChecker.SELF : Set.of();
      if (!e.getWhen().isEmpty()) {
        ctx.exprs.condition(n, "when", 0, e.getWhen(), vars);
      }
      String context =
          hasActor
              ? "in an event (only self, the event's actor)"
              : "in an event without an actor (set `actor` to use self)";
      for (int j = 0; j < e.getEffectsCount(); j++) {
        ctx.exprs.effectTarget(
            ctx.locator.child(n, "effects", j), e.getEffects(j).getTarget(), vars, context);
      }
      for (int j = 0; j < e.getPresenceChangesCount(); j++) {
        presenceChange(e.getPresenceChanges(j), ctx.locator.child(n, "presence_changes", j));
      }
      ctx.sources(n, e.getSourceList());
    }
  }

  private void presenceChange(PresenceChange c, Node n) {
    ctx.ref(n, "presence", 0, c.getPresence(), ctx.presences, "a presence");
    if (c.getActionValue() == 0 || c.getAction() == PresenceAction.UNRECOGNIZED) {
      ctx.missing(
          n, "presence change `action`", "add action: ESTABLISH, END, EXTEND or " + "SET_STRENGTH");
    } else if (c.getAction() == PresenceAction.EXTEND) {
      ctx.range(n, "amount", c.getAmount(), 1, 120, "EXTEND amount (turns added)");
    } else if (c.getAction() == PresenceAction.SET_STRENGTH) {
      ctx.range(n, "amount", c.getAmount(), 1, 100000, "SET_STRENGTH amount (new strength)");
    }
  }

  private void objectives() {
    Map<String, Integer> actors = ValidationContext.seen();
    for (int i = 0; i < file.getObjectivesCount(); i++) {
      Objective o = file.getObjectives(i);
      Node n = ctx.locator.child(root, "objectives", i);
      if (o.getActor().isEmpty()) {
        ctx.missing(n, "objective `actor`", "name the actor whose objective it is");
      } else if (!ctx.actors.contains(o.getActor())) {
        ctx.problems.warning(
            ctx.locator.value(n, "actor", 0),
            "contradiction",
            "objective for '"
                + o.getActor()
                + "', which is not an actor; it will never be scored"
                + Suggest.didYouMean(o.getActor(), ctx.actors));
      } else {
        ctx.unique(actors, o.getActor(), n, "actor", 0, "an objective for " + o.getActor());
        if (ctx.engineRun.contains(o.getActor())) {
          ctx.problems.warning(
              ctx.locator.value(n, "actor", 0),
              "contradiction",
              "objective for "
                  + o.getActor()
                  + ", which the engine runs (playable: false); nobody plays for it");
        }
      }
      criteria(o, n);
    }
  }

  private void criteria(Objective o, Node n) {
    Map<String, Integer> ids = ValidationContext.seen();
    long sum = 0;
    for (int j = 0; j < o.getCriteriaCount(); j++) {
      Criterion c = o.getCriteria(j);
      Node cn = ctx.locator.child(n, "criteria", j);
      if (ctx.id(cn, "id", c.getId(), "criterion")) {
        ctx.unique(ids, c.getId(), cn, "id", 0, "criterion '" + c.getId() + "'");
      }
      if (c.getCondition().isBlank()) {
        ctx.missing(
            cn, "criterion `condition`", "write the expression that holds when it is " + "met");
      } else {
        ctx.exprs.condition(cn, "condition", 0, c.getCondition(), ExpressionChecker.SELF);
      }
      ctx.range(cn, "points", c.getPoints(), 1, 100, "points");
      sum += c.getPoints();
    }
    if (sum != 100) {
      ctx.problems.error(
          n.pos(),
          "contradiction",
          "the criteria of "
              + o.getActor()
              + "'s objective add up to "
              + sum
              + " points; they must add up to 100");
    }
  }

  private void notes() {
    for (int i = 0; i < file.getNotesCount(); i++) {
      HistoricalNote note = file.getNotes(i);
      Node n = ctx.locator.child(root, "notes", i);
      if (note.getKindValue() == 0) {
        ctx.missing(n, "note `kind`", "add kind: HISTORY, STATE, CORRECTION or AFTERWARDS");
      }
      if (note.getText().isBlank()) {
        ctx.missing(n, "note `text`", "write the note");
      }
      if (!note.getDate().isEmpty()
          && !(NOTE_DATE.matcher(note.getDate()).matches()
              && (note.getDate().length() < 10 || ScenarioValidator.isDate(note.getDate())))) {
        ctx.error(
            n,
            "date",
            0,
            "bad-date",
            "note date '" + note.getDate() + "' is not YYYY, YYYY-MM or YYYY-MM-DD");
      }
      ctx.sources(n, note.getSourceList());
    }
  }

  private void testCases() {
    Map<String, Integer> ids = ValidationContext.seen();
    for (int i = 0; i < file.getTestCasesCount(); i++) {
      TestCase t = file.getTestCases(i);
      Node n = ctx.locator.child(root, "test_cases", i);
      if (ctx.id(n, "id", t.getId(), "test case")) {
        ctx.unique(ids, t.getId(), n, "id", 0, "test case '" + t.getId() + "'");
      }
      Node setup = ctx.locator.child(n, "setup", 0);
      for (int j = 0; j < t.getSetup().getSetCount(); j++) {
        ctx.exprs.assignment(setup, "set", j, t.getSetup().getSet(j));
      }
      for (int j = 0; j < t.getTurnsCount(); j++) {
        Node turn = ctx.locator.child(n, "turns", j);
        for (int k = 0; k < t.getTurns(j).getOrdersCount(); k++) {
          ctx.exprs.prefixedOrder(turn, "orders", k, t.getTurns(j).getOrders(k));
        }
      }
      for (int j = 0; j < t.getExpectCount(); j++) {
        ctx.exprs.expectation(n, j, t.getExpect(j));
      }
      for (int j = 0; j < t.getExpectRefusedCount(); j++) {
        ctx.exprs.prefixedOrder(
            ctx.locator.child(n, "expect_refused", j),
            "order",
            0,
            t.getExpectRefused(j).getOrder());
      }
      viewers(n, "expect_report", t.getExpectReportList());
      viewers(n, "forbid_report", t.getForbidReportList());
    }
  }

  private void viewers(
      Node n, String field, List<org.entente.proto.scenario.v1.ExpectedLine> lines) {
    for (int j = 0; j < lines.size(); j++) {
      String viewer = lines.get(j).getViewer();
      Node ln = ctx.locator.child(n, field, j);
      if (!viewer.equals("PUBLIC") && !viewer.equals("GM")) {
        ctx.ref(ln, "viewer", 0, viewer, ctx.actors, "PUBLIC, GM or an actor");
      }
    }
  }

  private void unusedSources() {
    Node meta = ctx.locator.child(root, "metadata", 0);
    for (int i = 0; i < file.getMetadata().getSourcesCount(); i++) {
      String key = file.getMetadata().getSources(i).getKey();
      if (!key.isEmpty() && !ctx.citedKeys.contains(key)) {
        ctx.problems.warning(
            ctx.locator.value(ctx.locator.child(meta, "sources", i), "key", 0),
            "unused",
            "source '"
                + key
                + "' is never cited; cite it with source: [\""
                + key
                + "\"] or remove it");
      }
    }
  }

  /** A variant's citation is optional; when given it is one line a report can show after its sentence. */
  private void citation(Node vn, String citation) {
    if (citation.isEmpty()) {
      return;
    }
    if (citation.isBlank()) {
      ctx.error(
          vn,
          "citation",
          0,
          "missing",
          "a variant's citation is blank: cite a rule or clause, or leave it out");
    } else if (citation.length() > 200 || citation.contains("\n")) {
      ctx.error(
          vn,
          "citation",
          0,
          "range",
          "a variant's citation must be one line of at most 200 characters, not "
              + citation.length()
              + (citation.contains("\n") ? " on several lines" : ""));
    }
  }
}
