package org.entente.engine.state;

import java.util.List;
import org.entente.engine.expr.Quantity;
import org.entente.engine.model.MemberStatus;
import org.entente.engine.model.PartnershipLevel;
import org.entente.engine.model.Scenario;

/** A mutable copy of a state, used by the resolver and by test set-ups. */
public final class StateBuilder {
  final Scenario scenario;
  int turn;
  final Tables t;
  final List<EscalationRecord> escalations;
  final List<OpenRequest> openRequests;
  final List<Delivery> pendingDeliveries;
  final List<Assistance> assistance;
  final java.util.Set<String> firedEvents;

  StateBuilder(GameState s) {
    scenario = s.scenario;
    turn = s.turn;
    t = s.t.copy();
    escalations = new java.util.ArrayList<>(s.escalations);
    openRequests = new java.util.ArrayList<>(s.openRequests);
    pendingDeliveries = new java.util.ArrayList<>(s.pendingDeliveries);
    assistance = new java.util.ArrayList<>(s.assistance);
    firedEvents = new java.util.LinkedHashSet<>(s.firedEvents);
  }

  /** The start state of a scenario. */
  StateBuilder(Scenario sc) {
    scenario = sc;
    turn = 0;
    t = new Tables(sc);
    escalations = new java.util.ArrayList<>();
    openRequests = new java.util.ArrayList<>();
    pendingDeliveries = new java.util.ArrayList<>();
    assistance = new java.util.ArrayList<>();
    firedEvents = new java.util.LinkedHashSet<>();
  }

  public GameState build() {
    return new GameState(this);
  }

  int a(String id) {
    int i = scenario.actorIndex(id);
    if (i < 0) {
      throw new IllegalArgumentException("unknown actor " + id);
    }
    return i;
  }

  int o(String id) {
    int i = scenario.organisationIndex(id);
    if (i < 0) {
      throw new IllegalArgumentException("unknown organisation " + id);
    }
    return i;
  }

  int p(String id) {
    int i = scenario.presenceIndex(id);
    if (i < 0) {
      throw new IllegalArgumentException("unknown presence " + id);
    }
    return i;
  }

  int t(String id) {
    int i = scenario.trackIndex(id);
    if (i < 0) {
      throw new IllegalArgumentException("unknown track " + id);
    }
    return i;
  }

  int n() {
    return scenario.actorCount();
  }

  public int turn() {
    return turn;
  }

  public StateBuilder turn(int value) {
    turn = value;
    return this;
  }

  /** Reads a quantity; see {@link Quantity}. Ids are actor, organisation, track or presence ids. */
  public int get(Quantity q, String x, String y) {
    switch (q) {
      case SEC:
        return t.sec[a(x)];
      case DOM:
        return t.dom[a(x)];
      case STD:
        return t.std[a(x)];
      case RF:
        return t.rf[a(x)];
      case TRUST:
        return t.trust[a(x) * n() + a(y)];
      case CRED:
        return t.cred[o(x)];
      case COH:
        return t.coh[o(x)];
      case TRACK:
        return t.tracks[t(x)];
      case GRIEVANCE:
        return t.grievance[a(x)];
      case PRESENCE_TURNS:
        return t.presenceTurns[p(x)];
      case PRESENCE_STRENGTH:
        return t.presenceStrength[p(x)];
      default:
        throw new AssertionError(q);
    }
  }

  /** Sets a quantity, clamped to its bounds. */
  public StateBuilder set(Quantity q, String x, String y, int value) {
    int v = clamp(q, x, value);
    switch (q) {
      case SEC:
        t.sec[a(x)] = v;
        break;
      case DOM:
        t.dom[a(x)] = v;
        break;
      case STD:
        t.std[a(x)] = v;
        break;
      case RF:
        t.rf[a(x)] = v;
        break;
      case TRUST:
        t.trust[a(x) * n() + a(y)] = v;
        break;
      case CRED:
        t.cred[o(x)] = v;
        break;
      case COH:
        t.coh[o(x)] = v;
        break;
      case TRACK:
        t.tracks[t(x)] = v;
        break;
      case GRIEVANCE:
        t.grievance[a(x)] = v;
        break;
      case PRESENCE_TURNS:
        t.presenceTurns[p(x)] = v;
        break;
      case PRESENCE_STRENGTH:
        t.presenceStrength[p(x)] = v;
        break;
      default:
        throw new AssertionError(q);
    }
    return this;
  }

  /**
   * Every trust moves {@code percent}% of the way back toward its starting value, rounded half
   * away from zero.
   */
  public StateBuilder driftTrust(int percent) {
    int n = n();
    for (int a = 0; a < n; a++) {
      for (int b = 0; b < n; b++) {
        int k = a * n + b;
        int diff = scenario.startTrust(a, b) - t.trust[k];
        if (diff != 0) {
          int step = (Math.abs(diff) * percent + 50) / 100;
          t.trust[k] += diff < 0 ? -step : step;
        }
      }
    }
    return this;
  }

  public StateBuilder add(Quantity q, String x, String y, int delta) {
    return set(q, x, y, get(q, x, y) + delta);
  }

