package org.entente.engine.expr;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Arrays;
import java.util.Optional;

/**
 * Values of the context variables ({@code self target other org requester aggressor proposer
 * proposal lobbyist option}) for one evaluation. Immutable; building one is an array copy.
 * {@code turn} is not a binding: it comes from {@link Facts#turn()}.
 */
public final class Bindings {
  public static final Bindings EMPTY = new Bindings(new String[Variable.values().length]);

  private final String[] values;

  private Bindings(String[] values) {
    this.values = values;
  }

  /**
   * Bindings from alternating names and values: {@code Bindings.of("self", "ARM", "org", "CSTO")};
   * a null value leaves that variable unbound.
   *
   * @throws IllegalArgumentException on an odd count or an unknown variable name
   */
  public static Bindings of(String... namesAndValues) {
    checkArgument(namesAndValues.length % 2 == 0, "expected name/value pairs");
    String[] values = new String[Variable.values().length];
    for (int i = 0; i < namesAndValues.length; i += 2) {
      Variable variable = Variable.byName(namesAndValues[i]);
      checkArgument(variable != null, "unknown variable '%s'", namesAndValues[i]);
      values[variable.ordinal()] = namesAndValues[i + 1]; // null leaves the variable unbound
    }
    return new Bindings(values);
  }

  /**
   * A copy with {@code name} bound to {@code value}.
   *
   * @throws IllegalArgumentException if {@code name} is not a context variable
   */
  public Bindings with(String name, String value) {
    Variable variable = Variable.byName(name);
    checkArgument(variable != null, "unknown variable '%s'", name);
    checkNotNull(value, "value of %s", name);
    String[] copy = values.clone();
    copy[variable.ordinal()] = value;
    return new Bindings(copy);
  }

  /** The value bound to {@code name}, if any. */
  public Optional<String> get(String name) {
    Variable variable = Variable.byName(name);
    return variable == null ? Optional.empty() : Optional.ofNullable(values[variable.ordinal()]);
  }

  String require(Variable variable) {
    String value = values[variable.ordinal()];
    if (value == null) {
      throw new IllegalStateException("variable '" + variable.text + "' is not bound");
    }
    return value;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Bindings b && Arrays.equals(values, b.values);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("{");
    for (Variable v : Variable.values()) {
      if (values[v.ordinal()] != null) {
        sb.append(sb.length() > 1 ? ", " : "")
            .append(v.text)
            .append('=')
            .append(values[v.ordinal()]);
      }
    }
    return sb.append('}').toString();
  }
}
