package org.entente.engine.state;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import com.google.common.hash.Hasher;
import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.entente.engine.expr.Facts;
import org.entente.engine.model.Actor;
import org.entente.engine.model.MemberStatus;
import org.entente.engine.model.PartnershipLevel;
import org.entente.engine.model.Scenario;

/**
 * The state of a game at the end of a turn: small, immutable, and cheap to hash. Arrays are
 * indexed by the scenario's actor, organisation, track and presence order and never escape;
 * the resolver works on a {@link StateBuilder} copy and freezes it.
 */
public final class GameState implements Facts {
  static final MemberStatus[] STATUSES = MemberStatus.values();
  static final PartnershipLevel[] LEVELS = PartnershipLevel.values();
  final Scenario scenario;
  final int turn;

  /** Every per-index number of the state; never escapes this package. */
  final Tables t;

  final ImmutableList<EscalationRecord> escalations;
  final ImmutableList<OpenRequest> openRequests;
  final ImmutableList<Delivery> pendingDeliveries;
  final ImmutableList<Assistance> assistance;
  final ImmutableSet<String> firedEvents;

  GameState(StateBuilder b) {
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
    return new StateBuilder(scenario).build();
  }

  public StateBuilder toBuilder() {
    return new StateBuilder(this);
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
}
