package org.entente.debrief;

import java.util.List;
import java.util.Locale;

/** Inline SVG charts for the debrief page: no scripts, no external resources. */
final class Svg {
  private Svg() {}

  /** Okabe-Ito, a palette that colour-blind readers can tell apart (yellow last: faint on white). */
  static final List<String> PALETTE =
      List.of(
          "#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442");

  /** Dash patterns, so that lines differ in print and in grey scale too. */
  private static final List<String> DASHES =
      List.of("", "6 3", "2 2", "8 3 2 3", "1 3", "10 4", "4 4", "3 6");

  private static final List<String> MARKERS =
      List.of("circle", "square", "triangle", "diamond", "circle", "square", "triangle", "diamond");

  /** One line of a chart. */
  record Series(String name, int[] values, int colour) {
    Series(String name, int[] values) {
      this(name, values, -1);
    }
  }

  /**
   * A line chart of integer series over turns T0..Tn, with axis labels and a legend.
   *
   * @param min the bottom of the value axis
   * @param max the top of the value axis
   */
  static String lineChart(
      String title, List<Series> series, int turns, int min, int max, int width) {
    int left = 44;
    int right = 130;
    int top = 26;
    int bottom = 34;
    int height = 220;
    int plotW = width - left - right;
    int plotH = height - top - bottom;
    StringBuilder b = new StringBuilder();
    b.append("<svg class=\"chart\" role=\"img\" width=\"")
        .append(width)
        .append("\" height=\"")
        .append(height)
        .append("\" viewBox=\"0 0 ")
        .append(width)
        .append(' ')
        .append(height)
        .append("\" aria-label=\"")
        .append(Html.esc(title))
        .append("\">");
    b.append("<text x=\"")
        .append(left)
        .append("\" y=\"16\" class=\"ct\">")
        .append(Html.esc(title))
        .append("</text>");
    // Horizontal grid and value labels: five steps.
    for (int i = 0; i <= 4; i++) {
      int v = min + (max - min) * i / 4;
      double y = top + plotH - (double) plotH * i / 4;
      b.append(
          String.format(
              Locale.ROOT,
              "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" class=\"%s\"/>",
              left,
              y,
              left + plotW,
              y,
              v == 0 && min < 0 ? "zero" : "grid"));
      b.append(
          String.format(
              Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" class=\"yl\">%d</text>", left - 6, y + 4, v));
    }
    int steps = Math.max(1, turns);
    int labelEvery = turns > 16 ? (turns + 11) / 12 : 1;
    for (int t = 0; t <= turns; t++) {
      double x = left + (double) plotW * t / steps;
      if (t % labelEvery == 0 || t == turns) {
        b.append(
            String.format(
                Locale.ROOT,
                "<text x=\"%.1f\" y=\"%d\" class=\"xl\">T%d</text>",
                x,
                top + plotH + 16,
                t));
      }
    }
    b.append(
        String.format(
            Locale.ROOT,
            "<text x=\"%d\" y=\"%d\" class=\"xl\">turn</text>",
            left + plotW / 2,
            height - 2));
    for (int s = 0; s < series.size(); s++) {
      Series ser = series.get(s);
      int style = ser.colour() >= 0 ? ser.colour() : s;
      String colour = PALETTE.get(style % PALETTE.size());
      StringBuilder points = new StringBuilder();
      for (int t = 0; t < ser.values().length; t++) {
        double x = left + (double) plotW * t / steps;
        double y =
            top + plotH - (double) plotH * (clamp(ser.values()[t], min, max) - min) / (max - min);
        points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
        b.append(marker(MARKERS.get(style % MARKERS.size()), x, y, colour));
      }
      String dash = DASHES.get(style % DASHES.size());
      b.append("<polyline fill=\"none\" stroke=\"")
          .append(colour)
          .append("\" stroke-width=\"2\"")
          .append(dash.isEmpty() ? "" : " stroke-dasharray=\"" + dash + "\"")
          .append(" points=\"")
          .append(points.toString().trim())
          .append("\"/>");
      // Legend entry.
      int ly = top + 8 + s * 18;
      int lx = left + plotW + 14;
      b.append("<line x1=\"")
          .append(lx)
          .append("\" y1=\"")
          .append(ly)
          .append("\" x2=\"")
          .append(lx + 24)
          .append("\" y2=\"")
          .append(ly)
          .append("\" stroke=\"")
          .append(colour)
          .append("\" stroke-width=\"2\"")
          .append(dash.isEmpty() ? "" : " stroke-dasharray=\"" + dash + "\"")
          .append("/>");
      b.append(marker(MARKERS.get(style % MARKERS.size()), lx + 12, ly, colour));
      b.append("<text x=\"")
          .append(lx + 30)
          .append("\" y=\"")
          .append(ly + 4)
          .append("\" class=\"lg\">")
          .append(Html.esc(ser.name()))
          .append("</text>");
    }
    return b.append("</svg>").toString();
  }

