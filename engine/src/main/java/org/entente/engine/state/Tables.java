package org.entente.engine.state;

import com.google.common.hash.Hasher;
import java.util.Arrays;
import org.entente.engine.model.Actor;
import org.entente.engine.model.MemberStatus;
import org.entente.engine.model.Membership;
import org.entente.engine.model.Organisation;
import org.entente.engine.model.Presence;
import org.entente.engine.model.Scenario;

/**
 * The numbers of a game state as flat arrays indexed by the scenario's actor, organisation,
 * track and presence order (pairs at [a * n + b]). {@link GameState} and its builder each own
 * one copy; nothing outside this package sees them.
 */
final class Tables {
  int[] sec;
  int[] dom;
  int[] std;
  int[] rf;
  int[] grievance;

  /** trust[a * n + b]: trust of a toward b. */
  int[] trust;

  int[] cred;
  int[] coh;

  /** Per organisation * n + actor. */
  byte[] status;

  byte[] statusBeforeNotice;
  int[] noticeLeft;
  boolean[] duesWithheld;
  int[] applicantWait;
  boolean[] applied;
  int[] requests;
  int[] lastFailureTurn;

  /** Symmetric pairs, stored at [min * n + max]. */
  byte[] partnership;

  int[] partnershipTurns;
  int[] tracks;
  boolean[] presenceActive;
  int[] presenceStrength;
  int[] presenceTurns;
  int[] presenceRenewals;
  int[] presenceExpansions;

  /** Ordered pairs [from * n + to]. */
  int[] deliveries;

  int[] pressure;

  /** Symmetric pairs. */
  int[] exercises;

  int[] peaceSteps;

  /** Symmetric pairs: 0 not signed, 1 signed without mediator, 2 + i signed with mediator i. */
  int[] signed;

  int[] mediated;
  int[] territoryLost;

  private Tables() {}

  /** The numbers at turn 0, as the scenario file describes them. */
  Tables(Scenario sc) {
    int n = sc.actorCount();
    int o = sc.organisationCount();
    int tc = sc.tracks().size();
    int p = sc.presences().size();
    sec = new int[n];
    dom = new int[n];
    std = new int[n];
    rf = new int[n];
    grievance = new int[n];
    for (int i = 0; i < n; i++) {
      Actor a = sc.actors().get(i);
      sec[i] = a.start().sec();
      dom[i] = a.start().dom();
      std[i] = a.start().std();
      rf[i] = a.start().rf();
    }
    trust = new int[n * n];
    for (int a = 0; a < n; a++) {
      for (int b = 0; b < n; b++) {
        trust[a * n + b] = sc.startTrust(a, b);
      }
    }
    cred = new int[o];
    coh = new int[o];
    status = new byte[o * n];
    statusBeforeNotice = new byte[o * n];
    noticeLeft = new int[o * n];
    duesWithheld = new boolean[o * n];
    applicantWait = new int[o * n];
    applied = new boolean[o * n];
    requests = new int[o * n];
    lastFailureTurn = new int[o];
    Arrays.fill(lastFailureTurn, Integer.MIN_VALUE / 2);
    for (int j = 0; j < o; j++) {
      Organisation org = sc.organisations().get(j);
      cred[j] = org.credibility();
      coh[j] = org.cohesion();
      for (Membership m : org.members()) {
        int k = j * n + sc.actorIndex(m.actor());
        status[k] = (byte) m.status().ordinal();
        statusBeforeNotice[k] = (byte) MemberStatus.ACTIVE.ordinal();
        noticeLeft[k] = m.status() == MemberStatus.NOTICE ? m.noticeTurnsLeft() : 0;
        duesWithheld[k] = m.duesWithheld();
        int a = sc.actorIndex(m.actor());
        grievance[a] = Math.max(grievance[a], m.grievanceTurns());
      }
    }
    partnership = new byte[n * n];
    partnershipTurns = new int[n * n];
    for (org.entente.engine.model.Partnership ps : sc.partnerships()) {
      int k = GameState.pair(sc.actorIndex(ps.a()), sc.actorIndex(ps.b()), n);
      partnership[k] = (byte) ps.level().ordinal();
      partnershipTurns[k] = ps.turnsAtLevel();
    }
    tracks = new int[tc];
    for (int i = 0; i < tc; i++) {
      tracks[i] = sc.tracks().get(i).start();
    }
    presenceActive = new boolean[p];
    presenceStrength = new int[p];
    presenceTurns = new int[p];
    presenceRenewals = new int[p];
    presenceExpansions = new int[p];
    for (int i = 0; i < p; i++) {
      Presence pr = sc.presences().get(i);
      presenceActive[i] = pr.active();
      presenceStrength[i] = pr.strength();
      presenceTurns[i] = pr.turnsLeft();
    }
    deliveries = new int[n * n];
    pressure = new int[n * n];
    exercises = new int[n * n];
    peaceSteps = new int[n * n];
    signed = new int[n * n];
    mediated = new int[n];
    territoryLost = new int[n];
  }

  Tables copy() {
    Tables c = new Tables();
    c.sec = sec.clone();
    c.dom = dom.clone();
    c.std = std.clone();
    c.rf = rf.clone();
    c.grievance = grievance.clone();
    c.trust = trust.clone();
    c.cred = cred.clone();
    c.coh = coh.clone();
    c.status = status.clone();
    c.statusBeforeNotice = statusBeforeNotice.clone();
    c.noticeLeft = noticeLeft.clone();
    c.duesWithheld = duesWithheld.clone();
    c.applicantWait = applicantWait.clone();
    c.applied = applied.clone();
    c.requests = requests.clone();
    c.lastFailureTurn = lastFailureTurn.clone();
    c.partnership = partnership.clone();
    c.partnershipTurns = partnershipTurns.clone();
    c.tracks = tracks.clone();
    c.presenceActive = presenceActive.clone();
    c.presenceStrength = presenceStrength.clone();
    c.presenceTurns = presenceTurns.clone();
    c.presenceRenewals = presenceRenewals.clone();
    c.presenceExpansions = presenceExpansions.clone();
    c.deliveries = deliveries.clone();
    c.pressure = pressure.clone();
    c.exercises = exercises.clone();
    c.peaceSteps = peaceSteps.clone();
    c.signed = signed.clone();
    c.mediated = mediated.clone();
    c.territoryLost = territoryLost.clone();
    return c;
  }

  /** Feeds every number to the hasher in a fixed order. */
  void hashInto(Hasher h) {
    for (int[] a :
        new int[][] {
          sec,
          dom,
          std,
          rf,
          grievance,
          trust,
          cred,
          coh,
          noticeLeft,
          applicantWait,
          requests,
          lastFailureTurn,
          partnershipTurns,
          tracks,
          presenceStrength,
          presenceTurns,
          presenceRenewals,
          presenceExpansions,
          deliveries,
          pressure,
          exercises,
          peaceSteps,
          signed,
          mediated,
          territoryLost
        }) {
      h.putInt(a.length);
      for (int v : a) {
        h.putInt(v);
      }
    }
    for (byte[] a : new byte[][] {status, statusBeforeNotice, partnership}) {
      h.putBytes(a);
    }
    for (boolean[] a : new boolean[][] {duesWithheld, applied, presenceActive}) {
      for (boolean v : a) {
        h.putBoolean(v);
      }
    }
  }
}
