package org.entente.cli.connect;

import java.util.ArrayList;
import java.util.List;
import org.entente.cli.Safe;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/**
 * A plain table that fits the terminal: columns take their natural width, and when the total is
 * too wide the widest columns are cut (ending in "…") until it fits. Every cell goes through
 * {@link Safe#line}, so a cell can never carry an escape sequence or a line break.
 */
final class Table {
  private static final String GAP = "  ";
  private final List<String> headers;
  private final List<List<String>> rows = new ArrayList<>();
  private final boolean[] rightAligned;
  private boolean wrapLast;

  Table(String... headers) {
    this.headers = List.of(headers);
    this.rightAligned = new boolean[headers.length];
  }

  /** Right-aligns the given columns (numbers). */
  Table right(int... columns) {
    for (int c : columns) {
      rightAligned[c] = true;
    }
    return this;
  }

  /** Wraps the last column (free text) onto more lines instead of cutting it; it is narrowed first. */
  Table wrapLast() {
    wrapLast = true;
    return this;
  }

  Table row(Object... cells) {
    List<String> r = new ArrayList<>();
    for (int i = 0; i < headers.size(); i++) {
      String cell = i < cells.length && cells[i] != null ? String.valueOf(cells[i]) : "";
      r.add(Safe.line(cell));
    }
    rows.add(r);
    return this;
  }

  boolean isEmpty() {
    return rows.isEmpty();
  }

  List<AttributedString> render(int width) {
    int n = headers.size();
    int[] w = new int[n];
    for (int i = 0; i < n; i++) {
      w[i] = columns(headers.get(i));
      for (List<String> r : rows) {
        w[i] = Math.max(w[i], columns(r.get(i)));
      }
    }
    int budget = Math.max(width, 20) - GAP.length() * (n - 1);
    if (wrapLast) {
      w[n - 1] = Math.max(Math.min(w[n - 1], 20), w[n - 1] - (sum(w) - budget));
    }
    while (sum(w) > budget) {
      int widest = 0;
      for (int i = 1; i < n; i++) {
        if (w[i] > w[widest]) {
          widest = i;
        }
      }
      if (w[widest] <= 4) {
        break;
      }
      w[widest]--;
    }
    List<AttributedString> out = new ArrayList<>();
    out.add(line(headers, w, AttributedStyle.DEFAULT.bold()));
    for (List<String> r : rows) {
      if (!wrapLast || columns(r.get(n - 1)) <= w[n - 1]) {
        out.add(line(r, w, AttributedStyle.DEFAULT));
        continue;
      }
      List<AttributedString> parts =
          Renderers.wrap(new AttributedString(r.get(n - 1)), w[n - 1], 0);
      for (int i = 0; i < parts.size(); i++) {
        List<String> cells = new ArrayList<>(i == 0 ? r : java.util.Collections.nCopies(n, ""));
        cells.set(n - 1, parts.get(i).toString().strip());
        out.add(line(cells, w, AttributedStyle.DEFAULT));
      }
    }
    return out;
  }

  private AttributedString line(List<String> cells, int[] w, AttributedStyle style) {
    AttributedStringBuilder b = new AttributedStringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      String cell = fit(cells.get(i), w[i]);
      String pad = " ".repeat(Math.max(0, w[i] - columns(cell)));
      boolean last = i == cells.size() - 1;
      if (rightAligned[i]) {
        b.append(pad);
        b.styled(style, cell);
      } else {
        b.styled(style, cell);
        if (!last) {
          b.append(pad);
        }
      }
      if (!last) {
        b.append(GAP);
      }
    }
    return b.toAttributedString();
  }

  static int columns(String s) {
    return new AttributedString(s).columnLength();
  }

  /** {@code s} cut to {@code width} columns, ending in "…" when cut. */
  static String fit(String s, int width) {
    if (columns(s) <= width) {
      return s;
    }
    AttributedString a = new AttributedString(s);
    return a.columnSubSequence(0, Math.max(0, width - 1)).toString() + "…";
  }

  private static int sum(int[] w) {
    int s = 0;
    for (int x : w) {
      s += x;
    }
    return s;
  }
}
