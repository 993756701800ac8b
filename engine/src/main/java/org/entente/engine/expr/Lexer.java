package org.entente.engine.expr;

import java.util.ArrayList;
import java.util.List;
import org.entente.engine.expr.Token.Kind;

/** Splits source text into tokens. Never fails: unknown characters become BAD tokens. */
final class Lexer {
  private Lexer() {}

  /** The tokens of {@code source}, always ending with one EOF token at {@code source.length()}. */
  static List<Token> tokenize(String source) {
    List<Token> tokens = new ArrayList<>();
    int n = source.length();
    int i = 0;
    while (i < n) {
      char c = source.charAt(i);
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        i++;
        continue;
      }
      int start = i;
      if (isDigit(c)) {
        while (i < n && isDigit(source.charAt(i))) {
          i++;
        }
        tokens.add(new Token(Kind.INT, start, source.substring(start, i)));
      } else if (isNameStart(c)) {
        while (i < n && isNamePart(source.charAt(i))) {
          i++;
        }
        String text = source.substring(start, i);
        tokens.add(new Token(keyword(text), start, text));
      } else {
        Kind kind = symbol(source, i);
        int len = kind == null ? Character.charCount(source.codePointAt(i)) : operatorLength(kind);
        i += len;
        tokens.add(new Token(kind == null ? Kind.BAD : kind, start, source.substring(start, i)));
      }
    }
    tokens.add(new Token(Kind.EOF, n, ""));
    return tokens;
  }

  private static Kind keyword(String text) {
    return switch (text) {
      case "and" -> Kind.AND;
      case "or" -> Kind.OR;
      case "not" -> Kind.NOT;
      default -> Kind.NAME;
    };
  }

  private static Kind symbol(String s, int i) {
    char c = s.charAt(i);
    char next = i + 1 < s.length() ? s.charAt(i + 1) : '\0';
    return switch (c) {
      case '(' -> Kind.LPAREN;
      case ')' -> Kind.RPAREN;
      case ',' -> Kind.COMMA;
      case '+' -> Kind.PLUS;
      case '-' -> Kind.MINUS;
      case '=' -> next == '=' ? Kind.EQ : Kind.ASSIGN;
      case '!' -> next == '=' ? Kind.NE : null;
      case '<' -> next == '=' ? Kind.LE : Kind.LT;
      case '>' -> next == '=' ? Kind.GE : Kind.GT;
      default -> null;
    };
  }

  private static int operatorLength(Kind kind) {
    return switch (kind) {
      case EQ, NE, LE, GE -> 2;
      default -> 1;
    };
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isNameStart(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
  }

  private static boolean isNamePart(char c) {
    return isNameStart(c) || isDigit(c);
  }
}
