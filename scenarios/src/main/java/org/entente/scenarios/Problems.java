package org.entente.scenarios;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.entente.scenarios.SourceText.Pos;

/** Collects the problems of one file; sorted by position (stable) when read. */
final class Problems {
  private final String file;
  private final List<Problem> list = new ArrayList<>();

  Problems(String file) {
    this.file = file;
  }

  void error(Pos pos, String code, String message) {
    add(pos, Severity.ERROR, code, message);
  }

  void warning(Pos pos, String code, String message) {
    add(pos, Severity.WARNING, code, message);
  }

  void add(Pos pos, Severity severity, String code, String message) {
    list.add(
        new Problem(
            file, Math.max(1, pos.line()), Math.max(1, pos.column()), severity, code, message));
  }

  boolean hasErrors() {
    return list.stream().anyMatch(Problem::isError);
  }

  List<Problem> sorted() {
    List<Problem> out = new ArrayList<>(list);
    out.sort(Comparator.comparingInt(Problem::line).thenComparingInt(Problem::column));
    return out;
  }
}
