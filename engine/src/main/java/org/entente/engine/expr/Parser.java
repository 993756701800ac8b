package org.entente.engine.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.entente.engine.expr.Token.Kind;

/**
 * Recursive-descent parser for the grammar in docs/design.md. Stops at the first syntax error
 * (later errors would mostly be echoes of it). Nesting is limited to {@link #MAX_DEPTH} so hostile
 * input cannot overflow the stack; n-ary {@code and}/{@code or}/{@code +} keep long chains flat.
 */
final class Parser {
  static final int MAX_DEPTH = 64;

  /** Either a tree or the syntax error that stopped parsing. */
  record Result(Ast tree, ExprError error) {}

  private static final class Failure extends RuntimeException {
    final ExprError error;

    Failure(ExprError error) {
      super(null, null, false, false);
      this.error = error;
    }
  }

  private final List<Token> tokens;
  private int pos;
  private int depth;

  private Parser(List<Token> tokens) {
    this.tokens = tokens;
  }

  static Result parse(String source) {
    Parser parser = new Parser(Lexer.tokenize(source));
    try {
      Ast tree = parser.expression();
      Token next = parser.peek();
      if (next.kind() != Kind.EOF) {
        throw unexpected(next, "an operator or end of input");
      }
      return new Result(tree, null);
    } catch (Failure f) {
      return new Result(null, f.error);
    }
  }

  private Ast expression() {
    enter();
    Ast result = or();
    depth--;
    return result;
  }

  private Ast or() {
    Ast first = and();
    if (peek().kind() != Kind.OR) {
      return first;
    }
    List<Ast> operands = new ArrayList<>(List.of(first));
    List<Token> ops = new ArrayList<>();
    while (peek().kind() == Kind.OR) {
      ops.add(next());
      operands.add(and());
    }
    return new Ast.Logic(false, List.copyOf(operands), List.copyOf(ops));
  }

  private Ast and() {
    Ast first = not();
    if (peek().kind() != Kind.AND) {
      return first;
    }
    List<Ast> operands = new ArrayList<>(List.of(first));
    List<Token> ops = new ArrayList<>();
    while (peek().kind() == Kind.AND) {
      ops.add(next());
      operands.add(not());
    }
    return new Ast.Logic(true, List.copyOf(operands), List.copyOf(ops));
  }

  private Ast not() {
    if (peek().kind() != Kind.NOT) {
      return comparison();
    }
    Token not = next();
    enter();
    Ast operand = not();
    depth--;
    return new Ast.Not(not, operand);
  }

  private Ast comparison() {
    Ast left = sum();
    switch (peek().kind()) {
      case EQ, NE, LT, LE, GT, GE -> {
        Token op = next();
        Ast right = sum();
        return new Ast.Compare(op, left, right);
      }
      default -> {
        return left;
      }
    }
  }

  private Ast sum() {
    Ast first = unary();
    if (peek().kind() != Kind.PLUS && peek().kind() != Kind.MINUS) {
      return first;
    }
    List<Ast> terms = new ArrayList<>(List.of(first));
    List<Token> ops = new ArrayList<>();
    while (peek().kind() == Kind.PLUS || peek().kind() == Kind.MINUS) {
      ops.add(next());
      terms.add(unary());
    }
    return new Ast.Sum(List.copyOf(terms), List.copyOf(ops));
  }

  private Ast unary() {
    if (peek().kind() != Kind.MINUS) {
      return atom();
    }
    Token minus = next();
    enter();
    Ast operand = unary();
    depth--;
    return new Ast.Negate(minus, operand);
  }

  private Ast atom() {
    Token t = peek();
    switch (t.kind()) {
      case INT -> {
        next();
        return new Ast.IntLit(parseInt(t), t.offset(), t.end());
      }
      case NAME -> {
        next();
        if (peek().kind() == Kind.LPAREN) {
          return call(t);
        }
        return new Ast.Name(t.text(), t.offset(), t.end());
      }
      case LPAREN -> {
        next();
        Ast inner = expression();
        expect(Kind.RPAREN, "')'");
        return inner;
      }
      default -> throw unexpected(t, "a number, name or '('");
    }
  }

  private Ast call(Token name) {
    next(); // (
    List<Ast> args = new ArrayList<>();
    if (peek().kind() != Kind.RPAREN) {
      args.add(expression());
      while (peek().kind() == Kind.COMMA) {
        next();
        args.add(expression());
      }
    }
    Token close = expect(Kind.RPAREN, args.isEmpty() ? "an argument or ')'" : "',' or ')'");
    return new Ast.Call(name, List.copyOf(args), close.end());
  }

  private static int parseInt(Token t) {
    String digits = t.text();
    if (digits.length() > 10 || Long.parseLong(digits) > Integer.MAX_VALUE) {
      throw new Failure(
          new ExprError(
              t.offset(),
              t.length(),
              ExprError.SYNTAX,
              "number " + t.describe() + " is too large; the largest is " + Integer.MAX_VALUE));
    }
    return Integer.parseInt(digits);
  }

  private void enter() {
    if (++depth > MAX_DEPTH) {
      Token t = peek();
      throw new Failure(
          new ExprError(
              t.offset(),
              t.length(),
              ExprError.SYNTAX,
              "expression is nested too deeply (more than " + MAX_DEPTH + " levels)"));
    }
  }

  private Token expect(Kind kind, String what) {
    Token t = peek();
    if (t.kind() != kind) {
      throw unexpected(t, what);
    }
    return next();
  }

  private Token peek() {
    return tokens.get(pos);
  }

  private Token next() {
    Token t = tokens.get(pos);
    if (t.kind() != Kind.EOF) {
      pos++;
    }
    return t;
  }

  static Failure unexpected(Token t, String expected) {
    return new Failure(unexpectedError(t, expected));
  }

  /** "expected X but found Y", with a hint for common slips from other languages. */
  static ExprError unexpectedError(Token t, String expected) {
    String message;
    if (t.kind() == Kind.BAD) {
      message = "unexpected " + t.describe() + badHint(t.text());
    } else {
      message = "expected " + expected + " but found " + t.describe() + hint(t);
    }
    return new ExprError(t.offset(), t.length(), ExprError.SYNTAX, message);
  }

  private static String badHint(String text) {
    return switch (text) {
      case "!" -> "; write 'not' or '!='";
      case "&" -> "; write 'and'";
      case "|" -> "; write 'or'";
      default -> "";
    };
  }

  private static String hint(Token t) {
    if (t.kind() == Kind.ASSIGN) {
      return "; did you mean '=='?";
    }
    if (t.kind() == Kind.NAME) {
      String lower = t.text().toLowerCase(Locale.ROOT);
      if (!lower.equals(t.text())
          && (lower.equals("and") || lower.equals("or") || lower.equals("not"))) {
        return "; keywords are lower case: '" + lower + "'";
      }
    }
    return "";
  }
}