  private static String marker(String shape, double x, double y, String colour) {
    switch (shape) {
      case "square":
        return String.format(
            Locale.ROOT,
            "<rect x=\"%.1f\" y=\"%.1f\" width=\"6\" height=\"6\" fill=\"%s\"/>",
            x - 3,
            y - 3,
            colour);
      case "triangle":
        return String.format(
            Locale.ROOT,
            "<polygon points=\"%.1f,%.1f %.1f,%.1f %.1f,%.1f\" fill=\"%s\"/>",
            x,
            y - 4,
            x - 4,
            y + 3,
            x + 4,
            y + 3,
            colour);
      case "diamond":
        return String.format(
            Locale.ROOT,
            "<polygon points=\"%.1f,%.1f %.1f,%.1f %.1f,%.1f %.1f,%.1f\" fill=\"%s\"/>",
            x,
            y - 4,
            x + 4,
            y,
            x,
            y + 4,
            x - 4,
            y,
            colour);
      default:
        return String.format(
            Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"/>", x, y, colour);
    }
  }

  private static int clamp(int v, int min, int max) {
    return Math.max(min, Math.min(max, v));
  }

  /** One row of a membership timeline: a member's status at T0..Tn. */
  record Band(String name, List<String> statuses) {}

  /** The membership statuses a cell can show, in legend order. */
  static final List<String> STATUSES =
      List.of("ACTIVE", "FROZEN", "NOTICE", "WITHDRAWN", "SUSPENDED", "EXPELLED", "APPLICANT");

  /** Each status's letter in a cell, all distinct (ACTIVE A, APPLICANT P): colour alone does not survive grey print. */
  static char letter(String status) {
    switch (status) {
      case "APPLICANT":
        return 'P';
      case "NONE":
        return ' ';
      default:
        return status.charAt(0);
    }
  }

  /** Whether a cell's letter is white (on the black of EXPELLED); black elsewhere, at least 5.4:1 on every fill. */
  static boolean whiteLetter(String status) {
    return status.equals("EXPELLED");
  }

  /** Colours of membership statuses (Okabe-Ito again), with a letter in each cell for print. */
  static String statusColour(String status) {
    switch (status) {
      case "ACTIVE":
        return "#009E73";
      case "FROZEN":
        return "#56B4E9";
      case "NOTICE":
        return "#E69F00";
      case "WITHDRAWN":
        return "#D55E00";
      case "SUSPENDED":
        return "#CC79A7";
      case "EXPELLED":
        return "#000000";
      case "APPLICANT":
        return "#F0E442";
      default:
        return "#eeeeee";
    }
  }

  /** A membership timeline: a row per member, a coloured cell per status per turn. */
  static String bands(String title, List<Band> rows, int turns, int width) {
    int left = 150;
    int top = 26;
    int rowH = 22;
    int plotW = width - left - 20;
    double cell = (double) plotW / (turns + 1);
    int height = top + rows.size() * rowH + 24;
    StringBuilder b = new StringBuilder();
    b.append("<svg class=\"chart\" role=\"img\" width=\"")
        .append(width)
        .append("\" height=\"")
        .append(height)
        .append("\" viewBox=\"0 0 ")
        .append(width)
        .append(' ')
        .append(height)
        .append("\" aria-label=\"")
        .append(Html.esc(title))
        .append("\">");
    b.append("<text x=\"4\" y=\"16\" class=\"ct\">").append(Html.esc(title)).append("</text>");
    for (int r = 0; r < rows.size(); r++) {
      Band row = rows.get(r);
      int y = top + r * rowH;
      b.append("<text x=\"")
          .append(left - 8)
          .append("\" y=\"")
          .append(y + 15)
          .append("\" class=\"yl\">")
          .append(Html.esc(row.name()))
          .append("</text>");
      for (int t = 0; t < row.statuses().size(); t++) {
        String s = row.statuses().get(t);
        double x = left + cell * t;
        b.append(
            String.format(
                Locale.ROOT,
                "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\" stroke=\"#fff\"><title>%s T%d: %s</title></rect>",
                x,
                y,
                cell,
                rowH - 2,
                statusColour(s),
                Html.esc(row.name()),
                t,
                s));
        if (!s.equals("NONE") && cell >= 14) {
          b.append(
              String.format(
                  Locale.ROOT,
                  "<text x=\"%.1f\" y=\"%d\" class=\"%s\">%s</text>",
                  x + cell / 2,
                  y + 15,
                  whiteLetter(s) ? "cl w" : "cl",
                  letter(s)));
        }
      }
    }
    int ly = top + rows.size() * rowH + 14;
    for (int t = 0; t <= turns; t++) {
      if (turns <= 16 || t % ((turns + 11) / 12) == 0) {
        b.append(
            String.format(
                Locale.ROOT,
                "<text x=\"%.1f\" y=\"%d\" class=\"xl\">T%d</text>",
                left + cell * t + cell / 2,
                ly,
                t));
      }
    }
    return b.append("</svg>").toString();
  }
}
