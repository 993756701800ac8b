package org.entente.engine.state;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import com.google.common.hash.Hasher;
import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.entente.engine.expr.Facts;
import org.entente.engine.expr.Quantity;
import org.entente.engine.model.Actor;
import org.entente.engine.model.MemberStatus;
import org.entente.engine.model.PartnershipLevel;
import org.entente.engine.model.Scenario;

/**
 * The state of a game at the end of a turn: small, immutable, and cheap to hash. Arrays are
 * indexed by the scenario's actor, organisation, track and presence order and never escape;
 * the resolver works on a {@link Builder} copy and freezes it.
 */
public final class GameState implements Facts {
  private static final MemberStatus[] STATUSES = MemberStatus.values();
  private static final PartnershipLevel[] LEVELS = PartnershipLevel.values();
  final Scenario scenario;
  final int turn;
  /** Every per-index number of the state; never escapes this package. */
  final Tables t;
  final ImmutableList<EscalationRecord> escalations;
  final ImmutableList<OpenRequest> openRequests;
  final ImmutableList<Delivery> pendingDeliveries;
  final ImmutableList<Assistance> assistance;
  final ImmutableSet<String> firedEvents;

  GameState(Builder b) {
    scenario = b.scenario;
    turn = b.turn;
    t = b.t.copy();
    escalations = ImmutableList.copyOf(b.escalations);
    openRequests = ImmutableList.copyOf(b.openRequests);
    pendingDeliveries = ImmutableList.copyOf(b.pendingDeliveries);
    assistance = ImmutableList.copyOf(b.assistance);
    firedEvents = ImmutableSet.copyOf(b.firedEvents);
  }