  private int clamp(Quantity q, String x, int v) {
    switch (q) {
      case TRACK:
        org.entente.engine.model.Track tr = scenario.tracks().get(t(x));
        return Math.max(tr.min(), Math.min(tr.max(), v));
      case TRUST:
        return Math.max(-100, Math.min(100, v));
      case RF:
        return Math.max(0, Math.min(50, v));
      case GRIEVANCE:
        return Math.max(0, Math.min(24, v));
      case PRESENCE_TURNS:
      case PRESENCE_STRENGTH:
        return Math.max(0, v);
      default:
        return Math.max(0, Math.min(100, v));
    }
  }

  public MemberStatus status(String actor, String org) {
    return GameState.STATUSES[t.status[o(org) * n() + a(actor)]];
  }

  public StateBuilder status(String actor, String org, MemberStatus value) {
    t.status[o(org) * n() + a(actor)] = (byte) value.ordinal();
    return this;
  }

  public MemberStatus statusBeforeNotice(String actor, String org) {
    return GameState.STATUSES[t.statusBeforeNotice[o(org) * n() + a(actor)]];
  }

  public StateBuilder statusBeforeNotice(String actor, String org, MemberStatus value) {
    t.statusBeforeNotice[o(org) * n() + a(actor)] = (byte) value.ordinal();
    return this;
  }

  public int noticeLeft(String actor, String org) {
    return t.noticeLeft[o(org) * n() + a(actor)];
  }

  public StateBuilder noticeLeft(String actor, String org, int value) {
    t.noticeLeft[o(org) * n() + a(actor)] = value;
    return this;
  }

  public boolean duesWithheld(String actor, String org) {
    return t.duesWithheld[o(org) * n() + a(actor)];
  }

  public StateBuilder duesWithheld(String actor, String org, boolean value) {
    t.duesWithheld[o(org) * n() + a(actor)] = value;
    return this;
  }

  public int applicantWait(String actor, String org) {
    return t.applicantWait[o(org) * n() + a(actor)];
  }

  public StateBuilder applicantWait(String actor, String org, int value) {
    t.applicantWait[o(org) * n() + a(actor)] = value;
    return this;
  }

  public StateBuilder markApplied(String actor, String org) {
    t.applied[o(org) * n() + a(actor)] = true;
    return this;
  }

  public StateBuilder countRequest(String actor, String org) {
    t.requests[o(org) * n() + a(actor)]++;
    return this;
  }

  public int lastFailureTurn(String org) {
    return t.lastFailureTurn[o(org)];
  }

  public StateBuilder lastFailureTurn(String org, int value) {
    t.lastFailureTurn[o(org)] = value;
    return this;
  }

  public PartnershipLevel partnership(String x, String y) {
    return GameState.LEVELS[t.partnership[GameState.pair(a(x), a(y), n())]];
  }

  public int partnershipTurns(String x, String y) {
    return t.partnershipTurns[GameState.pair(a(x), a(y), n())];
  }

  public StateBuilder partnership(String x, String y, PartnershipLevel level, int turnsAtLevel) {
    int k = GameState.pair(a(x), a(y), n());
    t.partnership[k] = (byte) level.ordinal();
    t.partnershipTurns[k] = turnsAtLevel;
    return this;
  }

  /** Every pair with a partnership one more turn at its level. */
  public StateBuilder agePartnerships() {
    for (int k = 0; k < t.partnership.length; k++) {
      if (t.partnership[k] != 0) {
        t.partnershipTurns[k]++;
      }
    }
    return this;
  }

  public boolean presenceActive(String id) {
    return t.presenceActive[p(id)];
  }

  public StateBuilder presenceActive(String id, boolean value) {
    t.presenceActive[p(id)] = value;
    return this;
  }

  public StateBuilder countRenewal(String id) {
    t.presenceRenewals[p(id)]++;
    return this;
  }

  public StateBuilder countExpansion(String id) {
    t.presenceExpansions[p(id)]++;
    return this;
  }

  public StateBuilder countDelivery(String from, String to) {
    t.deliveries[a(from) * n() + a(to)]++;
    return this;
  }

  public StateBuilder countPressure(String from, String to) {
    t.pressure[a(from) * n() + a(to)]++;
    return this;
  }

  public StateBuilder countExercise(String x, String y) {
    t.exercises[GameState.pair(a(x), a(y), n())]++;
    return this;
  }

  public int peaceSteps(String x, String y) {
    return t.peaceSteps[GameState.pair(a(x), a(y), n())];
  }

  public StateBuilder addPeaceStep(String x, String y, int stepBit) {
    t.peaceSteps[GameState.pair(a(x), a(y), n())] |= stepBit;
    return this;
  }

  public boolean signed(String x, String y) {
    return t.signed[GameState.pair(a(x), a(y), n())] != 0;
  }

  /** Records a signature; {@code mediator} may be empty. */
  public StateBuilder sign(String x, String y, String mediator) {
    t.signed[GameState.pair(a(x), a(y), n())] = mediator.isEmpty() ? 1 : 2 + a(mediator);
    return this;
  }

  public StateBuilder countMediated(String mediator) {
    t.mediated[a(mediator)]++;
    return this;
  }

  public StateBuilder countTerritoryLost(String actor) {
    t.territoryLost[a(actor)]++;
    return this;
  }

  public List<EscalationRecord> escalations() {
    return escalations;
  }

  public List<OpenRequest> openRequests() {
    return openRequests;
  }

  public List<Delivery> pendingDeliveries() {
    return pendingDeliveries;
  }

  public List<Assistance> assistance() {
    return assistance;
  }

  public java.util.Set<String> firedEvents() {
    return firedEvents;
  }

  public Scenario scenario() {
    return scenario;
  }
}
