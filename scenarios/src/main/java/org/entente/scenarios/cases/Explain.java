package org.entente.scenarios.cases;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.entente.engine.expr.Bindings;
import org.entente.engine.expr.CompileResult;
import org.entente.engine.expr.Expressions;
import org.entente.engine.model.Scenario;
import org.entente.engine.state.GameState;

/**
 * Shows why an expectation failed: the actual value of each side of every comparison in it
 * ({@code trust(RUS, ARM) == -45} gives {@code trust(RUS, ARM) = -43}).
 */
final class Explain {
  private Explain() {}

  private static final List<String> OPERATORS = List.of("==", "!=", "<=", ">=", "<", ">");

  static String actualValues(Scenario scenario, GameState state, String source) {
    Set<String> parts = new LinkedHashSet<>();
    for (String conjunct : splitTopLevel(source)) {
      for (String side : sides(conjunct)) {
        String value = eval(scenario, state, side);
        if (value != null && !side.trim().matches("-?\\d+|[A-Z_][A-Z0-9_]*")) {
          parts.add(side.trim() + " = " + value);
        }
      }
    }
    return parts.isEmpty() ? "(no values to show)" : String.join(", ", parts);
  }

  private static String eval(Scenario scenario, GameState state, String source) {
    CompileResult c = Expressions.compile(source, scenario.names(), Set.of(), null);
    if (!c.ok()) {
      return null;
    }
    try {
      return c.expr().eval(state, Bindings.EMPTY).toString();
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** Splits at top-level {@code and} / {@code or} (outside parentheses). */
  private static List<String> splitTopLevel(String s) {
    List<String> out = new ArrayList<>();
    int depth = 0;
    int start = 0;
    String[] words = {" and ", " or "};
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch == '(') {
        depth++;
      } else if (ch == ')') {
        depth--;
      } else if (depth == 0) {
        for (String w : words) {
          if (s.startsWith(w, i)) {
            out.add(s.substring(start, i));
            start = i + w.length();
            i = start - 1;
            break;
          }
        }
      }
    }
    out.add(s.substring(start));
    List<String> stripped = new ArrayList<>();
    for (String part : out) {
      String p = part.trim();
      if (p.startsWith("not ")) {
        p = p.substring(4);
      }
      if (p.startsWith("(") && p.endsWith(")")) {
        stripped.addAll(splitTopLevel(p.substring(1, p.length() - 1)));
      } else {
        stripped.add(p);
      }
    }
    return stripped;
  }

  /** The two sides of a top-level comparison, or the whole text. */
  private static List<String> sides(String s) {
    int depth = 0;
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch == '(') {
        depth++;
      } else if (ch == ')') {
        depth--;
      } else if (depth == 0) {
        for (String op : OPERATORS) {
          if (s.startsWith(op, i)) {
            return List.of(s.substring(0, i), s.substring(i + op.length()));
          }
        }
      }
    }
    return List.of(s);
  }
}