  /** The state at turn 0, as the scenario file describes it. */
  public static GameState initial(Scenario scenario) {
    return new Builder(scenario).build();
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  public Scenario scenario() {
    return scenario;
  }

  /** The last turn resolved (0 before the first). */
  @Override
  public int turn() {
    return turn;
  }

  int n() {
    return scenario.actorCount();
  }

  private int actor(String id) {
    int i = scenario.actorIndex(id);
    if (i < 0) {
      throw new IllegalArgumentException("unknown actor " + id);
    }
    return i;
  }

  private int org(String id) {
    int i = scenario.organisationIndex(id);
    if (i < 0) {
      throw new IllegalArgumentException("unknown organisation " + id);
    }
    return i;
  }

  static int pair(int a, int b, int n) {
    return Math.min(a, b) * n + Math.max(a, b);
  }

  @Override
  public int sec(String a) {
    return t.sec[actor(a)];
  }

  @Override
  public int dom(String a) {
    return t.dom[actor(a)];
  }

  @Override
  public int std(String a) {
    return t.std[actor(a)];
  }

  @Override
  public int rf(String a) {
    return t.rf[actor(a)];
  }

  @Override
  public int grievance(String a) {
    return t.grievance[actor(a)];
  }

  @Override
  public int trust(String from, String to) {
    return t.trust[actor(from) * n() + actor(to)];
  }

  @Override
  public int cred(String o) {
    return t.cred[org(o)];
  }

  @Override
  public int coh(String o) {
    return t.coh[org(o)];
  }

  public MemberStatus memberStatus(String a, String o) {
    return STATUSES[t.status[org(o) * n() + actor(a)]];
  }

  @Override
  public int noticeLeft(String a, String o) {
    return t.noticeLeft[org(o) * n() + actor(a)];
  }

  @Override
  public boolean duesWithheld(String a, String o) {
    return t.duesWithheld[org(o) * n() + actor(a)];
  }

  @Override
  public boolean applied(String a, String o) {
    return t.applied[org(o) * n() + actor(a)];
  }

  @Override
  public int requests(String a, String o) {
    return t.requests[org(o) * n() + actor(a)];
  }

  public PartnershipLevel partnershipLevel(String a, String b) {
    return LEVELS[t.partnership[pair(actor(a), actor(b), n())]];
  }

  public int partnershipTurns(String a, String b) {
    return t.partnershipTurns[pair(actor(a), actor(b), n())];
  }

  @Override
  public int track(String id) {
    int i = scenario.trackIndex(id);
    if (i < 0) {
      throw new IllegalArgumentException("unknown track " + id);
    }
    return t.tracks[i];
  }

  private int presence(String p) {
    int i = scenario.presenceIndex(p);
    if (i < 0) {
      throw new IllegalArgumentException("unknown presence " + p);
    }
    return i;
  }

  @Override
  public boolean presenceActive(String p) {
    return t.presenceActive[presence(p)];
  }

  @Override
  public int presenceStrength(String p) {
    return t.presenceStrength[presence(p)];
  }

  @Override
  public int presenceTurns(String p) {
    return t.presenceTurns[presence(p)];
  }

  @Override
  public int presenceRenewals(String p) {
    return t.presenceRenewals[presence(p)];
  }

  @Override
  public int presenceExpansions(String p) {
    return t.presenceExpansions[presence(p)];
  }

  /** Completed arms deliveries from {@code from} to {@code to}; either may be {@code ANY}. */
  @Override
  public int deliveries(String from, String to) {
    return sumOrdered(t.deliveries, from, to);
  }

  @Override
  public int pressure(String from, String to) {
    return sumOrdered(t.pressure, from, to);
  }

  private int sumOrdered(int[] m, String from, String to) {
    int n = n();
    int total = 0;
    for (int a = 0; a < n; a++) {
      if (!from.equals("ANY") && a != actor(from)) {
        continue;
      }
      for (int b = 0; b < n; b++) {
        if (to.equals("ANY") || b == actor(to)) {
          total += m[a * n + b];
        }
      }
    }
    return total;
  }

  @Override
  public int exercises(String a, String b) {
    return t.exercises[pair(actor(a), actor(b), n())];
  }

  /** Bit set of agreed peace steps between two actors, by {@code PeaceSteps} index. */
  public int peaceSteps(String a, String b) {
    return t.peaceSteps[pair(actor(a), actor(b), n())];
  }

  @Override
  public boolean peaceSigned(String a, String b) {
    return t.signed[pair(actor(a), actor(b), n())] != 0;
  }

  /** The mediator in force when two actors signed, or empty. */
  public String signingMediator(String a, String b) {
    int s = t.signed[pair(actor(a), actor(b), n())];
    return s >= 2 ? scenario.actors().get(s - 2).id() : "";
  }

  @Override
  public int mediated(String m) {
    return t.mediated[actor(m)];
  }

  @Override
  public int territoryLost(String a) {
    return t.territoryLost[actor(a)];
  }

  public List<EscalationRecord> escalations() {
    return escalations;
  }

  /** Participating members (ACTIVE, FROZEN, NOTICE) of an organisation, in actor order. */
  public List<Actor> participants(String o) {
    return members(o, false);
  }

  /** Voting members (ACTIVE, NOTICE) of an organisation, in actor order. */
  public List<Actor> voters(String o) {
    return members(o, true);
  }

  private List<Actor> members(String o, boolean votingOnly) {
    int n = n();
    int base = org(o) * n;
    List<Actor> out = new java.util.ArrayList<>();
    for (int a = 0; a < n; a++) {
      MemberStatus st = STATUSES[t.status[base + a]];
      if (votingOnly ? st.voting() : st.participating()) {
        out.add(scenario.actors().get(a));
      }
    }
    return out;
  }

  /** Actors with a MUTUAL_DEFENCE partnership with {@code a}, in actor order. */
  public List<String> mutualDefencePartners(String a) {
    int n = n();
    int i = actor(a);
    List<String> out = new java.util.ArrayList<>(0);
    for (int b = 0; b < n; b++) {
      if (b != i && LEVELS[t.partnership[pair(i, b, n)]] == PartnershipLevel.MUTUAL_DEFENCE) {
        out.add(scenario.actors().get(b).id());
      }
    }
    return out;
  }

  @Override
  public String status(String a, String o) {
    return memberStatus(a, o).name();
  }

  @Override
  public int partnership(String a, String b) {
    return t.partnership[pair(actor(a), actor(b), n())];
  }

  @Override
  public boolean peaceStep(String a, String b, String step) {
    int i = org.entente.engine.order.OrderSyntax.STEPS.asList().indexOf(step);
    return i >= 0 && (peaceSteps(a, b) & (1 << i)) != 0;
  }

  @Override
  public boolean signedWith(String a, String b, String mediator) {
    return signingMediator(a, b).equals(mediator);
  }

  @Override
  public int escalations(String from, String to, int minLevel, int sinceTurn) {
    int count = 0;
    for (EscalationRecord r : escalations) {
      if ((from.equals(ANY) || r.attacker().equals(from))
          && (to.equals(ANY) || r.defender().equals(to))
          && r.level() >= minLevel
          && r.turn() >= sinceTurn) {
        count++;
      }
    }
    return count;
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

  public ImmutableSet<String> firedEvents() {
    return firedEvents;
  }

  /** A SHA-256 over every field, in a fixed order: equal states have equal hashes. */
  public String hash() {
    Hasher h = Hashing.sha256().newHasher();
    h.putString(scenario.metadata().id(), StandardCharsets.UTF_8).putInt(turn);
    t.hashInto(h);
    h.putString(escalations.toString(), StandardCharsets.UTF_8);
    h.putString(openRequests.toString(), StandardCharsets.UTF_8);
    h.putString(pendingDeliveries.toString(), StandardCharsets.UTF_8);
    h.putString(assistance.toString(), StandardCharsets.UTF_8);
    h.putString(firedEvents.stream().sorted().toList().toString(), StandardCharsets.UTF_8);
    return h.hash().toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof GameState && ((GameState) o).hash().equals(hash());
  }

  @Override
  public int hashCode() {
    return hash().hashCode();
  }

  /** A mutable copy of a state, used by the resolver and by test set-ups. */
  public static final class Builder {
    final Scenario scenario;
    int turn;
    final Tables t;
    final List<EscalationRecord> escalations;
    final List<OpenRequest> openRequests;
    final List<Delivery> pendingDeliveries;
    final List<Assistance> assistance;
    final java.util.Set<String> firedEvents;

    Builder(GameState s) {
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
    Builder(Scenario sc) {
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

    public Builder turn(int value) {
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
    public Builder set(Quantity q, String x, String y, int value) {
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
    public Builder driftTrust(int percent) {
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

    public Builder add(Quantity q, String x, String y, int delta) {
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
      return STATUSES[t.status[o(org) * n() + a(actor)]];
    }

    public Builder status(String actor, String org, MemberStatus value) {
      t.status[o(org) * n() + a(actor)] = (byte) value.ordinal();
      return this;
    }

    public MemberStatus statusBeforeNotice(String actor, String org) {
      return STATUSES[t.statusBeforeNotice[o(org) * n() + a(actor)]];
    }

    public Builder statusBeforeNotice(String actor, String org, MemberStatus value) {
      t.statusBeforeNotice[o(org) * n() + a(actor)] = (byte) value.ordinal();
      return this;
    }

    public int noticeLeft(String actor, String org) {
      return t.noticeLeft[o(org) * n() + a(actor)];
    }

    public Builder noticeLeft(String actor, String org, int value) {
      t.noticeLeft[o(org) * n() + a(actor)] = value;
      return this;
    }

    public boolean duesWithheld(String actor, String org) {
      return t.duesWithheld[o(org) * n() + a(actor)];
    }

    public Builder duesWithheld(String actor, String org, boolean value) {
      t.duesWithheld[o(org) * n() + a(actor)] = value;
      return this;
    }

    public int applicantWait(String actor, String org) {
      return t.applicantWait[o(org) * n() + a(actor)];
    }

    public Builder applicantWait(String actor, String org, int value) {
      t.applicantWait[o(org) * n() + a(actor)] = value;
      return this;
    }

    public Builder markApplied(String actor, String org) {
      t.applied[o(org) * n() + a(actor)] = true;
      return this;
    }

    public Builder countRequest(String actor, String org) {
      t.requests[o(org) * n() + a(actor)]++;
      return this;
    }

    public int lastFailureTurn(String org) {
      return t.lastFailureTurn[o(org)];
    }

    public Builder lastFailureTurn(String org, int value) {
      t.lastFailureTurn[o(org)] = value;
      return this;
    }

    public PartnershipLevel partnership(String x, String y) {
      return LEVELS[t.partnership[pair(a(x), a(y), n())]];
    }

    public int partnershipTurns(String x, String y) {
      return t.partnershipTurns[pair(a(x), a(y), n())];
    }

    public Builder partnership(String x, String y, PartnershipLevel level, int turnsAtLevel) {
      int k = pair(a(x), a(y), n());
      t.partnership[k] = (byte) level.ordinal();
      t.partnershipTurns[k] = turnsAtLevel;
      return this;
    }

    /** Every pair with a partnership one more turn at its level. */
    public Builder agePartnerships() {
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

    public Builder presenceActive(String id, boolean value) {
      t.presenceActive[p(id)] = value;
      return this;
    }

    public Builder countRenewal(String id) {
      t.presenceRenewals[p(id)]++;
      return this;
    }

    public Builder countExpansion(String id) {
      t.presenceExpansions[p(id)]++;
      return this;
    }

    public Builder countDelivery(String from, String to) {
      t.deliveries[a(from) * n() + a(to)]++;
      return this;
    }

    public Builder countPressure(String from, String to) {
      t.pressure[a(from) * n() + a(to)]++;
      return this;
    }

    public Builder countExercise(String x, String y) {
      t.exercises[pair(a(x), a(y), n())]++;
      return this;
    }

    public int peaceSteps(String x, String y) {
      return t.peaceSteps[pair(a(x), a(y), n())];
    }

    public Builder addPeaceStep(String x, String y, int stepBit) {
      t.peaceSteps[pair(a(x), a(y), n())] |= stepBit;
      return this;
    }

    public boolean signed(String x, String y) {
      return t.signed[pair(a(x), a(y), n())] != 0;
    }

    /** Records a signature; {@code mediator} may be empty. */
    public Builder sign(String x, String y, String mediator) {
      t.signed[pair(a(x), a(y), n())] = mediator.isEmpty() ? 1 : 2 + a(mediator);
      return this;
    }

    public Builder countMediated(String mediator) {
      t.mediated[a(mediator)]++;
      return this;
    }

    public Builder countTerritoryLost(String actor) {
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
}
