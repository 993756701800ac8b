package org.entente.scenarios;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.entente.engine.expr.Names;
import org.entente.proto.scenario.v1.Actor;
import org.entente.proto.scenario.v1.Clauses;
import org.entente.proto.scenario.v1.DecisionRule;
import org.entente.proto.scenario.v1.Doctrine;
import org.entente.proto.scenario.v1.MemberStatus;
import org.entente.proto.scenario.v1.Membership;
import org.entente.proto.scenario.v1.Metadata;
import org.entente.proto.scenario.v1.OrderKind;
import org.entente.proto.scenario.v1.Organisation;
import org.entente.proto.scenario.v1.Partnership;
import org.entente.proto.scenario.v1.Presence;
import org.entente.proto.scenario.v1.Quantities;
import org.entente.proto.scenario.v1.Relation;
import org.entente.proto.scenario.v1.Scenario;
import org.entente.proto.scenario.v1.Source;
import org.entente.proto.scenario.v1.Track;
import org.entente.proto.scenario.v1.TurnLength;
import org.entente.proto.scenario.v1.VoteRule;
import org.entente.scenarios.Locator.Node;

/**
 * Checks a parsed scenario file and collects every problem (STYLE.md habit 7): ids, required
 * fields, references, ranges, contradictions, and the expressions and orders inside strings.
 * This class covers the file's entities; {@link RulesValidator} the rules, events, objectives,
 * notes and test cases.
 */
// Over 400 lines on purpose: one short check per field of the file's entities, in the file's
// order, so an author's problem and its check are easy to find; RulesValidator has the rest.
final class ScenarioValidator {
  private static final Pattern SCENARIO_ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  private final Scenario file;
  private final ValidationContext ctx;
  private final Node root;

  private ScenarioValidator(Scenario file, ValidationContext ctx, Node root) {
    this.file = file;
    this.ctx = ctx;
    this.root = root;
  }

  /** Validates {@code file}, adding every problem to {@code ctx.problems}. */
  static void validate(Scenario file, ValidationContext ctx, Node root) {
    new ScenarioValidator(file, ctx, root).run();
  }

  private void run() {
    if (file.getFormatVersion() != 1) {
      ctx.problems.error(
          ctx.locator.value(root, "format_version", 0),
          "format-version",
          "format_version is "
              + file.getFormatVersion()
              + "; this version of Entente reads format 1: write `format_version: 1` at the top");
    }
    declareIds();
    Names names = Names.of(ctx.actors, ctx.organisations, ctx.tracks, ctx.presences);
    ctx.exprs =
        new ExpressionChecker(
            names,
            ExpressionChecker.skeleton(ctx.actors, ctx.organisations, ctx.presences),
            ctx.locator,
            ctx.problems);
    metadata();
    for (int i = 0; i < file.getActorsCount(); i++) {
      actor(file.getActors(i), ctx.locator.child(root, "actors", i));
    }
    for (int i = 0; i < file.getOrganisationsCount(); i++) {
      organisation(file.getOrganisations(i), ctx.locator.child(root, "organisations", i));
    }
    relations();
    partnerships();
    for (int i = 0; i < file.getTracksCount(); i++) {
      track(file.getTracks(i), ctx.locator.child(root, "tracks", i));
    }
    for (int i = 0; i < file.getPresencesCount(); i++) {
      presence(file.getPresences(i), ctx.locator.child(root, "presences", i));
    }
    new RulesValidator(file, ctx, root).run();
  }

