package org.entente.engine.expr;

import static com.google.common.base.Preconditions.checkNotNull;
import static com.google.common.base.Preconditions.checkState;

import java.util.Objects;

/** The value of an expression: an integer, a boolean or a symbol. Immutable. */
public final class Value {
  public static final Value TRUE = new Value(Type.BOOL, 1, null);
  public static final Value FALSE = new Value(Type.BOOL, 0, null);

  private final Type type;
  private final int number;
  private final String symbol;

  private Value(Type type, int number, String symbol) {
    this.type = type;
    this.number = number;
    this.symbol = symbol;
  }

  public static Value ofInt(int value) {
    return new Value(Type.INT, value, null);
  }

  public static Value ofBool(boolean value) {
    return value ? TRUE : FALSE;
  }

  public static Value ofSymbol(String symbol) {
    return new Value(Type.SYMBOL, 0, checkNotNull(symbol));
  }

  public Type type() {
    return type;
  }

  /** @throws IllegalStateException unless this is an INT */
  public int asInt() {
    checkState(type == Type.INT, "not an integer: %s", this);
    return number;
  }

  /** @throws IllegalStateException unless this is a BOOL */
  public boolean asBool() {
    checkState(type == Type.BOOL, "not a boolean: %s", this);
    return number != 0;
  }

  /** @throws IllegalStateException unless this is a SYMBOL */
  public String asSymbol() {
    checkState(type == Type.SYMBOL, "not a symbol: %s", this);
    return symbol;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Value v
        && type == v.type
        && number == v.number
        && Objects.equals(symbol, v.symbol);
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, number, symbol);
  }

  @Override
  public String toString() {
    return switch (type) {
      case INT -> Integer.toString(number);
      case BOOL -> number != 0 ? "true" : "false";
      case SYMBOL -> symbol;
    };
  }
}
