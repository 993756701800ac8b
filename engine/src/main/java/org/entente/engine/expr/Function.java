package org.entente.engine.expr;

import static org.entente.engine.expr.ArgKind.ACTOR;
import static org.entente.engine.expr.ArgKind.ACTOR_OR_ANY;
import static org.entente.engine.expr.ArgKind.INT;
import static org.entente.engine.expr.ArgKind.LEVEL;
import static org.entente.engine.expr.ArgKind.ORGANISATION;
import static org.entente.engine.expr.ArgKind.PEACE_STEP;
import static org.entente.engine.expr.ArgKind.PRESENCE;
import static org.entente.engine.expr.ArgKind.TRACK;

import com.google.common.collect.ImmutableMap;
import java.util.List;

/** The function table: name, argument kinds, result type and the {@link Facts} call. */
enum Function {
  SEC("sec", ints((f, a, b) -> f.sec(sym(a, 0, f, b))), ACTOR),
  DOM("dom", ints((f, a, b) -> f.dom(sym(a, 0, f, b))), ACTOR),
  STD("std", ints((f, a, b) -> f.std(sym(a, 0, f, b))), ACTOR),
  RF("rf", ints((f, a, b) -> f.rf(sym(a, 0, f, b))), ACTOR),
  TRUST("trust", ints((f, a, b) -> f.trust(sym(a, 0, f, b), sym(a, 1, f, b))), ACTOR, ACTOR),
  CRED("cred", ints((f, a, b) -> f.cred(sym(a, 0, f, b))), ORGANISATION),
  COH("coh", ints((f, a, b) -> f.coh(sym(a, 0, f, b))), ORGANISATION),
  TRACK_VALUE("track", ints((f, a, b) -> f.track(sym(a, 0, f, b))), TRACK),
  STATUS(
      "status",
      symbols((f, a, b) -> f.status(sym(a, 0, f, b), sym(a, 1, f, b))),
      ACTOR,
      ORGANISATION),
  NOTICE_LEFT(
      "notice_left",
      ints((f, a, b) -> f.noticeLeft(sym(a, 0, f, b), sym(a, 1, f, b))),
      ACTOR,
      ORGANISATION),
  DUES_WITHHELD(
      "dues_withheld",
      bools((f, a, b) -> f.duesWithheld(sym(a, 0, f, b), sym(a, 1, f, b))),
      ACTOR,
      ORGANISATION),
  GRIEVANCE("grievance", ints((f, a, b) -> f.grievance(sym(a, 0, f, b))), ACTOR),
  PARTNERSHIP(
      "partnership",
      ints((f, a, b) -> f.partnership(sym(a, 0, f, b), sym(a, 1, f, b))),
      ACTOR,
      ACTOR),
  PRESENCE_ACTIVE("presence", bools((f, a, b) -> f.presenceActive(sym(a, 0, f, b))), PRESENCE),
  PRESENCE_STRENGTH(
      "presence_strength", ints((f, a, b) -> f.presenceStrength(sym(a, 0, f, b))), PRESENCE),
  PRESENCE_TURNS("presence_turns", ints((f, a, b) -> f.presenceTurns(sym(a, 0, f, b))), PRESENCE),
  PRESENCE_RENEWALS(
      "presence_renewals", ints((f, a, b) -> f.presenceRenewals(sym(a, 0, f, b))), PRESENCE),
  PRESENCE_EXPANSIONS(
      "presence_expansions", ints((f, a, b) -> f.presenceExpansions(sym(a, 0, f, b))), PRESENCE),
  DELIVERIES(
      "deliveries",
      ints((f, a, b) -> f.deliveries(sym(a, 0, f, b), sym(a, 1, f, b))),
      ACTOR_OR_ANY,
      ACTOR_OR_ANY),
  EXERCISES(
      "exercises", ints((f, a, b) -> f.exercises(sym(a, 0, f, b), sym(a, 1, f, b))), ACTOR, ACTOR),
  PEACE_STEP_AGREED(
      "peace_step",
      bools((f, a, b) -> f.peaceStep(sym(a, 0, f, b), sym(a, 1, f, b), sym(a, 2, f, b))),
      ACTOR,
      ACTOR,
      PEACE_STEP),
  PEACE_SIGNED(
      "peace_signed",
      bools((f, a, b) -> f.peaceSigned(sym(a, 0, f, b), sym(a, 1, f, b))),
      ACTOR,
      ACTOR),
  MEDIATED("mediated", ints((f, a, b) -> f.mediated(sym(a, 0, f, b))), ACTOR),
  SIGNED_WITH(
      "signed_with",
      bools((f, a, b) -> f.signedWith(sym(a, 0, f, b), sym(a, 1, f, b), sym(a, 2, f, b))),
      ACTOR,
      ACTOR,
      ACTOR),
  ESCALATIONS(
      "escalations",
      ints(
          (f, a, b) ->
              f.escalations(
                  sym(a, 0, f, b), sym(a, 1, f, b), a[2].evalInt(f, b), a[3].evalInt(f, b))),
      ACTOR_OR_ANY,
      ACTOR_OR_ANY,
      LEVEL,
      INT),
  TERRITORY_LOST("territory_lost", ints((f, a, b) -> f.territoryLost(sym(a, 0, f, b))), ACTOR),
  PRESSURE(
      "pressure", ints((f, a, b) -> f.pressure(sym(a, 0, f, b), sym(a, 1, f, b))), ACTOR, ACTOR),
  APPLIED(
      "applied",
      bools((f, a, b) -> f.applied(sym(a, 0, f, b), sym(a, 1, f, b))),
      ACTOR,
      ORGANISATION),
  REQUESTS(
      "requests",
      ints((f, a, b) -> f.requests(sym(a, 0, f, b), sym(a, 1, f, b))),
      ACTOR,
      ORGANISATION),
  MIN("min", ints((f, a, b) -> Math.min(a[0].evalInt(f, b), a[1].evalInt(f, b))), INT, INT),
  MAX("max", ints((f, a, b) -> Math.max(a[0].evalInt(f, b), a[1].evalInt(f, b))), INT, INT),
  ABS("abs", ints((f, a, b) -> Node.saturate(Math.abs((long) a[0].evalInt(f, b)))), INT);

