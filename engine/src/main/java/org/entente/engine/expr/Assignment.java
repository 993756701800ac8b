package org.entente.engine.expr;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.entente.engine.expr.Token.Kind;

/**
 * A conformance case's {@code set} line, such as {@code trust(ARM, RUS) = -40} or {@code
 * status(ARM, CSTO) = NOTICE 3} (docs/design.md, "Quantity references and assignments"). Ids
 * only, no variables.
 *
 * <p>What the fields hold, by target:
 * <ul>
 *   <li>a {@link Quantity}, {@code NOTICE_LEFT}: {@code value} is the number (may be negative);
 *   <li>{@code PRESENCE}, {@code DUES_WITHHELD}: {@code value} is 0 or 1;
 *   <li>{@code STATUS}: {@code symbol} is the status name, {@code turns} the notice turns left if
 *       given (only after NOTICE), {@code value} 0;
 *   <li>{@code PARTNERSHIP}: {@code symbol} is the level name, {@code value} the level (0..4),
 *       {@code turns} the turns at that level if given.
 * </ul>
 */
public record Assignment(
    Target target, List<String> ids, int value, Optional<String> symbol, OptionalInt turns) {

  /** What a set line changes: every {@link Quantity}, plus a few state items. */
  public enum Target {
    SEC,
    DOM,
    STD,
    RF,
    TRUST,
    MUTUAL_TRUST,
    CRED,
    COH,
    TRACK,
    GRIEVANCE,
    PRESENCE_TURNS,
    PRESENCE_STRENGTH,
    STATUS("status", ArgKind.ACTOR, ArgKind.ORGANISATION),
    PARTNERSHIP("partnership", ArgKind.ACTOR, ArgKind.ACTOR),
    PRESENCE("presence", ArgKind.PRESENCE),
    DUES_WITHHELD("dues_withheld", ArgKind.ACTOR, ArgKind.ORGANISATION),
    NOTICE_LEFT("notice_left", ArgKind.ACTOR, ArgKind.ORGANISATION);

    private final String text;
    private final List<ArgKind> args;

    Target() {
      Quantity quantity = Quantity.valueOf(name());
      this.text = quantity.text();
      this.args = quantity.args;
    }

    Target(String text, ArgKind... args) {
      this.text = text;
      this.args = List.of(args);
    }

    /** The quantity this target sets, if it is one. */
    public Optional<Quantity> quantity() {
      return ordinal() <= PRESENCE_STRENGTH.ordinal()
          ? Optional.of(Quantity.valueOf(name()))
          : Optional.empty();
    }

    public String text() {
      return text;
    }

    static Target byText(String text) {
      for (Target t : values()) {
        if (t.text.equals(text)) {
          return t;
        }
      }
      return null;
    }
  }

  /** Either an assignment or at least one error (offsets into the parsed text). */
  public record ParseResult(Assignment assignment, List<ExprError> errors) {
    public ParseResult {
      errors = List.copyOf(errors);
    }

    public boolean ok() {
      return assignment != null;
    }
  }

  public Assignment {
    checkNotNull(target);
    ids = List.copyOf(ids);
    checkNotNull(symbol);
    checkNotNull(turns);
  }

  /** Parses a set line; never throws for any string. */
  public static ParseResult parse(String text, Names names) {
    checkNotNull(text);
    List<Token> tokens = Lexer.tokenize(text);
    List<ExprError> errors = new ArrayList<>();
    RefSyntax.Head head = RefSyntax.parseHead(tokens, errors);
    if (head == null) {
      return new ParseResult(null, errors);
    }
    Target target = Target.byText(head.name().text());
    if (target == null) {
      List<String> known = new ArrayList<>();
      for (Target t : Target.values()) {
        known.add(t.text());
      }
      errors.add(
          new ExprError(
              head.name().offset(),
              head.name().length(),
              ExprError.UNKNOWN_FUNCTION,
              "cannot set "
                  + Compiler.quote(head.name().text())
                  + Suggest.didYouMean(head.name().text(), known)));
    } else {
      ExprError arity = RefSyntax.arity(head, target.args);
      if (arity != null) {
        errors.add(arity);
      } else {
        RefSyntax.checkArgs(head, target.args, names, false, errors);
      }
    }
    Assignment result = new RightSide(tokens, head.next(), target, errors).parse();
    if (!errors.isEmpty() || result == null) {
      return new ParseResult(null, errors);
    }
    List<String> ids = new ArrayList<>();
    head.args().forEach(t -> ids.add(t.text()));
    return new ParseResult(
        new Assignment(target, ids, result.value, result.symbol, result.turns), List.of());
  }

  /** Parses {@code = value [turns]} after the head; ids are filled in by the caller. */
  private static final class RightSide {
    private final List<Token> tokens;
    private final Target target;
    private final List<ExprError> errors;
    private int pos;

    RightSide(List<Token> tokens, int pos, Target target, List<ExprError> errors) {
      this.tokens = tokens;
      this.pos = pos;
      this.target = target;
      this.errors = errors;
    }

    Assignment parse() {
      if (tokens.get(pos).kind() != Kind.ASSIGN) {
        return fail(Parser.unexpectedError(tokens.get(pos), "'='"));
      }
      pos++;
      if (target == Target.STATUS || target == Target.PARTNERSHIP) {
        return symbolAndTurns();
      }
      Token start = tokens.get(pos);
      Long number = number(true);
      if (number == null || !atEnd()) {
        return null;
      }
      if ((target == Target.PRESENCE || target == Target.DUES_WITHHELD)
          && number != 0
          && number != 1) {
        return fail(
            new ExprError(
                start.offset(),
                tokens.get(pos).offset() - start.offset(),
                ExprError.TYPE,
                target.text() + " is set to 0 or 1, not " + number));
      }
      return make(number.intValue(), Optional.empty(), OptionalInt.empty());
    }

    private Assignment symbolAndTurns() {
      Token name = tokens.get(pos);
      if (name.kind() != Kind.NAME) {
        String what = target == Target.STATUS ? "a status" : "a partnership level";
        return fail(Parser.unexpectedError(name, what));
      }
      pos++;
      boolean status = target == Target.STATUS;
      boolean known =
          status
              ? Constants.STATUSES.contains(name.text())
              : Constants.PARTNERSHIPS.containsKey(name.text());
      if (!known) {
        Iterable<String> valid = status ? Constants.STATUSES : Constants.PARTNERSHIPS.keySet();
        return fail(
            new ExprError(
                name.offset(),
                name.length(),
                ExprError.UNKNOWN_ID,
                "unknown "
                    + (status ? "status " : "partnership level ")
                    + Compiler.quote(name.text())
                    + "; expected one of "
                    + String.join(", ", valid)));
      }
      OptionalInt turns = OptionalInt.empty();
      if (tokens.get(pos).kind() == Kind.INT) {
        Token turnsToken = tokens.get(pos);
        if (status && !name.text().equals("NOTICE")) {
          return fail(
              new ExprError(
                  turnsToken.offset(),
                  turnsToken.length(),
                  ExprError.SYNTAX,
                  "only NOTICE takes a number of turns; " + name.text() + " does not"));
        }
        Long n = number(false);
        if (n == null) {
          return null;
        }
        turns = OptionalInt.of(n.intValue());
      }
      if (!atEnd()) {
        return null;
      }
      int value = status ? 0 : Constants.PARTNERSHIPS.get(name.text());
      return make(value, Optional.of(name.text()), turns);
    }

    /** An optionally negative integer literal, or null after adding an error. */
    private Long number(boolean signed) {
      Token first = tokens.get(pos);
      boolean negative = signed && first.kind() == Kind.MINUS;
      if (negative) {
        pos++;
      }
      Token digits = tokens.get(pos);
      if (digits.kind() != Kind.INT) {
        fail(Parser.unexpectedError(digits, "a number"));
        return null;
      }
      pos++;
      long value = digits.length() > 10 ? Long.MAX_VALUE : Long.parseLong(digits.text());
      value = negative ? -value : value;
      if (value > Integer.MAX_VALUE || value < Integer.MIN_VALUE) {
        fail(
            new ExprError(
                first.offset(),
                digits.end() - first.offset(),
                ExprError.SYNTAX,
                "number " + Compiler.quote(digits.text()) + " is out of range"));
        return null;
      }
      return value;
    }

    private boolean atEnd() {
      Token t = tokens.get(pos);
      if (t.kind() != Kind.EOF) {
        fail(Parser.unexpectedError(t, "end of input"));
        return false;
      }
      return true;
    }

    private Assignment fail(ExprError error) {
      errors.add(error);
      return null;
    }

    private Assignment make(int value, Optional<String> symbol, OptionalInt turns) {
      return new Assignment(target == null ? Target.SEC : target, List.of(), value, symbol, turns);
    }
  }

  /** For quantity targets, the reference this sets. */
  public Optional<ResolvedRef> ref() {
    return target.quantity().map(q -> new ResolvedRef(q, ids));
  }

  @Override
  public String toString() {
    StringBuilder sb =
        new StringBuilder(target.text()).append('(').append(String.join(", ", ids)).append(") = ");
    if (symbol.isPresent()) {
      sb.append(symbol.get());
      turns.ifPresent(t -> sb.append(' ').append(t));
    } else {
      sb.append(value);
    }
    return sb.toString();
  }
}
