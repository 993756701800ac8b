package org.entente.server.rules;

/**
 * A rendered debrief: the Markdown report, the self-contained HTML page, the two grading
 * spreadsheets (students.csv, quantities.csv; empty where the rules keep no record), and the
 * turns it covers.
 */
public record Debrief(
    int turns, String markdown, String html, String studentsCsv, String quantitiesCsv) {
  public Debrief(int turns, String markdown, String html) {
    this(turns, markdown, html, "", "");
  }
}
