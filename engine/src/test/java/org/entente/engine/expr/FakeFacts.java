package org.entente.engine.expr;

import java.util.HashMap;
import java.util.Map;

/** Map-backed facts: each function's value is keyed by "name(arg,arg)"; missing ints are 0. */
final class FakeFacts implements Facts {
  private final Map<String, Object> values = new HashMap<>();
  int turn = 1;

  FakeFacts put(String key, Object value) {
    values.put(key, value);
    return this;
  }

  private int i(String key) {
    return (Integer) values.getOrDefault(key, 0);
  }

  private boolean z(String key) {
    return (Boolean) values.getOrDefault(key, false);
  }

  private static String k(String fn, Object... args) {
    StringBuilder sb = new StringBuilder(fn).append('(');
    for (int n = 0; n < args.length; n++) {
      sb.append(n == 0 ? "" : ",").append(args[n]);
    }
    return sb.append(')').toString();
  }

  @Override
  public int turn() {
    return turn;
  }

  @Override
  public int sec(String a) {
    return i(k("sec", a));
  }

  @Override
  public int dom(String a) {
    return i(k("dom", a));
  }

  @Override
  public int std(String a) {
    return i(k("std", a));
  }

  @Override
  public int rf(String a) {
    return i(k("rf", a));
  }

  @Override
  public int trust(String a, String b) {
    return i(k("trust", a, b));
  }

  @Override
  public int cred(String o) {
    return i(k("cred", o));
  }

  @Override
  public int coh(String o) {
    return i(k("coh", o));
  }

  @Override
  public int track(String t) {
    return i(k("track", t));
  }

  @Override
  public String status(String a, String o) {
    return (String) values.getOrDefault(k("status", a, o), "NONE");
  }

  @Override
  public int noticeLeft(String a, String o) {
    return i(k("notice_left", a, o));
  }

  @Override
  public boolean duesWithheld(String a, String o) {
    return z(k("dues_withheld", a, o));
  }

  @Override
  public int grievance(String a) {
    return i(k("grievance", a));
  }

  @Override
  public int partnership(String a, String b) {
    return i(k("partnership", a, b));
  }

  @Override
  public boolean presenceActive(String p) {
    return z(k("presence", p));
  }

  @Override
  public int presenceStrength(String p) {
    return i(k("presence_strength", p));
  }

  @Override
  public int presenceTurns(String p) {
    return i(k("presence_turns", p));
  }

  @Override
  public int presenceRenewals(String p) {
    return i(k("presence_renewals", p));
  }

  @Override
  public int presenceExpansions(String p) {
    return i(k("presence_expansions", p));
  }

  @Override
  public int deliveries(String a, String b) {
    return i(k("deliveries", a, b));
  }

  @Override
  public int exercises(String a, String b) {
    return i(k("exercises", a, b));
  }

  @Override
  public boolean peaceStep(String a, String b, String s) {
    return z(k("peace_step", a, b, s));
  }

  @Override
  public boolean peaceSigned(String a, String b) {
    return z(k("peace_signed", a, b));
  }

  @Override
  public int mediated(String m) {
    return i(k("mediated", m));
  }

  @Override
  public boolean signedWith(String a, String b, String m) {
    return z(k("signed_with", a, b, m));
  }

  @Override
  public int escalations(String a, String b, int level, int since) {
    return i(k("escalations", a, b, level, since));
  }

  @Override
  public int territoryLost(String a) {
    return i(k("territory_lost", a));
  }

  @Override
  public int pressure(String a, String b) {
    return i(k("pressure", a, b));
  }

  @Override
  public boolean applied(String a, String o) {
    return z(k("applied", a, o));
  }

  @Override
  public int requests(String a, String o) {
    return i(k("requests", a, o));
  }
}