  interface IntFn {
    int apply(Facts f, Node[] args, Bindings b);
  }

  interface BoolFn {
    boolean apply(Facts f, Node[] args, Bindings b);
  }

  interface SymFn {
    String apply(Facts f, Node[] args, Bindings b);
  }

  /** Exactly one of the three is set, matching {@code type}. */
  record Impl(Type type, IntFn ints, BoolFn bools, SymFn symbols) {}

  private static final ImmutableMap<String, Function> BY_NAME;

  static {
    ImmutableMap.Builder<String, Function> builder = ImmutableMap.builder();
    for (Function function : values()) {
      builder.put(function.text, function);
    }
    BY_NAME = builder.buildOrThrow();
  }

  final String text;
  final Type type;
  final List<ArgKind> args;
  private final Impl impl;

  Function(String text, Impl impl, ArgKind... args) {
    this.text = text;
    this.type = impl.type();
    this.impl = impl;
    this.args = List.of(args);
  }

  /** The function spelled {@code name}, or null. */
  static Function byName(String name) {
    return BY_NAME.get(name);
  }

  static Iterable<String> names() {
    return BY_NAME.keySet();
  }

  /** The result is a status name when the function is {@code status}. */
  SymbolKind symbolKind() {
    return this == STATUS ? SymbolKind.STATUS : SymbolKind.FREE;
  }

  int evalInt(Facts f, Node[] args, Bindings b) {
    return impl.ints().apply(f, args, b);
  }

  boolean test(Facts f, Node[] args, Bindings b) {
    return impl.bools().apply(f, args, b);
  }

  String symbol(Facts f, Node[] args, Bindings b) {
    return impl.symbols().apply(f, args, b);
  }

  /** "sec(actor)", for arity messages. */
  String signature() {
    StringBuilder sb = new StringBuilder(text).append('(');
    for (int i = 0; i < args.size(); i++) {
      sb.append(i == 0 ? "" : ", ").append(args.get(i).description);
    }
    return sb.append(')').toString();
  }

  private static String sym(Node[] args, int i, Facts f, Bindings b) {
    return args[i].symbol(f, b);
  }

  private static Impl ints(IntFn fn) {
    return new Impl(Type.INT, fn, null, null);
  }

  private static Impl bools(BoolFn fn) {
    return new Impl(Type.BOOL, null, fn, null);
  }

  private static Impl symbols(SymFn fn) {
    return new Impl(Type.SYMBOL, null, null, fn);
  }
}
