package org.entente.engine.expr;

import org.entente.engine.expr.Token.Kind;

/** The node implementations. */
final class Nodes {
  private Nodes() {}

  static final class IntConst extends Node {
    final int value;

    IntConst(int value) {
      this.value = value;
    }

    @Override
    int evalInt(Facts f, Bindings b) {
      return value;
    }
  }

  static final class SymConst extends Node {
    final String value;

    SymConst(String value) {
      this.value = value;
    }

    @Override
    String symbol(Facts f, Bindings b) {
      return value;
    }
  }

  static final class Var extends Node {
    final Variable variable;

    Var(Variable variable) {
      this.variable = variable;
    }

    @Override
    String symbol(Facts f, Bindings b) {
      return b.require(variable);
    }
  }

  static final class Turn extends Node {
    @Override
    int evalInt(Facts f, Bindings b) {
      return f.turn();
    }
  }

  static final class Negate extends Node {
    final Node operand;

    Negate(Node operand) {
      this.operand = operand;
    }

    @Override
    int evalInt(Facts f, Bindings b) {
      return saturate(-(long) operand.evalInt(f, b));
    }
  }

  static final class Sum extends Node {
    final Node[] terms;
    final boolean[] subtract;

    Sum(Node[] terms, boolean[] subtract) {
      this.terms = terms;
      this.subtract = subtract;
    }

    @Override
    int evalInt(Facts f, Bindings b) {
      long total = terms[0].evalInt(f, b);
      for (int i = 1; i < terms.length; i++) {
        long term = terms[i].evalInt(f, b);
        total = saturate(subtract[i] ? total - term : total + term);
      }
      return (int) total;
    }
  }

  static final class And extends Node {
    final Node[] operands;

    And(Node[] operands) {
      this.operands = operands;
    }

    @Override
    boolean test(Facts f, Bindings b) {
      for (Node operand : operands) {
        if (!operand.test(f, b)) {
          return false;
        }
      }
      return true;
    }
  }

  static final class Or extends Node {
    final Node[] operands;

    Or(Node[] operands) {
      this.operands = operands;
    }

    @Override
    boolean test(Facts f, Bindings b) {
      for (Node operand : operands) {
        if (operand.test(f, b)) {
          return true;
        }
      }
      return false;
    }
  }

  static final class Not extends Node {
    final Node operand;

    Not(Node operand) {
      this.operand = operand;
    }

    @Override
    boolean test(Facts f, Bindings b) {
      return !operand.test(f, b);
    }
  }

  static final class CompareInt extends Node {
    final Kind op;
    final Node left;
    final Node right;

    CompareInt(Kind op, Node left, Node right) {
      this.op = op;
      this.left = left;
      this.right = right;
    }

    @Override
    boolean test(Facts f, Bindings b) {
      int l = left.evalInt(f, b);
      int r = right.evalInt(f, b);
      return switch (op) {
        case EQ -> l == r;
        case NE -> l != r;
        case LT -> l < r;
        case LE -> l <= r;
        case GT -> l > r;
        case GE -> l >= r;
        default -> throw new IllegalStateException("not a comparison: " + op);
      };
    }
  }

  static final class EqualBool extends Node {
    final Node left;
    final Node right;
    final boolean negate;

    EqualBool(Node left, Node right, boolean negate) {
      this.left = left;
      this.right = right;
      this.negate = negate;
    }

    @Override
    boolean test(Facts f, Bindings b) {
      return (left.test(f, b) == right.test(f, b)) != negate;
    }
  }

  static final class EqualSymbol extends Node {
    final Node left;
    final Node right;
    final boolean negate;

    EqualSymbol(Node left, Node right, boolean negate) {
      this.left = left;
      this.right = right;
      this.negate = negate;
    }

    @Override
    boolean test(Facts f, Bindings b) {
      return left.symbol(f, b).equals(right.symbol(f, b)) != negate;
    }
  }

  static final class Call extends Node {
    final Function function;
    final Node[] args;

    Call(Function function, Node[] args) {
      this.function = function;
      this.args = args;
    }

    @Override
    int evalInt(Facts f, Bindings b) {
      return function.evalInt(f, args, b);
    }

    @Override
    boolean test(Facts f, Bindings b) {
      return function.test(f, args, b);
    }

    @Override
    String symbol(Facts f, Bindings b) {
      return function.symbol(f, args, b);
    }
  }
}
