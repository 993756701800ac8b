package org.entente.scenarios;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.entente.engine.expr.Suggest;
import org.entente.scenarios.Locator.Node;

/** What the validation passes share: positions, the problem list, the declared ids, helpers. */
final class ValidationContext {
  static final Pattern ID = Pattern.compile("[A-Z][A-Z0-9_]{0,23}");

  final Locator locator;
  final Problems problems;

  /** Declared ids, in file order (duplicates kept once). */
  final Set<String> actors = new LinkedHashSet<>();

  final Set<String> organisations = new LinkedHashSet<>();
  final Set<String> tracks = new LinkedHashSet<>();
  final Set<String> presences = new LinkedHashSet<>();
  final Set<String> sourceKeys = new LinkedHashSet<>();
  final Set<String> citedKeys = new LinkedHashSet<>();
  final Set<String> engineRun = new LinkedHashSet<>();
  ExpressionChecker exprs;

  ValidationContext(Locator locator, Problems problems) {
    this.locator = locator;
    this.problems = problems;
  }

  void error(Node n, String field, int index, String code, String message) {
    problems.error(locator.value(n, field, index), code, message);
  }

  /** Reports a missing required value at the enclosing message. */
  void missing(Node n, String what, String hint) {
    problems.error(n.pos(), "missing", what + " is required: " + hint);
  }

  /** Checks an identifier: present, well-formed. Returns true if it is usable. */
  boolean id(Node n, String field, String value, String what) {
    if (value.isEmpty()) {
      missing(
          n,
          what + " `" + field + "`",
          "add " + field + ": \"...\" (upper-case letters, digits, underscores)");
      return false;
    }
    if (!ID.matcher(value).matches()) {
      error(
          n,
          field,
          0,
          "bad-id",
          what
              + " id '"
              + value
              + "' is not an identifier: use "
              + "upper-case letters, digits and underscores, starting with a letter, at most 24 "
              + "characters (e.g. "
              + suggestId(value)
              + ")");
      return false;
    }
    return true;
  }

  private static String suggestId(String value) {
    String s = value.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9_]", "_");
    if (s.isEmpty() || !Character.isLetter(s.charAt(0))) {
      s = "X" + s;
    }
    return s.length() > 24 ? s.substring(0, 24) : s;
  }

  /** Reports a second use of {@code key} in {@code seen} as a duplicate. */
  void unique(Map<String, Integer> seen, String key, Node n, String field, int index, String what) {
    Integer first = seen.putIfAbsent(key, locator.value(n, field, index).line());
    if (first != null) {
      error(
          n,
          field,
          index,
          "duplicate",
          what + " is already defined on line " + first + "; remove or rename one");
    }
  }

  void range(Node n, String field, long value, long min, long max, String what) {
    if (value < min || value > max) {
      error(
          n,
          field,
          0,
          "range",
          what + " is " + value + "; it must be between " + min + " and " + max);
    }
  }

  /** Checks that {@code value} names one of {@code ids}; empty is reported as missing. */
  boolean ref(Node n, String field, int index, String value, Collection<String> ids, String what) {
    if (value.isEmpty()) {
      missing(n, "`" + field + "`", "name " + what);
      return false;
    }
    if (ids.contains(value)) {
      return true;
    }
    String hint =
        organisations.contains(value) && ids == actors
            ? " ('" + value + "' is an organisation)"
            : actors.contains(value) && ids == organisations
                ? " ('" + value + "' is an actor)"
                : "";
    error(
        n,
        field,
        index,
        "unknown-ref",
        "'"
            + value
            + "' is not "
            + what
            + hint
            + "; known: "
            + list(ids)
            + Suggest.didYouMean(value, ids));
    return false;
  }

  /** Checks a repeated {@code source} field against metadata.sources keys. */
  void sources(Node n, List<String> keys) {
    sources(n, "source", keys);
  }

  void sources(Node n, String field, List<String> keys) {
    for (int i = 0; i < keys.size(); i++) {
      String key = keys.get(i);
      citedKeys.add(key);
      if (!sourceKeys.contains(key)) {
        error(
            n,
            field,
            i,
            "unknown-ref",
            "source key '"
                + key
                + "' is not defined; add it to metadata.sources or fix the key"
                + Suggest.didYouMean(key, sourceKeys));
      }
    }
  }

  static String list(Collection<String> ids) {
    if (ids.isEmpty()) {
      return "(none)";
    }
    StringBuilder sb = new StringBuilder();
    int count = 0;
    for (String id : ids) {
      if (count == 12) {
        sb.append(", ...");
        break;
      }
      sb.append(count++ == 0 ? "" : ", ").append(id);
    }
    return sb.toString();
  }

  static Map<String, Integer> seen() {
    return new HashMap<>();
  }
}
