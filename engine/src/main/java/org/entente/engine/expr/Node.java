package org.entente.engine.expr;

/**
 * A compiled, type-checked expression node. Each node implements only the accessor for its type;
 * the type checker guarantees no other is called.
 */
abstract class Node {
  int evalInt(Facts facts, Bindings bindings) {
    throw new IllegalStateException(getClass().getSimpleName() + " is not an integer");
  }

  boolean test(Facts facts, Bindings bindings) {
    throw new IllegalStateException(getClass().getSimpleName() + " is not a boolean");
  }

  String symbol(Facts facts, Bindings bindings) {
    throw new IllegalStateException(getClass().getSimpleName() + " is not a symbol");
  }

  static int saturate(long value) {
    return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, value));
  }
}