  /** First pass: every declared id, so references can be checked in any order. */
  private void declareIds() {
    Map<String, Integer> namespace = ValidationContext.seen();
    for (int i = 0; i < file.getActorsCount(); i++) {
      Node n = ctx.locator.child(root, "actors", i);
      String id = file.getActors(i).getId();
      if (ctx.id(n, "id", id, "actor")) {
        ctx.unique(namespace, id, n, "id", 0, "id '" + id + "'");
        ctx.actors.add(id);
        if (!file.getActors(i).getPlayable()) {
          ctx.engineRun.add(id);
        }
      }
    }
    for (int i = 0; i < file.getOrganisationsCount(); i++) {
      Node n = ctx.locator.child(root, "organisations", i);
      String id = file.getOrganisations(i).getId();
      if (ctx.id(n, "id", id, "organisation")) {
        ctx.unique(
            namespace,
            id,
            n,
            "id",
            0,
            "id '" + id + "' (actors and organisations share " + "one namespace)");
        ctx.organisations.add(id);
      }
    }
    Map<String, Integer> tracks = ValidationContext.seen();
    for (int i = 0; i < file.getTracksCount(); i++) {
      Node n = ctx.locator.child(root, "tracks", i);
      String id = file.getTracks(i).getId();
      if (ctx.id(n, "id", id, "track")) {
        ctx.unique(tracks, id, n, "id", 0, "track '" + id + "'");
        ctx.tracks.add(id);
      }
    }
    Map<String, Integer> presences = ValidationContext.seen();
    for (int i = 0; i < file.getPresencesCount(); i++) {
      Node n = ctx.locator.child(root, "presences", i);
      String id = file.getPresences(i).getId();
      if (ctx.id(n, "id", id, "presence")) {
        ctx.unique(presences, id, n, "id", 0, "presence '" + id + "'");
        ctx.presences.add(id);
      }
    }
    Node meta = ctx.locator.child(root, "metadata", 0);
    Map<String, Integer> keys = ValidationContext.seen();
    for (int i = 0; i < file.getMetadata().getSourcesCount(); i++) {
      Source s = file.getMetadata().getSources(i);
      Node n = ctx.locator.child(meta, "sources", i);
      if (s.getKey().isEmpty()) {
        ctx.missing(n, "source `key`", "add key: \"SHORT_KEY\" that other fields cite");
        continue;
      }
      ctx.unique(keys, s.getKey(), n, "key", 0, "source key '" + s.getKey() + "'");
      ctx.sourceKeys.add(s.getKey());
      if (s.getCitation().isEmpty()) {
        ctx.missing(n, "source `citation`", "say where the facts come from");
      }
    }
  }

  private void metadata() {
    Node n = ctx.locator.child(root, "metadata", 0);
    if (!file.hasMetadata()) {
      ctx.missing(
          n, "`metadata`", "add metadata { id title start_date turn_length " + "default_turns }");
      return;
    }
    Metadata m = file.getMetadata();
    if (m.getId().isEmpty()) {
      ctx.missing(
          n, "metadata `id`", "add id: \"my-scenario\" (lower-case letters, digits, " + "dashes)");
    } else if (!SCENARIO_ID.matcher(m.getId()).matches()) {
      ctx.error(
          n,
          "id",
          0,
          "bad-id",
          "scenario id '"
              + m.getId()
              + "' must be lower-case letters and digits separated by single dashes, e.g. "
              + "armenia-csto-2024");
    }
    if (m.getTitle().isBlank()) {
      ctx.missing(n, "metadata `title`", "add the title shown to players");
    }
    if (m.getStartDate().isEmpty()) {
      ctx.missing(n, "metadata `start_date`", "add the date of turn 0, e.g. \"2024-06-13\"");
    } else if (!isDate(m.getStartDate())) {
      ctx.error(
          n,
          "start_date",
          0,
          "bad-date",
          "start_date '"
              + m.getStartDate()
              + "' is not an ISO date; write YYYY-MM-DD, e.g. \"2024-06-13\"");
    }
    if (m.getTurnLength() == TurnLength.TURN_LENGTH_UNSPECIFIED) {
      ctx.missing(
          n, "metadata `turn_length`", "add turn_length: DAY, WEEK, MONTH, QUARTER or " + "YEAR");
    }
    if (m.getDefaultTurns() == 0) {
      ctx.missing(
          n,
          "metadata `default_turns`",
          "add default_turns: the number of turns a " + "game lasts (1..120)");
    } else {
      ctx.range(n, "default_turns", m.getDefaultTurns(), 1, 120, "default_turns");
    }
  }

