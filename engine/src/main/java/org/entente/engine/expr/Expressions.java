package org.entente.engine.expr;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Entry point: compiles expression source text (docs/design.md, "Expressions"). */
public final class Expressions {
  private Expressions() {}

  /**
   * Compiles {@code source}.
   *
   * <p>Never throws for any source string, however long, nested or odd; problems come back as
   * {@link ExprError}s with offsets into {@code source}. A syntax error stops compilation and is
   * the only error reported; otherwise every type, arity, unknown-function, unknown-id and
   * unknown-variable error is reported in one pass. Parentheses, {@code not} and unary minus nest
   * at most 64 deep.
   *
   * @param names the scenario's ids, for checking arguments and comparisons
   * @param allowedVariables context variables the caller will bind, a subset of {@code self target
   *     other org requester aggressor proposer proposal lobbyist option}; {@code turn} is always
   *     available and may be listed or not
   * @param expected the type the caller needs, or null to accept any type
   * @throws IllegalArgumentException if {@code allowedVariables} names an unknown variable
   */
  public static CompileResult compile(
      String source, Names names, Set<String> allowedVariables, Type expected) {
    checkNotNull(source);
    checkNotNull(names);
    for (String variable : allowedVariables) {
      checkArgument(
          variable.equals("turn") || Variable.byName(variable) != null,
          "unknown variable '%s'",
          variable);
    }
    Parser.Result parsed = Parser.parse(source);
    if (parsed.error() != null) {
      return new CompileResult(null, List.of(parsed.error()));
    }
    List<ExprError> errors = new ArrayList<>();
    Expr expr = Compiler.compile(source, parsed.tree(), names, allowedVariables, expected, errors);
    return new CompileResult(expr, errors);
  }
}
