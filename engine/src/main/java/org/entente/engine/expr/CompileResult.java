package org.entente.engine.expr;

import static com.google.common.base.Preconditions.checkState;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Optional;

/** The outcome of {@link Expressions#compile}: an expression, or at least one error. */
public final class CompileResult {
  private final Expr expr;
  private final ImmutableList<ExprError> errors;

  CompileResult(Expr expr, List<ExprError> errors) {
    this.expr = expr;
    this.errors = ImmutableList.copyOf(errors);
  }

  /** True when compilation succeeded; then {@link #errors()} is empty. */
  public boolean ok() {
    return expr != null;
  }

  /**
   * The compiled expression.
   *
   * @throws IllegalStateException if there were errors
   */
  public Expr expr() {
    checkState(expr != null, "expression has errors: %s", errors);
    return expr;
  }

  public Optional<Expr> exprIfOk() {
    return Optional.ofNullable(expr);
  }

  /** Every error found, in source order of discovery; empty exactly when {@link #ok()}. */
  public ImmutableList<ExprError> errors() {
    return errors;
  }

  @Override
  public String toString() {
    return ok() ? "ok: " + expr.source() : errors.toString();
  }
}
