package org.entente.engine.expr;

import static com.google.common.base.Preconditions.checkState;

/**
 * A compiled, type-checked expression. Immutable and safe to share; compile once with {@link
 * Expressions#compile}, evaluate many times. Evaluation walks a prebuilt tree of nodes with
 * functions already resolved: no parsing, lookup by name or string building.
 *
 * <p>Evaluation throws {@link IllegalStateException} only on programmer error: calling the
 * accessor for another type, or leaving a variable the expression uses unbound. Integer arithmetic
 * saturates at the {@code int} range instead of wrapping.
 */
public final class Expr {
  private final String source;
  private final Type type;
  private final Node root;

  Expr(String source, Type type, Node root) {
    this.source = source;
    this.type = type;
    this.root = root;
  }

  /** The value of a BOOL expression. */
  public boolean test(Facts facts, Bindings bindings) {
    checkState(type == Type.BOOL, "expression is %s, not a boolean: %s", type, source);
    return root.test(facts, bindings);
  }

  /** The value of an INT expression. */
  public int evalInt(Facts facts, Bindings bindings) {
    checkState(type == Type.INT, "expression is %s, not an integer: %s", type, source);
    return root.evalInt(facts, bindings);
  }

  /** The value, whatever the type. */
  public Value eval(Facts facts, Bindings bindings) {
    return switch (type) {
      case INT -> Value.ofInt(root.evalInt(facts, bindings));
      case BOOL -> Value.ofBool(root.test(facts, bindings));
      case SYMBOL -> Value.ofSymbol(root.symbol(facts, bindings));
    };
  }

  /** The text this was compiled from, unchanged. */
  public String source() {
    return source;
  }

  public Type type() {
    return type;
  }

  @Override
  public String toString() {
    return source;
  }
}
