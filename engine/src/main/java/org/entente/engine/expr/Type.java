package org.entente.engine.expr;

/** The type of an expression's value. */
public enum Type {
  /** A 32-bit integer; arithmetic saturates instead of overflowing. */
  INT,
  /** A truth value. */
  BOOL,
  /** A name: an actor, organisation, track or presence id, or a constant such as {@code NOTICE}. */
  SYMBOL;

  String describe() {
    return switch (this) {
      case INT -> "an integer";
      case BOOL -> "a boolean";
      case SYMBOL -> "a symbol";
    };
  }
}
