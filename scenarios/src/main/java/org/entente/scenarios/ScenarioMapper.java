package org.entente.scenarios;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.entente.engine.expr.CompileResult;
import org.entente.engine.expr.Expr;
import org.entente.engine.expr.Expressions;
import org.entente.engine.expr.Names;
import org.entente.engine.expr.QuantityRef;
import org.entente.engine.expr.Type;
import org.entente.engine.model.Actor;
import org.entente.engine.model.Answer;
import org.entente.engine.model.Clauses;
import org.entente.engine.model.Criterion;
import org.entente.engine.model.DecisionRule;
import org.entente.engine.model.Doctrine;
import org.entente.engine.model.Effect;
import org.entente.engine.model.HistoricalNote;
import org.entente.engine.model.Mechanics;
import org.entente.engine.model.MemberStatus;
import org.entente.engine.model.Membership;
import org.entente.engine.model.Metadata;
import org.entente.engine.model.NoteKind;
import org.entente.engine.model.Objective;
import org.entente.engine.model.OrderKind;
import org.entente.engine.model.OrderRule;
import org.entente.engine.model.Organisation;
import org.entente.engine.model.Partnership;
import org.entente.engine.model.PartnershipLevel;
import org.entente.engine.model.Precondition;
import org.entente.engine.model.Presence;
import org.entente.engine.model.PresenceAction;
import org.entente.engine.model.PresenceChange;
import org.entente.engine.model.Press;
import org.entente.engine.model.Quantities;
import org.entente.engine.model.Relation;
import org.entente.engine.model.Scenario;
import org.entente.engine.model.ScheduledEvent;
import org.entente.engine.model.Source;
import org.entente.engine.model.Track;
import org.entente.engine.model.TurnLength;
import org.entente.engine.model.VariantRule;
import org.entente.engine.model.Vote;
import org.entente.engine.order.OrderCheck;
import org.entente.engine.order.OrderParser;

/**
 * The one translation layer from the scenario file (protobuf) to the engine model (STYLE.md
 * habit 3). It expects a file that {@link ScenarioValidator} passed without errors and throws
 * {@link IllegalStateException} if something still does not translate.
 */
final class ScenarioMapper {
  private final org.entente.proto.scenario.v1.Scenario file;
  private final Names names;

  private ScenarioMapper(org.entente.proto.scenario.v1.Scenario file) {
    this.file = file;
    Set<String> actors = new java.util.LinkedHashSet<>();
    file.getActorsList().forEach(a -> actors.add(a.getId()));
    Set<String> orgs = new java.util.LinkedHashSet<>();
    file.getOrganisationsList().forEach(o -> orgs.add(o.getId()));
    Set<String> tracks = new java.util.LinkedHashSet<>();
    file.getTracksList().forEach(t -> tracks.add(t.getId()));
    Set<String> presences = new java.util.LinkedHashSet<>();
    file.getPresencesList().forEach(p -> presences.add(p.getId()));
    this.names = Names.of(actors, orgs, tracks, presences);
  }

  static Scenario toEngine(org.entente.proto.scenario.v1.Scenario file) {
    return new ScenarioMapper(file).map();
  }

  /** Two passes: standing orders and priorities are parsed against a scenario that already has every id. */
  private Scenario map() {
    List<Actor> withoutOrders = new ArrayList<>();
    file.getActorsList().forEach(a -> withoutOrders.add(actor(a, List.of(), List.of())));
    Scenario first = build(withoutOrders);
    OrderParser parser = new OrderParser(first);
    List<Actor> actors = new ArrayList<>();
    for (org.entente.proto.scenario.v1.Actor a : file.getActorsList()) {
      List<Doctrine.StandingOrder> standing = new ArrayList<>();
      for (var s : a.getDoctrine().getStandingOrdersList()) {
        OrderCheck check = parser.parse(a.getId(), s.getOrder());
        if (!check.isAccepted()) {
          throw new IllegalStateException("standing order of " + a.getId() + ": " + check.reason());
        }
        standing.add(
            new Doctrine.StandingOrder(
                when(s.getWhen(), ExpressionChecker.SELF), check.order().orElseThrow()));
      }
      List<Doctrine.Priority> priorities = new ArrayList<>();
      for (var p : a.getDoctrine().getPrioritiesList()) {
        OrderCheck check = parser.parse(a.getId(), p.getOrder());
        if (!check.isAccepted()) {
          throw new IllegalStateException("priority of " + a.getId() + ": " + check.reason());
        }
        priorities.add(
            new Doctrine.Priority(
                when(p.getWhen(), ExpressionChecker.SELF),
                check.order().orElseThrow(),
                p.getWeight(),
                p.getChance()));
      }
      actors.add(actor(a, standing, priorities));
    }
    return build(actors);
  }

