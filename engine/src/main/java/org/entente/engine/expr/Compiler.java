package org.entente.engine.expr;

import com.google.common.collect.ImmutableSortedSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.entente.engine.expr.Token.Kind;

/** Type-checks a syntax tree and builds evaluation nodes, collecting every error it finds. */
// Over 400 lines on purpose: one type rule per function of the expression language (the
// table in docs/design.md); split by function, one small type system would be scattered.
final class Compiler {
  /** A compiled subexpression; {@code node == null} means it had errors (already reported). */
  private record Typed(Node node, Type type, SymbolKind kind, String bareName) {
    static final Typed ERROR = new Typed(null, null, null, null);

    static Typed of(Node node, Type type) {
      return new Typed(node, type, null, null);
    }

    static Typed symbol(Node node, SymbolKind kind) {
      return new Typed(node, Type.SYMBOL, kind, null);
    }

    boolean failed() {
      return node == null;
    }

    String describe() {
      if (bareName != null) {
        return "the symbol " + quote(bareName);
      }
      return type == Type.SYMBOL ? kind.description : type.describe();
    }
  }

  private final Names names;
  private final Set<String> allowed;
  private final List<ExprError> errors = new ArrayList<>();

  private Compiler(Names names, Set<String> allowed) {
    this.names = names;
    this.allowed = allowed;
  }

  /** The root node and its type, or null with {@code errorsOut} filled. */
  static Expr compile(
      String source,
      Ast tree,
      Names names,
      Set<String> allowed,
      Type expected,
      List<ExprError> errorsOut) {
    Compiler compiler = new Compiler(names, allowed);
    Typed root = compiler.compile(tree);
    if (!root.failed() && expected != null && root.type() != expected) {
      compiler.error(
          tree,
          ExprError.TYPE,
          "expected " + expected.describe() + " but found " + root.describe());
    }
    errorsOut.addAll(compiler.errors);
    return compiler.errors.isEmpty() ? new Expr(source, root.type(), root.node()) : null;
  }

  private Typed compile(Ast ast) {
    if (ast instanceof Ast.IntLit lit) {
      return Typed.of(new Nodes.IntConst(lit.value()), Type.INT);
    } else if (ast instanceof Ast.Name name) {
      return name(name);
    } else if (ast instanceof Ast.Call call) {
      return call(call);
    } else if (ast instanceof Ast.Negate negate) {
      Typed operand = compile(negate.operand());
      return require(operand, negate.operand(), Type.INT, "'-'")
          ? Typed.of(new Nodes.Negate(operand.node()), Type.INT)
          : Typed.ERROR;
    } else if (ast instanceof Ast.Not not) {
      Typed operand = compile(not.operand());
      return require(operand, not.operand(), Type.BOOL, "'not'")
          ? Typed.of(new Nodes.Not(operand.node()), Type.BOOL)
          : Typed.ERROR;
    } else if (ast instanceof Ast.Logic logic) {
      return logic(logic);
    } else if (ast instanceof Ast.Sum sum) {
      return sum(sum);
    } else {
      return compare((Ast.Compare) ast);
    }
  }

  private Typed name(Ast.Name ast) {
    String name = ast.name();
    if (name.equals("turn")) {
      return Typed.of(new Nodes.Turn(), Type.INT);
    }
    Variable variable = Variable.byName(name);
    if (variable != null) {
      return variable(ast, variable);
    }
    Integer level = Constants.PARTNERSHIPS.get(name);
    if (level != null) {
      return Typed.of(new Nodes.IntConst(level), Type.INT);
    }
    if (Character.isLowerCase(name.charAt(0))) {
      String hint =
          Function.byName(name) != null
              ? "; '" + name + "' is a function: write " + name + "(...)"
              : Suggest.didYouMean(name, variableCandidates());
      error(ast, ExprError.UNKNOWN_VARIABLE, "unknown variable " + quote(name) + hint);
      return Typed.ERROR;
    }
    return new Typed(new Nodes.SymConst(name), Type.SYMBOL, SymbolKind.FREE, name);
  }

  private Typed variable(Ast ast, Variable variable) {
    if (!allowed.contains(variable.text)) {
      error(
          ast,
          ExprError.UNKNOWN_VARIABLE,
          "variable '" + variable.text + "' is not available here; available: " + available());
      return Typed.ERROR;
    }
    return Typed.symbol(new Nodes.Var(variable), variable.kind);
  }

