package org.entente.engine.expr;

import java.util.List;

/** The untyped syntax tree the parser builds; offsets are into the source string. */
sealed interface Ast {
  int offset();

  int end();

  default int length() {
    return end() - offset();
  }

  record IntLit(int value, int offset, int end) implements Ast {}

  record Name(String name, int offset, int end) implements Ast {}

  record Call(Token name, List<Ast> args, int end) implements Ast {
    @Override
    public int offset() {
      return name.offset();
    }
  }

  record Negate(Token minus, Ast operand) implements Ast {
    @Override
    public int offset() {
      return minus.offset();
    }

    @Override
    public int end() {
      return operand.end();
    }
  }

  record Not(Token not, Ast operand) implements Ast {
    @Override
    public int offset() {
      return not.offset();
    }

    @Override
    public int end() {
      return operand.end();
    }
  }

  /** {@code a and b and c} or {@code a or b or c}: {@code ops.size() == operands.size() - 1}. */
  record Logic(boolean isAnd, List<Ast> operands, List<Token> ops) implements Ast {
    @Override
    public int offset() {
      return operands.get(0).offset();
    }

    @Override
    public int end() {
      return operands.get(operands.size() - 1).end();
    }
  }

  /** {@code a + b - c}: {@code ops.size() == terms.size() - 1}, each PLUS or MINUS. */
  record Sum(List<Ast> terms, List<Token> ops) implements Ast {
    @Override
    public int offset() {
      return terms.get(0).offset();
    }

    @Override
    public int end() {
      return terms.get(terms.size() - 1).end();
    }
  }

  record Compare(Token op, Ast left, Ast right) implements Ast {
    @Override
    public int offset() {
      return left.offset();
    }

    @Override
    public int end() {
      return right.end();
    }
  }
}