  private Scenario build(List<Actor> actors) {
    return new Scenario(
        metadata(),
        actors,
        organisations(),
        relations(),
        partnerships(),
        tracks(),
        presences(),
        orderRules(),
        mechanics(),
        events(),
        objectives(),
        notes());
  }

  private Metadata metadata() {
    var m = file.getMetadata();
    List<Source> sources = new ArrayList<>();
    m.getSourcesList()
        .forEach(s -> sources.add(new Source(s.getKey(), s.getCitation(), s.getUrl())));
    Press press =
        m.getDefaultPressValue() == 0 ? Press.FULL : Press.valueOf(m.getDefaultPress().name());
    return new Metadata(
        m.getId(),
        m.getTitle(),
        m.getSummary(),
        LocalDate.parse(m.getStartDate()),
        TurnLength.valueOf(m.getTurnLength().name()),
        m.getDefaultTurns(),
        m.getBriefing(),
        sources,
        m.getAuthor(),
        press);
  }

  private Actor actor(
      org.entente.proto.scenario.v1.Actor a,
      List<Doctrine.StandingOrder> standing,
      List<Doctrine.Priority> priorities) {
    var q = a.getStart();
    Set<OrderKind> allowed = EnumSet.noneOf(OrderKind.class);
    a.getAllowedOrdersList().forEach(k -> allowed.add(kind(k)));
    return new Actor(
        a.getId(),
        a.getName(),
        a.getPlayable(),
        new Quantities(q.getSec(), q.getDom(), q.getStd(), q.getRf()),
        a.getOrderPoints(),
        allowed,
        a.getMaxMilitaryOrders(),
        doctrine(a.getDoctrine(), standing, priorities),
        a.getDescription(),
        a.getSourceList());
  }

  private Doctrine doctrine(
      org.entente.proto.scenario.v1.Doctrine d,
      List<Doctrine.StandingOrder> standing,
      List<Doctrine.Priority> priorities) {
    List<Doctrine.ResponseRule> responses = new ArrayList<>();
    for (var r : d.getResponsesList()) {
      responses.add(
          new Doctrine.ResponseRule(
              when(r.getWhen(), ExpressionChecker.RESPONSE_VARS),
              Answer.valueOf(r.getAnswer().name()),
              r.getFollow()));
    }
    List<Doctrine.VoteRule> votes = new ArrayList<>();
    for (var v : d.getVotesList()) {
      votes.add(
          new Doctrine.VoteRule(
              when(v.getWhen(), ExpressionChecker.VOTE_VARS), Vote.valueOf(v.getVote().name())));
    }
    List<Doctrine.LobbyRule> lobbying = new ArrayList<>();
    for (var l : d.getLobbyingList()) {
      lobbying.add(
          new Doctrine.LobbyRule(when(l.getWhen(), ExpressionChecker.LOBBY_VARS), l.getGrant()));
    }
    List<Doctrine.OfferRule> offers = new ArrayList<>();
    for (var o : d.getOffersList()) {
      offers.add(
          new Doctrine.OfferRule(
              kind(o.getKind()),
              when(o.getWhen(), ExpressionChecker.OFFER_VARS),
              o.getAccept(),
              o.getReason()));
    }
    return new Doctrine(responses, votes, lobbying, standing, d.getSummary(), priorities, offers);
  }

