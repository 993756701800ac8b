package org.entente.engine.resolve;

import java.util.List;
import org.entente.engine.expr.Bindings;
import org.entente.engine.model.Actor;
import org.entente.engine.model.MemberStatus;
import org.entente.engine.model.OrderKind;
import org.entente.engine.model.OrderRule;
import org.entente.engine.model.Organisation;
import org.entente.engine.model.PartnershipLevel;
import org.entente.engine.model.Precondition;
import org.entente.engine.model.Presence;
import org.entente.engine.model.Scenario;
import org.entente.engine.model.VariantRule;
import org.entente.engine.order.Order;
import org.entente.engine.order.OrderCheck;
import org.entente.engine.state.GameState;

/**
 * Decides whether an understood order is allowed now, given the actor's draft: the scenario's
 * permissions, membership status, preconditions, order points and per-turn limits. Answers
 * are sentences a student can act on. Used at submission and again when orders are sealed.
 */
public final class OrderValidator {
  private final Scenario scenario;

  public OrderValidator(Scenario scenario) {
    this.scenario = scenario;
  }

  /**
   * Checks {@code order} against {@code state} as if added to {@code draft} (the actor's other
   * orders this turn, not including this one).
   */
  public OrderCheck check(GameState state, List<Order> draft, Order order) {
    Actor actor = scenario.actor(order.actor()).orElse(null);
    if (actor == null) {
      return OrderCheck.notAllowed(
          order, "'" + order.actor() + "' is not an actor in this scenario");
    }
    String who = actor.name();
    if (!actor.mayUse(order.kind())) {
      return OrderCheck.notAllowed(
          order, who + " may not use " + order.kind() + " in this scenario");
    }
    if (draft.contains(order)) {
      return OrderCheck.notAllowed(
          order, "this order is already in " + possessive(who) + " orders");
    }
    String refusal = kindRule(state, order);
    if (refusal != null) {
      return OrderCheck.notAllowed(order, refusal);
    }
    OrderRule rule = scenario.rule(order.kind());
    VariantRule variant = rule.variants().get(order.option());
    Bindings bindings = Turn.bindings(order);
    for (Precondition p : rule.preconditions()) {
      if (!p.condition().test(state, bindings)) {
        return OrderCheck.notAllowed(order, p.reason());
      }
    }
    if (variant != null) {
      for (Precondition p : variant.preconditions()) {
        if (!p.condition().test(state, bindings)) {
          return OrderCheck.notAllowed(order, p.reason());
        }
      }
    }
    int used = 0;
    int sameKind = 0;
    int military = 0;
    for (Order d : draft) {
      used += scenario.rule(d.kind()).costOf(d.option());
      sameKind += d.kind() == order.kind() ? 1 : 0;
      military += isMilitary(d) ? 1 : 0;
    }
    int cost = rule.costOf(order.option());
    if (used + cost > actor.orderPoints()) {
      return OrderCheck.notAllowed(
          order,
          who
              + " has "
              + actor.orderPoints()
              + " order points a turn; the orders already given use "
              + used
              + " and this one costs "
              + cost);
    }
    if (rule.maxPerTurn() > 0 && sameKind >= rule.maxPerTurn()) {
      return OrderCheck.notAllowed(
          order, order.kind() + " can be given at most " + times(rule.maxPerTurn()) + " a turn");
    }
    if (isMilitary(order)
        && actor.maxMilitaryOrders() > 0
        && military >= actor.maxMilitaryOrders()) {
      return OrderCheck.notAllowed(
          order,
          who
              + " can give at most "
              + actor.maxMilitaryOrders()
              + " military order(s) a turn (ESCALATE, JOINT_EXERCISE, PRESENCE DEPLOY)");
    }
    return OrderCheck.accepted(order, note(state, draft, order));
  }

  private static String times(int n) {
    return n == 1 ? "once" : n == 2 ? "twice" : n + " times";
  }

  static boolean isMilitary(Order o) {
    return o.kind() == OrderKind.ESCALATE
        || o.kind() == OrderKind.JOINT_EXERCISE
        || (o.kind() == OrderKind.PRESENCE && o.option().equals("DEPLOY"));
  }

