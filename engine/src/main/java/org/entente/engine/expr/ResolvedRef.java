package org.entente.engine.expr;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.List;

/**
 * A quantity reference with every variable replaced by an id. For {@link Quantity#MUTUAL_TRUST}
 * the engine applies the effect to both directions: {@link #expand()} gives the two TRUST refs.
 */
public record ResolvedRef(Quantity kind, List<String> ids) {
  public ResolvedRef {
    ids = List.copyOf(ids);
    checkArgument(ids.size() == kind.arity(), "%s takes %s ids: %s", kind, kind.arity(), ids);
  }

  /** The first id (the actor, organisation, track or presence; for trust, the truster). */
  public String first() {
    return ids.get(0);
  }

  /** The second actor of TRUST or MUTUAL_TRUST. */
  public String second() {
    checkArgument(ids.size() == 2, "%s has one id", kind);
    return ids.get(1);
  }

  /** {@code [trust(A,B), trust(B,A)]} for MUTUAL_TRUST, otherwise {@code [this]}. */
  public List<ResolvedRef> expand() {
    if (kind != Quantity.MUTUAL_TRUST) {
      return List.of(this);
    }
    return List.of(
        new ResolvedRef(Quantity.TRUST, List.of(ids.get(0), ids.get(1))),
        new ResolvedRef(Quantity.TRUST, List.of(ids.get(1), ids.get(0))));
  }

  @Override
  public String toString() {
    return kind.text() + "(" + String.join(", ", ids) + ")";
  }
}