  private List<Organisation> organisations() {
    List<Organisation> out = new ArrayList<>();
    for (var o : file.getOrganisationsList()) {
      List<Membership> members = new ArrayList<>();
      for (var m : o.getMembersList()) {
        members.add(
            new Membership(
                m.getActor(),
                MemberStatus.valueOf(m.getStatus().name()),
                m.getNoticeTurnsLeft(),
                m.getDuesWithheld(),
                m.getGrievanceTurns(),
                m.getSourceList()));
      }
      var c = o.getClauses();
      Clauses clauses =
          new Clauses(
              c.getCollectiveDefence(),
              c.getConsultation(),
              c.getWithdrawal(),
              c.getNoticeTurns(),
              DecisionRule.valueOf(c.getDecisionRule().name()),
              c.getQualifiedMajorityPercent(),
              c.getDecision(),
              c.getSuspension(),
              c.getSuspensionClause(),
              c.getReentryWaitTurns(),
              c.getNoOtherAlliance(),
              c.getExternal());
      out.add(
          new Organisation(
              o.getId(),
              o.getName(),
              o.getHeadquarters(),
              o.getFounded(),
              o.getCredibility(),
              o.getCohesion(),
              members,
              clauses,
              o.getSourceList(),
              o.getDescription()));
    }
    return out;
  }

  /** A mutual relation becomes two relations, one each way. */
  private List<Relation> relations() {
    List<Relation> out = new ArrayList<>();
    for (var r : file.getRelationsList()) {
      out.add(new Relation(r.getFrom(), r.getTo(), r.getTrust(), r.getSourceList()));
      if (r.getMutual()) {
        out.add(new Relation(r.getTo(), r.getFrom(), r.getTrust(), r.getSourceList()));
      }
    }
    return out;
  }

  private List<Partnership> partnerships() {
    List<Partnership> out = new ArrayList<>();
    for (var p : file.getPartnershipsList()) {
      out.add(
          new Partnership(
              p.getA(),
              p.getB(),
              PartnershipLevel.valueOf(p.getLevel().name()),
              p.getTurnsAtLevel(),
              p.getSourceList()));
    }
    return out;
  }

  /** Bounds default to 0..100 when both are 0. */
  private List<Track> tracks() {
    List<Track> out = new ArrayList<>();
    for (var t : file.getTracksList()) {
      boolean defaults = t.getMin() == 0 && t.getMax() == 0;
      out.add(
          new Track(
              t.getId(),
              t.getName(),
              t.getStart(),
              t.getMin(),
              defaults ? 100 : t.getMax(),
              t.getDriftPercent(),
              t.getRest(),
              t.getDescription(),
              t.getSourceList()));
    }
    return out;
  }

  private List<Presence> presences() {
    List<Presence> out = new ArrayList<>();
    for (var p : file.getPresencesList()) {
      out.add(
          new Presence(
              p.getId(),
              p.getName(),
              p.getOwner(),
              p.getHost(),
              p.getStrength(),
              p.getTurnsLeft(),
              p.getActive(),
              effects(p.getUpkeepList()),
              p.getDefence(),
              p.getDescription(),
              p.getSourceList()));
    }
    return out;
  }

  private Map<OrderKind, OrderRule> orderRules() {
    Map<OrderKind, OrderRule> out = new EnumMap<>(OrderKind.class);
    for (var r : file.getOrderRulesList()) {
      Map<String, VariantRule> variants = new LinkedHashMap<>();
      for (var v : r.getVariantsList()) {
        variants.put(
            v.getName(),
            new VariantRule(
                v.getName(),
                v.getExtraCost(),
                effects(v.getEffectsList()),
                effects(v.getOnFailureList()),
                preconditions(v.getPreconditionsList()),
                v.getTurns(),
                v.getAmount(),
                v.getCitation()));
      }
      out.put(
          kind(r.getKind()),
          new OrderRule(
              kind(r.getKind()),
              r.getCost(),
              r.getMaxPerTurn(),
              preconditions(r.getPreconditionsList()),
              effects(r.getEffectsList()),
              variants,
              effects(r.getOnFailureList()),
              r.getDescription(),
              r.getCitation()));
    }
    return out;
  }

