package org.entente.engine.expr;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.entente.engine.expr.Token.Kind;

/**
 * An effect target such as {@code trust(RUS, self)} (docs/design.md, "Quantity references").
 * Actor arguments may be {@code self}, {@code target}, {@code other} or an actor id; organisation
 * arguments {@code org} or an organisation id; tracks and presences are ids. Immutable; {@link
 * #toString()} is the canonical text, {@code kind(A, B)} with one space after each comma.
 */
public final class QuantityRef {
  /** Either a reference or at least one error (offsets into the parsed text). */
  public record ParseResult(QuantityRef ref, List<ExprError> errors) {
    public ParseResult {
      errors = List.copyOf(errors);
    }

    public boolean ok() {
      return ref != null;
    }
  }

  private final Quantity kind;
  private final ImmutableList<String> args;

  private QuantityRef(Quantity kind, List<String> args) {
    this.kind = kind;
    this.args = ImmutableList.copyOf(args);
  }

  /** Parses {@code text}; never throws for any string. */
  public static ParseResult parse(String text, Names names) {
    checkNotNull(text);
    List<Token> tokens = Lexer.tokenize(text);
    List<ExprError> errors = new ArrayList<>();
    Parsed parsed = parseHead(tokens, names, true, errors);
    if (parsed != null && tokens.get(parsed.head.next()).kind() != Kind.EOF) {
      errors.add(Parser.unexpectedError(tokens.get(parsed.head.next()), "end of input"));
    }
    return errors.isEmpty()
        ? new ParseResult(parsed.ref, List.of())
        : new ParseResult(null, errors);
  }

  record Parsed(RefSyntax.Head head, QuantityRef ref) {}

  /** The reference at the start of {@code tokens}; null ref (with errors added) if invalid. */
  static Parsed parseHead(
      List<Token> tokens, Names names, boolean variablesAllowed, List<ExprError> errors) {
    RefSyntax.Head head = RefSyntax.parseHead(tokens, errors);
    if (head == null) {
      return null;
    }
    Quantity kind = Quantity.byText(head.name().text());
    if (kind == null) {
      List<String> known = new ArrayList<>();
      for (Quantity q : Quantity.values()) {
        known.add(q.text());
      }
      errors.add(
          new ExprError(
              head.name().offset(),
              head.name().length(),
              ExprError.UNKNOWN_FUNCTION,
              "unknown quantity "
                  + Compiler.quote(head.name().text())
                  + Suggest.didYouMean(head.name().text(), known)));
      return new Parsed(head, null);
    }
    int before = errors.size();
    ExprError arity = RefSyntax.arity(head, kind.args);
    if (arity != null) {
      errors.add(arity);
    } else {
      RefSyntax.checkArgs(head, kind.args, names, variablesAllowed, errors);
    }
    if (errors.size() > before) {
      return new Parsed(head, null);
    }
    List<String> args = new ArrayList<>();
    head.args().forEach(t -> args.add(t.text()));
    return new Parsed(head, new QuantityRef(kind, args));
  }

  public Quantity kind() {
    return kind;
  }

  /** The arguments as written: ids or variable names. */
  public ImmutableList<String> args() {
    return args;
  }

  /** True if an argument is a variable ({@code self}, {@code target}, {@code other}, {@code org}). */
  public boolean usesVariables() {
    return args.stream().anyMatch(a -> Variable.byName(a) != null);
  }

  /**
   * This reference with variables replaced by their bound values.
   *
   * @throws IllegalStateException if a variable it uses is not bound
   */
  public ResolvedRef resolve(Bindings bindings) {
    List<String> ids = new ArrayList<>(args.size());
    for (String arg : args) {
      Variable variable = Variable.byName(arg);
      ids.add(variable == null ? arg : bindings.require(variable));
    }
    return new ResolvedRef(kind, ids);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof QuantityRef r && kind == r.kind && args.equals(r.args);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, args);
  }

  @Override
  public String toString() {
    return kind.text() + "(" + String.join(", ", args) + ")";
  }
}