  /** What only resolution can decide, said up front so nobody is surprised. */
  private String note(GameState state, List<Order> draft, Order order) {
    switch (order.kind()) {
      case REQUEST_ASSISTANCE:
        if (!Escalations.victimRecently(state, order.actor(), order.target(), state.turn() + 1)) {
          return "this request counts only if "
              + scenario.nameOf(order.target())
              + " escalates against "
              + scenario.nameOf(order.actor())
              + " this turn";
        }
        return "";
      case RESPOND:
        if (Obligations.find(state.openRequests(), order.org(), order.target(), order.actor())
            == null) {
          return "this answer counts only if "
              + scenario.nameOf(order.target())
              + " requests assistance from "
              + order.org()
              + " this turn";
        }
        return "";
      default:
        break;
    }
    if (order.kind().group() == OrderKind.Group.BILATERAL) {
      return "takes effect only if "
          + scenario.nameOf(counterpart(order))
          + " gives the matching order this turn";
    }
    for (Order d : draft) {
      if (!d.org().isEmpty()
          && d.org().equals(order.org())
          && Conflicts.contradict(d.kind(), order.kind())) {
        return "conflicts with " + d.toText() + " in your orders: the more binding act wins";
      }
    }
    return "";
  }

  private static String counterpart(Order o) {
    return o.kind() == OrderKind.MEDIATE ? o.target() + " and " + o.other() : o.target();
  }

  /** The kind-specific rules; returns a refusal or null. */
  private String kindRule(GameState state, Order o) {
    String self = o.actor();
    String who = scenario.nameOf(self);
    if (!o.target().isEmpty() && o.target().equals(self) && o.kind() != OrderKind.STATEMENT) {
      return who + " cannot aim " + o.kind() + " at itself";
    }
    if (!o.other().isEmpty() && o.other().equals(o.target()) && o.kind() != OrderKind.ARMS_DEAL) {
      return "the two actors of " + o.kind() + " must differ";
    }
    if (o.kind().takesOrganisation()) {
      String r = organisationRule(state, o);
      if (r != null) {
        return r;
      }
    }
    switch (o.kind()) {
      case PROPOSE_PARTNERSHIP:
        {
          PartnershipLevel current = state.partnershipLevel(self, o.target());
          PartnershipLevel wanted = PartnershipLevel.valueOf(o.option());
          if (wanted.ordinal() != current.ordinal() + 1) {
            return who
                + " and "
                + withArticle(scenario.nameOf(o.target()))
                + " are at "
                + current
                + (current.next().isPresent()
                    ? "; the next step is " + current.next().get()
                    : "; there is no higher step");
          }
          return null;
        }
      case ARMS_DEAL:
        return null;
      case MEDIATE:
        if (o.target().equals(self) || o.other().equals(self)) {
          return who + " cannot mediate in its own dispute";
        }
        return null;
      case ACCEPT_MEDIATION:
        if (o.other().equals(self)) {
          return "name the other party of the dispute, not " + who;
        }
        return null;
      case PEACE_STEP:
        if ((state.peaceSteps(self, o.target()) & PeaceSteps.bit(o.option())) != 0) {
          return who
              + " and "
              + withArticle(scenario.nameOf(o.target()))
              + " already agreed "
              + o.option();
        }
        if (state.peaceSigned(self, o.target())) {
          return who
              + " and "
              + withArticle(scenario.nameOf(o.target()))
              + " already signed their peace treaty";
        }
        return null;
      case PRESENCE:
        return presenceRule(state, o);
      case LOBBY:
        if (!o.presence().isEmpty() && !state.presenceActive(o.presence())) {
          return scenario.nameOf(o.presence())
              + " is not active, so it cannot be renewed or expanded";
        }
        return null;
      default:
        return null;
    }
  }

  private String presenceRule(GameState state, Order o) {
    Presence p = scenario.presence(o.presence()).orElseThrow();
    String who = scenario.nameOf(o.actor());
    boolean active = state.presenceActive(p.id());
    if (o.option().equals("REQUEST_LEAVE")) {
      if (!p.host().equals(o.actor())) {
        return "only the host, "
            + scenario.nameOf(p.host())
            + ", can ask "
            + p.name()
            + " to leave";
      }
      return active ? null : p.name() + " is not present";
    }
    if (!p.owner().equals(o.actor())) {
      return "only "
          + scenario.nameOf(p.owner())
          + " can "
          + o.option()
          + " "
          + p.name()
          + "; "
          + who
          + " can lobby or ask it to leave";
    }
    if (o.option().equals("DEPLOY")) {
      return active ? p.name() + " is already deployed" : null;
    }
    return active ? null : p.name() + " is not deployed";
  }