  private Typed logic(Ast.Logic logic) {
    String op = logic.isAnd() ? "'and'" : "'or'";
    Node[] nodes = new Node[logic.operands().size()];
    boolean ok = true;
    for (int i = 0; i < nodes.length; i++) {
      Ast operand = logic.operands().get(i);
      Typed t = compile(operand);
      ok &= require(t, operand, Type.BOOL, op);
      nodes[i] = t.node();
    }
    if (!ok) {
      return Typed.ERROR;
    }
    return Typed.of(logic.isAnd() ? new Nodes.And(nodes) : new Nodes.Or(nodes), Type.BOOL);
  }

  private Typed sum(Ast.Sum sum) {
    Node[] nodes = new Node[sum.terms().size()];
    boolean[] subtract = new boolean[nodes.length];
    boolean ok = true;
    for (int i = 0; i < nodes.length; i++) {
      Ast term = sum.terms().get(i);
      Token op = i == 0 ? sum.ops().get(0) : sum.ops().get(i - 1);
      subtract[i] = i > 0 && op.kind() == Kind.MINUS;
      Typed t = compile(term);
      ok &= require(t, term, Type.INT, "'" + op.text() + "'");
      nodes[i] = t.node();
    }
    return ok ? Typed.of(new Nodes.Sum(nodes, subtract), Type.INT) : Typed.ERROR;
  }

  private Typed compare(Ast.Compare c) {
    Kind op = c.op().kind();
    if (op != Kind.EQ && op != Kind.NE) {
      Typed left = compile(c.left());
      Typed right = compile(c.right());
      String context = "'" + c.op().text() + "'";
      boolean ok = require(left, c.left(), Type.INT, context);
      ok &= require(right, c.right(), Type.INT, context);
      return ok
          ? Typed.of(new Nodes.CompareInt(op, left.node(), right.node()), Type.BOOL)
          : Typed.ERROR;
    }
    boolean leftBare = isBareName(c.left());
    boolean rightBare = isBareName(c.right());
    Typed left;
    Typed right;
    if (leftBare && !rightBare) {
      right = compile(c.right());
      left = symbolOpposite((Ast.Name) c.left(), right);
    } else if (rightBare && !leftBare) {
      left = compile(c.left());
      right = symbolOpposite((Ast.Name) c.right(), left);
    } else {
      left = compile(c.left());
      right = compile(c.right());
    }
    if (left.failed() || right.failed()) {
      return Typed.ERROR;
    }
    boolean negate = op == Kind.NE;
    if (left.type() == Type.INT && right.type() == Type.INT) {
      return Typed.of(new Nodes.CompareInt(op, left.node(), right.node()), Type.BOOL);
    }
    if (left.type() == Type.BOOL && right.type() == Type.BOOL) {
      return Typed.of(new Nodes.EqualBool(left.node(), right.node(), negate), Type.BOOL);
    }
    if (left.type() == Type.SYMBOL && right.type() == Type.SYMBOL && compatible(left, right)) {
      return Typed.of(new Nodes.EqualSymbol(left.node(), right.node(), negate), Type.BOOL);
    }
    String hint = "";
    String bare = left.bareName() != null ? left.bareName() : right.bareName();
    if (bare != null && (left.type() == Type.INT || right.type() == Type.INT)) {
      hint = Suggest.didYouMean(bare, Constants.PARTNERSHIPS.keySet());
    }
    error(
        c,
        ExprError.TYPE,
        "cannot compare " + left.describe() + " with " + right.describe() + hint);
    return Typed.ERROR;
  }

  /** A bare name facing a symbol-valued side is a symbol of that side's kind. */
  private Typed symbolOpposite(Ast.Name name, Typed other) {
    if (other.failed() || other.type() != Type.SYMBOL || other.bareName() != null) {
      return compile(name);
    }
    return checkSymbol(name, other.kind());
  }

