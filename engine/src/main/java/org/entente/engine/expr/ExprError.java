package org.entente.engine.expr;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

/**
 * A problem found while compiling an expression or parsing a quantity reference or assignment.
 *
 * <p>{@code offset} and {@code length} are in UTF-16 chars of the source string, with {@code 0 <=
 * offset <= source.length()} and {@code offset + length <= source.length()}; an error at the end of
 * input has {@code offset == source.length()} and length 0. {@code code} is one of {@code
 * expr-syntax}, {@code expr-unknown-function}, {@code expr-arity}, {@code expr-type}, {@code
 * expr-unknown-id}, {@code expr-unknown-variable}; {@code message} is a sentence fit for an author.
 */
public record ExprError(int offset, int length, String code, String message) {
  public static final String SYNTAX = "expr-syntax";
  public static final String UNKNOWN_FUNCTION = "expr-unknown-function";
  public static final String ARITY = "expr-arity";
  public static final String TYPE = "expr-type";
  public static final String UNKNOWN_ID = "expr-unknown-id";
  public static final String UNKNOWN_VARIABLE = "expr-unknown-variable";

  public ExprError {
    checkArgument(offset >= 0 && length >= 0, "negative offset or length");
    checkNotNull(code);
    checkNotNull(message);
  }

  @Override
  public String toString() {
    return offset + ": " + code + ": " + message;
  }
}