  private String organisationRule(GameState state, Order o) {
    Organisation org = scenario.organisation(o.org()).orElseThrow();
    MemberStatus st = state.memberStatus(o.actor(), org.id());
    String who = scenario.nameOf(o.actor());
    String in = who + " is " + describe(st) + " of the " + org.id();
    switch (o.kind()) {
      case REQUEST_CONSULTATION:
        if (!org.clauses().hasConsultation()) {
          return "the " + org.id() + " has no consultation clause";
        }
        return st.participating() ? null : in + "; only members can request consultations";
      case REQUEST_ASSISTANCE:
        if (!org.clauses().hasCollectiveDefence()) {
          return "the " + org.id() + " has no collective-defence clause";
        }
        return st.participating() ? null : in + "; only members can request assistance";
      case RESPOND:
        if (!st.participating()) {
          return in + "; only members answer requests for assistance";
        }
        org.entente.engine.state.OpenRequest r =
            Obligations.find(state.openRequests(), org.id(), o.target(), o.actor());
        if (r != null && r.answeredBy(o.actor())) {
          return who
              + " already answered "
              + possessive(scenario.nameOf(o.target()))
              + " request ("
              + r.answers().get(o.actor())
              + ")";
        }
        return null;
      case ORG_PROPOSAL:
      case OBJECT:
      case STAND_ASIDE:
        if (!st.voting()) {
          return st == MemberStatus.FROZEN
              ? who
                  + " has frozen its participation in the "
                  + org.id()
                  + " and takes no part in decisions"
              : in + "; only active members take part in decisions";
        }
        if (o.option().equals("SUSPEND_MEMBER")) {
          if (!org.clauses().suspension()) {
            return "the " + org.id() + " has no suspension clause";
          }
          if (!state.memberStatus(o.target(), org.id()).participating()) {
            return scenario.nameOf(o.target())
                + " is not a participating member of the "
                + org.id();
          }
        }
        if (o.option().equals("ADMIT") && o.kind() == OrderKind.ORG_PROPOSAL) {
          return "applicants apply themselves with APPLY_MEMBERSHIP; members can OBJECT "
              + org.id()
              + " ADMIT <applicant>";
        }
        return null;
      case FREEZE:
        return st == MemberStatus.ACTIVE
            ? null
            : in + "; only an active member can freeze its participation";
      case RESUME:
        return st == MemberStatus.FROZEN ? null : in + "; only a frozen member can resume";
      case WITHHOLD_DUES:
        if (!st.participating()) {
          return in + "; only members pay dues";
        }
        return state.duesWithheld(o.actor(), org.id()) ? who + " already withholds its dues" : null;
      case GIVE_NOTICE:
        if (st != MemberStatus.ACTIVE && st != MemberStatus.FROZEN) {
          return in + "; notice can be given from active or frozen membership";
        }
        if (state.dom(o.actor()) < scenario.mechanics().noticeMinDom()
            && state.grievance(o.actor()) == 0) {
          return "giving notice needs domestic support of at least "
              + scenario.mechanics().noticeMinDom()
              + " or an active grievance; "
              + possessive(who)
              + " domestic support is "
              + state.dom(o.actor())
              + " and it has no grievance left (a grievance lasts only the turns it was given for)";
        }
        return null;
      case RESCIND_NOTICE:
        return st == MemberStatus.NOTICE ? null : in + "; there is no notice to rescind";
      case APPLY_MEMBERSHIP:
        return st == MemberStatus.NONE
                || st == MemberStatus.WITHDRAWN
                || st == MemberStatus.EXPELLED
            ? null
            : in + "; only non-members can apply";
      default:
        return null;
    }
  }

  /** "Armenia's", "United States'": the English possessive of a name. */
  static String possessive(String name) {
    return name.endsWith("s") ? name + "'" : name + "'s";
  }

  /**
   * A name with the article English gives it: "the United States", "the European Union",
   * "the Netherlands"; other names as they are. A name that already starts with "the" is kept.
   */
  static String withArticle(String name) {
    String lower = name.toLowerCase(java.util.Locale.ROOT);
    if (lower.startsWith("the ")) {
      return name;
    }
    for (String prefix : List.of("united ", "european ", "republic of ", "kingdom of ")) {
      if (lower.startsWith(prefix)) {
        return "the " + name;
      }
    }
    return lower.equals("netherlands") || lower.equals("philippines") ? "the " + name : name;
  }

  static String describe(MemberStatus st) {
    switch (st) {
      case NONE:
        return "not a member";
      case ACTIVE:
        return "an active member";
      case FROZEN:
        return "a frozen member";
      case NOTICE:
        return "a member under notice of withdrawal";
      case WITHDRAWN:
        return "a former member (withdrawn)";
      case SUSPENDED:
        return "a suspended member";
      case EXPELLED:
        return "an expelled former member";
      case APPLICANT:
        return "an applicant";
      default:
        throw new AssertionError(st);
    }
  }
}