  private Typed checkSymbol(Ast.Name ast, SymbolKind kind) {
    String name = ast.name();
    boolean known =
        switch (kind) {
          case ACTOR -> names.isActor(name);
          case ORGANISATION -> names.isOrganisation(name);
          case STATUS -> Constants.STATUSES.contains(name);
          case FREE -> true;
        };
    if (known) {
      return new Typed(new Nodes.SymConst(name), Type.SYMBOL, kind, name);
    }
    String message =
        switch (kind) {
          case ACTOR -> unknownId(name, "actor", names.actorIds(), List.of());
          case ORGANISATION -> unknownId(name, "organisation", names.organisationIds(), List.of());
          default ->
              "unknown status "
                  + quote(name)
                  + "; expected one of "
                  + String.join(", ", Constants.STATUSES);
        };
    error(ast, ExprError.UNKNOWN_ID, message);
    return Typed.ERROR;
  }

  private static boolean compatible(Typed a, Typed b) {
    return a.kind() == b.kind() || a.kind() == SymbolKind.FREE || b.kind() == SymbolKind.FREE;
  }

  private static boolean isBareName(Ast ast) {
    return ast instanceof Ast.Name n
        && !n.name().equals("turn")
        && Variable.byName(n.name()) == null;
  }

  private Typed call(Ast.Call call) {
    String name = call.name().text();
    Function function = Function.byName(name);
    if (function == null) {
      error(
          call.name().offset(),
          call.name().length(),
          ExprError.UNKNOWN_FUNCTION,
          "unknown function " + quote(name) + Suggest.didYouMean(name, Function.names()));
      call.args().stream().filter(a -> !(a instanceof Ast.Name)).forEach(this::compile);
      return Typed.ERROR;
    }
    List<Ast> args = call.args();
    int expected = function.args.size();
    boolean ok = true;
    if (args.size() != expected) {
      error(
          call,
          ExprError.ARITY,
          "'"
              + name
              + "' takes "
              + expected
              + (expected == 1 ? " argument" : " arguments")
              + ", "
              + function.signature()
              + ", but was given "
              + args.size());
      ok = false;
    }
    Node[] nodes = new Node[expected];
    for (int i = 0; i < args.size(); i++) {
      if (i < expected) {
        Typed t = argument(args.get(i), function.args.get(i), function, i);
        ok &= !t.failed();
        nodes[i] = t.node();
      } else if (!(args.get(i) instanceof Ast.Name)) {
        compile(args.get(i));
      }
    }
    if (!ok) {
      return Typed.ERROR;
    }
    Node node = new Nodes.Call(function, nodes);
    return function.type == Type.SYMBOL
        ? Typed.symbol(node, function.symbolKind())
        : Typed.of(node, function.type);
  }

  private Typed argument(Ast arg, ArgKind kind, Function function, int index) {
    String context = "argument " + (index + 1) + " of '" + function.text + "'";
    if (kind == ArgKind.INT) {
      Typed t = compile(arg);
      return require(t, arg, Type.INT, context) ? t : Typed.ERROR;
    }
    if (!(arg instanceof Ast.Name name)) {
      Typed t = compile(arg);
      if (!t.failed()) {
        error(
            arg,
            ExprError.TYPE,
            context + " needs " + article(kind) + " but found " + t.describe());
      }
      return Typed.ERROR;
    }
    return switch (kind) {
      case ACTOR, ACTOR_OR_ANY -> party(name, kind, SymbolKind.ACTOR, context, function);
      case ORGANISATION -> party(name, kind, SymbolKind.ORGANISATION, context, function);
      case TRACK -> id(name, names.isTrack(name.name()), "track", names.trackIds());
      case PRESENCE -> id(name, names.isPresence(name.name()), "presence", names.presenceIds());
      case LEVEL ->
          constant(
              name,
              Constants.LEVELS.containsKey(name.name()),
              "escalation level",
              Constants.LEVELS.keySet(),
              () -> new Nodes.IntConst(Constants.LEVELS.get(name.name())));
      case PEACE_STEP ->
          constant(
              name,
              Constants.PEACE_STEPS.contains(name.name()),
              "peace step",
              Constants.PEACE_STEPS,
              () -> new Nodes.SymConst(name.name()));
      case INT -> throw new AssertionError(kind);
    };
  }