  static boolean isDate(String s) {
    try {
      LocalDate.parse(s);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  private void actor(Actor a, Node n) {
    if (a.getName().isBlank()) {
      ctx.missing(n, "actor `name`", "add the display name, e.g. name: \"Armenia\"");
    }
    quantities(a.getStart(), a.hasStart() ? ctx.locator.child(n, "start", 0) : n);
    ctx.range(n, "order_points", a.getOrderPoints(), 1, 20, "order_points");
    Set<OrderKind> kinds = EnumSet.noneOf(OrderKind.class);
    for (int i = 0; i < a.getAllowedOrdersCount(); i++) {
      OrderKind k = a.getAllowedOrders(i);
      if (k == OrderKind.ORDER_KIND_UNSPECIFIED || k == OrderKind.UNRECOGNIZED) {
        ctx.error(
            n, "allowed_orders", i, "missing", "allowed_orders needs an order kind, not " + k);
      } else if (!kinds.add(k)) {
        ctx.error(
            n,
            "allowed_orders",
            i,
            "contradiction",
            "allowed_orders lists " + k + " twice; remove one");
      }
    }
    if (!a.getPlayable() && !a.hasDoctrine()) {
      ctx.problems.error(
          n.pos(),
          "contradiction",
          "actor "
              + a.getId()
              + " is run by the engine (playable is false) but has no doctrine; add doctrine { ... }"
              + " or set playable: true");
    }
    if (a.hasDoctrine()) {
      doctrine(a.getId(), a.getDoctrine(), ctx.locator.child(n, "doctrine", 0));
    }
    // A bot (in a playable seat nobody took) gives orders from doctrine priorities; the
    // engine gives an engine-run actor's orders from its standing orders and priorities.
    boolean ordersFromDoctrine =
        a.getDoctrine().getPrioritiesCount() > 0 || a.getDoctrine().getStandingOrdersCount() > 0;
    if (a.getPlayable() && a.getDoctrine().getPrioritiesCount() == 0) {
      ctx.problems.warning(
          n.pos(),
          "no-orders",
          "actor "
              + a.getId()
              + " has no doctrine priorities: bots will give no"
              + " orders for it when no student plays it; add doctrine { priorities { order: \"...\" weight: 50 } }");
    } else if (!a.getPlayable() && a.hasDoctrine() && !ordersFromDoctrine) {
      ctx.problems.warning(
          n.pos(),
          "no-orders",
          "actor "
              + a.getId()
              + " is run by the engine but its doctrine has no"
              + " standing_orders or priorities: it will give no orders (it only votes and answers)");
    }
    ctx.sources(n, a.getSourceList());
  }

  private void quantities(Quantities q, Node n) {
    ctx.range(n, "sec", q.getSec(), 0, 100, "sec");
    ctx.range(n, "dom", q.getDom(), 0, 100, "dom");
    ctx.range(n, "std", q.getStd(), 0, 100, "std");
    ctx.range(n, "rf", q.getRf(), 0, 50, "rf");
  }

  private void doctrine(String actor, Doctrine d, Node n) {
    for (int i = 0; i < d.getResponsesCount(); i++) {
      Node r = ctx.locator.child(n, "responses", i);
      var rule = d.getResponses(i);
      when(r, rule.getWhen(), ExpressionChecker.RESPONSE_VARS);
      if (rule.getAnswerValue() == 0) {
        ctx.missing(
            r, "response `answer`", "add answer: MILITARY, MONITORS, DIPLOMATIC or " + "DECLINE");
      }
      if (!rule.getFollow().isEmpty()) {
        ctx.ref(r, "follow", 0, rule.getFollow(), ctx.actors, "an actor");
      }
    }
    for (int i = 0; i < d.getVotesCount(); i++) {
      Node v = ctx.locator.child(n, "votes", i);
      VoteRule rule = d.getVotes(i);
      when(v, rule.getWhen(), ExpressionChecker.VOTE_VARS);
      if (rule.getVoteValue() == 0) {
        ctx.missing(v, "vote rule `vote`", "add vote: SUPPORT, OBJECT or STAND_ASIDE");
      }
    }
    for (int i = 0; i < d.getLobbyingCount(); i++) {
      when(
          ctx.locator.child(n, "lobbying", i),
          d.getLobbying(i).getWhen(),
          ExpressionChecker.LOBBY_VARS);
    }
    for (int i = 0; i < d.getStandingOrdersCount(); i++) {
      Node s = ctx.locator.child(n, "standing_orders", i);
      when(s, d.getStandingOrders(i).getWhen(), ExpressionChecker.SELF);
      String order = d.getStandingOrders(i).getOrder();
      if (order.isBlank()) {
        ctx.missing(
            s,
            "standing order `order`",
            "write the order, e.g. order: \"STATEMENT " + "ARM REASSURE\"");
      } else if (ctx.actors.contains(actor)) {
        ctx.exprs.order(s, "order", 0, actor, order);
      }
    }
    for (int i = 0; i < d.getPrioritiesCount(); i++) {
      Node p = ctx.locator.child(n, "priorities", i);
      var priority = d.getPriorities(i);
      when(p, priority.getWhen(), ExpressionChecker.SELF);
      ctx.range(p, "weight", priority.getWeight(), 1, 100, "weight");
      ctx.range(p, "chance", priority.getChance(), 0, 100, "chance");
      if (priority.getOrder().isBlank()) {
        ctx.missing(
            p, "priority `order`", "write the order, e.g. order: \"STATEMENT RUS " + "CRITICISE\"");
      } else if (ctx.actors.contains(actor)) {
        ctx.exprs.order(p, "order", 0, actor, priority.getOrder());
      }
    }
    for (int i = 0; i < d.getOffersCount(); i++) {
      Node o = ctx.locator.child(n, "offers", i);
      var rule = d.getOffers(i);
      when(o, rule.getWhen(), ExpressionChecker.OFFER_VARS);
      OrderKind k = rule.getKind();
      if (k == OrderKind.ORDER_KIND_UNSPECIFIED || k == OrderKind.UNRECOGNIZED) {
        ctx.missing(
            o,
            "offer rule `kind`",
            "add the bilateral order kind it answers, e.g. " + "kind: ARMS_DEAL");
      } else if (ScenarioMapper.kind(k).group()
          != org.entente.engine.model.OrderKind.Group.BILATERAL) {
        ctx.error(
            o,
            "kind",
            0,
            "contradiction",
            "offer rules answer bilateral offers; "
                + k
                + " is not one (use PROPOSE_PARTNERSHIP, JOINT_EXERCISE, ARMS_DEAL, MEDIATE, "
                + "ACCEPT_MEDIATION or PEACE_STEP)");
      }
    }
  }

  private void when(Node n, String source, Set<String> variables) {
    if (!source.isEmpty()) {
      ctx.exprs.condition(n, "when", 0, source, variables);
    }
  }

  private void organisation(Organisation o, Node n) {
    if (o.getName().isBlank()) {
      ctx.missing(n, "organisation `name`", "add the display name");
    }
    ctx.range(n, "credibility", o.getCredibility(), 0, 100, "credibility");
    ctx.range(n, "cohesion", o.getCohesion(), 0, 100, "cohesion");
    Clauses c = o.getClauses();
    Node cn = ctx.locator.child(n, "clauses", 0);
    if (!c.getWithdrawal().isEmpty() && c.getNoticeTurns() == 0) {
      ctx.missing(
          cn,
          "clauses `notice_turns`",
          "a withdrawal clause needs the turns between " + "notice and withdrawal (1..60)");
    } else if (c.getNoticeTurns() != 0) {
      ctx.range(cn, "notice_turns", c.getNoticeTurns(), 1, 60, "notice_turns");
    }
    if (c.getDecisionRuleValue() == 0) {
      ctx.missing(
          cn,
          "clauses `decision_rule`",
          "add decision_rule: CONSENSUS, MAJORITY or " + "QUALIFIED_MAJORITY");
    }
    if (c.getDecisionRule() == DecisionRule.QUALIFIED_MAJORITY) {
      ctx.range(
          cn,
          "qualified_majority_percent",
          c.getQualifiedMajorityPercent(),
          51,
          100,
          "qualified_majority_percent");
    }
    ctx.range(cn, "reentry_wait_turns", c.getReentryWaitTurns(), 0, 24, "reentry_wait_turns");
    Map<String, Integer> members = ValidationContext.seen();
    for (int i = 0; i < o.getMembersCount(); i++) {
      Membership m = o.getMembers(i);
      Node mn = ctx.locator.child(n, "members", i);
      if (ctx.ref(mn, "actor", 0, m.getActor(), ctx.actors, "an actor")) {
        ctx.unique(
            members, m.getActor(), mn, "actor", 0, "member " + m.getActor() + " of " + o.getId());
      }
      membership(m, mn, c);
      ctx.sources(mn, m.getSourceList());
    }
    ctx.sources(n, o.getSourceList());
  }

  private void membership(Membership m, Node n, Clauses c) {
    if (m.getStatusValue() == 0) {
      ctx.missing(n, "member `status`", "add status: ACTIVE, FROZEN, NOTICE, ...");
    }
    if (m.getStatus() == MemberStatus.NOTICE) {
      if (m.getNoticeTurnsLeft() == 0) {
        ctx.problems.error(
            n.pos(),
            "contradiction",
            "status NOTICE needs notice_turns_left "
                + "(1.."
                + Math.max(1, c.getNoticeTurns())
                + "): the turns until withdrawal");
      } else if (m.getNoticeTurnsLeft() > c.getNoticeTurns()) {
        ctx.error(
            n,
            "notice_turns_left",
            0,
            "contradiction",
            "notice_turns_left is "
                + m.getNoticeTurnsLeft()
                + " but the organisation's notice_turns is "
                + c.getNoticeTurns()
                + "; lower it or raise notice_turns");
      }
    } else if (m.getNoticeTurnsLeft() != 0) {
      ctx.error(
          n,
          "notice_turns_left",
          0,
          "contradiction",
          "notice_turns_left applies only to " + "status NOTICE; remove it or set status: NOTICE");
    }
    ctx.range(n, "grievance_turns", m.getGrievanceTurns(), 0, 24, "grievance_turns");
  }

  private void relations() {
    Map<String, Integer> pairs = ValidationContext.seen();
    for (int i = 0; i < file.getRelationsCount(); i++) {
      Relation r = file.getRelations(i);
      Node n = ctx.locator.child(root, "relations", i);
      boolean from = ctx.ref(n, "from", 0, r.getFrom(), ctx.actors, "an actor");
      boolean to = ctx.ref(n, "to", 0, r.getTo(), ctx.actors, "an actor");
      ctx.range(n, "trust", r.getTrust(), -100, 100, "trust");
      if (from && to) {
        if (r.getFrom().equals(r.getTo())) {
          ctx.problems.error(
              n.pos(),
              "contradiction",
              "a relation from "
                  + r.getFrom()
                  + " to itself; trust is between two different actors");
          continue;
        }
        ctx.unique(
            pairs,
            r.getFrom() + ">" + r.getTo(),
            n,
            "from",
            0,
            "trust of " + r.getFrom() + " toward " + r.getTo());
        if (r.getMutual()) {
          ctx.unique(
              pairs,
              r.getTo() + ">" + r.getFrom(),
              n,
              "from",
              0,
              "trust of " + r.getTo() + " toward " + r.getFrom() + " (mutual)");
        }
      }
      ctx.sources(n, r.getSourceList());
    }
  }

  private void partnerships() {
    Map<String, Integer> pairs = ValidationContext.seen();
    for (int i = 0; i < file.getPartnershipsCount(); i++) {
      Partnership p = file.getPartnerships(i);
      Node n = ctx.locator.child(root, "partnerships", i);
      boolean a = ctx.ref(n, "a", 0, p.getA(), ctx.actors, "an actor");
      boolean b = ctx.ref(n, "b", 0, p.getB(), ctx.actors, "an actor");
      if (a && b) {
        if (p.getA().equals(p.getB())) {
          ctx.problems.error(
              n.pos(),
              "contradiction",
              "a partnership of " + p.getA() + " with itself; name two different actors");
          continue;
        }
        String key =
            p.getA().compareTo(p.getB()) < 0
                ? p.getA() + "+" + p.getB()
                : p.getB() + "+" + p.getA();
        ctx.unique(pairs, key, n, "a", 0, "the partnership of " + p.getA() + " and " + p.getB());
      }
      ctx.sources(n, p.getSourceList());
    }
  }

  private void track(Track t, Node n) {
    int min = t.getMin();
    int max = t.getMax();
    if (min == 0 && max == 0) {
      max = 100;
    }
    if (min > max) {
      ctx.error(n, "min", 0, "range", "track min " + min + " is above max " + max + "; swap them");
      return;
    }
    ctx.range(n, "start", t.getStart(), min, max, "track start");
    ctx.range(n, "rest", t.getRest(), min, max, "track rest");
    ctx.range(n, "drift_percent", t.getDriftPercent(), 0, 100, "drift_percent");
    ctx.sources(n, t.getSourceList());
  }

  private void presence(Presence p, Node n) {
    boolean owner = ctx.ref(n, "owner", 0, p.getOwner(), ctx.actors, "an actor");
    boolean host = ctx.ref(n, "host", 0, p.getHost(), ctx.actors, "an actor");
    if (owner && host && p.getOwner().equals(p.getHost())) {
      ctx.error(
          n,
          "host",
          0,
          "contradiction",
          "presence "
              + p.getId()
              + " is on its owner's "
              + "own territory; a presence is foreign: owner and host must differ");
    }
    ctx.range(n, "strength", p.getStrength(), 1, 100000, "strength");
    ctx.range(n, "defence", p.getDefence(), 0, 50, "defence");
    for (int i = 0; i < p.getUpkeepCount(); i++) {
      ctx.exprs.effectTarget(
          ctx.locator.child(n, "upkeep", i),
          p.getUpkeep(i).getTarget(),
          Set.of("self", "target"),
          "in presence upkeep (self is the owner, target the host)");
    }
    ctx.sources(n, p.getSourceList());
  }

  static Set<String> newSet() {
    return new HashSet<>();
  }
}