  private List<Precondition> preconditions(List<org.entente.proto.scenario.v1.Precondition> list) {
    List<Precondition> out = new ArrayList<>();
    for (var p : list) {
      out.add(
          new Precondition(
              expr(p.getCondition(), ExpressionChecker.PRECONDITION_VARS), p.getReason()));
    }
    return out;
  }

  private List<Effect> effects(List<org.entente.proto.scenario.v1.Effect> list) {
    List<Effect> out = new ArrayList<>();
    for (var e : list) {
      QuantityRef.ParseResult ref = QuantityRef.parse(e.getTarget(), names);
      if (!ref.ok()) {
        throw new IllegalStateException("effect target '" + e.getTarget() + "': " + ref.errors());
      }
      out.add(new Effect(ref.ref(), e.getDelta()));
    }
    return out;
  }

  private Mechanics mechanics() {
    var m = file.getMechanics();
    return new Mechanics(
        m.getTrustDriftPercent(),
        m.getAnswerWindowTurns(),
        m.getTrustMilitary(),
        m.getTrustMonitors(),
        m.getTrustDiplomatic(),
        m.getTrustDecline(),
        m.getTrustSilence(),
        m.getStdSilence(),
        m.getCredMilitary(),
        m.getCredMonitorsOnly(),
        m.getCredNothing(),
        m.getCredNothingRepeat(),
        m.getRepeatWindowTurns(),
        m.getCohPerRefusal(),
        m.getGrievanceTurns(),
        m.getFrozenCredPerTurn(),
        m.getFrozenCohPerTurn(),
        m.getNoticeMinDom(),
        m.getAssistanceTurns(),
        m.getTensionTrack(),
        m.getPeaceTrack(),
        m.getGrievanceFromAttack());
  }

  private List<ScheduledEvent> events() {
    List<ScheduledEvent> out = new ArrayList<>();
    for (var e : file.getEventsList()) {
      Set<String> vars = e.getActor().isEmpty() ? Set.of() : ExpressionChecker.SELF;
      List<PresenceChange> changes = new ArrayList<>();
      for (var c : e.getPresenceChangesList()) {
        changes.add(
            new PresenceChange(
                c.getPresence(), PresenceAction.valueOf(c.getAction().name()), c.getAmount()));
      }
      out.add(
          new ScheduledEvent(
              e.getId(),
              e.getTurn(),
              e.getTitle(),
              e.getText(),
              when(e.getWhen(), vars),
              e.getAfterOrders(),
              effects(e.getEffectsList()),
              e.getActor(),
              changes,
              e.getSourceList()));
    }
    return out;
  }

  private List<Objective> objectives() {
    List<Objective> out = new ArrayList<>();
    for (var o : file.getObjectivesList()) {
      List<Criterion> criteria = new ArrayList<>();
      for (var c : o.getCriteriaList()) {
        criteria.add(
            new Criterion(
                c.getId(),
                c.getDescription(),
                expr(c.getCondition(), ExpressionChecker.SELF),
                c.getPoints()));
      }
      out.add(new Objective(o.getActor(), o.getSummary(), criteria));
    }
    return out;
  }

  private List<HistoricalNote> notes() {
    List<HistoricalNote> out = new ArrayList<>();
    for (var n : file.getNotesList()) {
      out.add(
          new HistoricalNote(
              n.getDate(), NoteKind.valueOf(n.getKind().name()), n.getText(), n.getSourceList()));
    }
    return out;
  }

  /** An empty condition always holds: null. */
  private Expr when(String source, Set<String> variables) {
    return source.isEmpty() ? null : expr(source, variables);
  }

  private Expr expr(String source, Set<String> variables) {
    CompileResult result = Expressions.compile(source, names, variables, Type.BOOL);
    if (!result.ok()) {
      throw new IllegalStateException("expression '" + source + "': " + result.errors());
    }
    return result.expr();
  }

  /** The engine's order kind for a file's order kind (same names). */
  static OrderKind kind(org.entente.proto.scenario.v1.OrderKind kind) {
    return OrderKind.valueOf(kind.name());
  }
}