  /** An actor or organisation argument: an id, a variable, or ANY where allowed. */
  private Typed party(
      Ast.Name ast, ArgKind argKind, SymbolKind want, String context, Function function) {
    String name = ast.name();
    Variable variable = Variable.byName(name);
    if (variable != null) {
      Typed t = variable(ast, variable);
      if (!t.failed() && t.kind() != want) {
        error(
            ast,
            ExprError.TYPE,
            context
                + " needs "
                + want.description
                + " but '"
                + name
                + "' is "
                + t.kind().description);
        return Typed.ERROR;
      }
      return t;
    }
    boolean actor = want == SymbolKind.ACTOR;
    if (argKind == ArgKind.ACTOR_OR_ANY && name.equals(Facts.ANY)) {
      return Typed.symbol(new Nodes.SymConst(Facts.ANY), SymbolKind.ACTOR);
    }
    if (actor ? names.isActor(name) : names.isOrganisation(name)) {
      return Typed.symbol(new Nodes.SymConst(name), want);
    }
    String message;
    if (name.equals(Facts.ANY)) {
      message =
          "'ANY' is not allowed in " + context + "; only deliveries and escalations " + "accept it";
    } else if (actor && names.isOrganisation(name)) {
      message = quote(name) + " is an organisation, not an actor";
    } else if (!actor && names.isActor(name)) {
      message = quote(name) + " is an actor, not an organisation";
    } else {
      List<String> variables = new ArrayList<>();
      for (String v : ImmutableSortedSet.copyOf(allowed)) {
        Variable candidate = Variable.byName(v);
        if (candidate != null && candidate.kind == want) {
          variables.add(v);
        }
      }
      message =
          actor
              ? unknownId(name, "actor", names.actorIds(), variables)
              : unknownId(name, "organisation", names.organisationIds(), variables);
    }
    error(ast, ExprError.UNKNOWN_ID, message);
    return Typed.ERROR;
  }

  private Typed id(Ast.Name ast, boolean known, String what, Collection<String> candidates) {
    if (known) {
      return Typed.symbol(new Nodes.SymConst(ast.name()), SymbolKind.FREE);
    }
    error(ast, ExprError.UNKNOWN_ID, unknownId(ast.name(), what, candidates, List.of()));
    return Typed.ERROR;
  }

  private Typed constant(
      Ast.Name ast,
      boolean known,
      String what,
      Collection<String> valid,
      java.util.function.Supplier<Node> node) {
    if (known) {
      return Typed.of(node.get(), Type.INT);
    }
    error(
        ast,
        ExprError.UNKNOWN_ID,
        "unknown "
            + what
            + " "
            + quote(ast.name())
            + "; expected one of "
            + String.join(", ", valid));
    return Typed.ERROR;
  }

  static String unknownId(
      String name, String what, Collection<String> ids, Collection<String> variables) {
    List<String> candidates = new ArrayList<>(ids);
    candidates.addAll(variables);
    String suggestion = Suggest.didYouMean(name, candidates);
    if (!suggestion.isEmpty() || candidates.isEmpty()) {
      return "unknown " + what + " " + quote(name) + suggestion;
    }
    return "unknown " + what + " " + quote(name) + "; known: " + Suggest.list(candidates);
  }

  private boolean require(Typed t, Ast at, Type want, String context) {
    if (t.failed()) {
      return false;
    }
    if (t.type() != want) {
      error(
          at, ExprError.TYPE, context + " needs " + want.describe() + " but found " + t.describe());
      return false;
    }
    return true;
  }

  private static String article(ArgKind kind) {
    return switch (kind) {
      case ACTOR, ACTOR_OR_ANY -> "an actor";
      case ORGANISATION -> "an organisation";
      case INT -> "an integer";
      case LEVEL -> "an escalation level";
      default -> "a " + kind.description;
    };
  }

  private List<String> variableCandidates() {
    List<String> candidates = new ArrayList<>(ImmutableSortedSet.copyOf(allowed));
    candidates.add("turn");
    return candidates;
  }

  private String available() {
    List<String> candidates = new ArrayList<>();
    for (String v : ImmutableSortedSet.copyOf(allowed)) {
      if (!v.equals("turn")) {
        candidates.add(v);
      }
    }
    candidates.add("turn");
    return String.join(", ", candidates);
  }

  static String quote(String name) {
    return "'" + (name.length() > 30 ? name.substring(0, 27) + "..." : name) + "'";
  }

  private void error(Ast at, String code, String message) {
    error(at.offset(), at.length(), code, message);
  }

  private void error(int offset, int length, String code, String message) {
    errors.add(new ExprError(offset, length, code, message));
  }
}
