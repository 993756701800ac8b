package org.entente.engine.report;

import java.util.List;

/**
 * One outcome of a turn: a plain sentence, who may see it, the rule or clause it applies and
 * the orders it rests on (in the text syntax, with actor prefix).
 */
public record ReportLine(
    int phase, Visibility visibility, String text, String citation, List<String> orders) {
  public ReportLine {
    orders = List.copyOf(orders);
  }

  /** The sentence with its citation, as players read it. */
  public String render() {
    return citation.isEmpty() ? text : text + " [" + citation + "]";
  }
}
