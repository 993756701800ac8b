package org.entente.engine.expr;

/** One lexical token; {@code text} is the exact source slice. */
record Token(Kind kind, int offset, String text) {
  enum Kind {
    INT,
    NAME,
    AND,
    OR,
    NOT,
    LPAREN,
    RPAREN,
    COMMA,
    PLUS,
    MINUS,
    EQ,
    NE,
    LT,
    LE,
    GT,
    GE,
    ASSIGN,
    BAD,
    EOF
  }

  int length() {
    return text.length();
  }

  int end() {
    return offset + text.length();
  }

  /** How an error message names this token: {@code 'sec'}, {@code end of input}. */
  String describe() {
    if (kind == Kind.EOF) {
      return "end of input";
    }
    if (kind == Kind.BAD) {
      int cp = text.codePointAt(0);
      if (Character.isISOControl(cp) || Character.isWhitespace(cp) || !Character.isDefined(cp)) {
        return String.format("character U+%04X", cp);
      }
      return "character '" + text + "'";
    }
    String shown = text.length() > 30 ? text.substring(0, 27) + "..." : text;
    return "'" + shown + "'";
  }
}
