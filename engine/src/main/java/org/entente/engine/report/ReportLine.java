package org.entente.engine.report;

import java.util.List;
import org.entente.engine.Phase;
import org.entente.engine.order.Order;

/**
 * One outcome of a turn: a plain sentence, who may see it, the rule or clause it applies and
 * the orders it rests on.
 */
public record ReportLine(
    Phase phase, Visibility visibility, String text, String citation, List<Order> orders) {
  public ReportLine {
    orders = List.copyOf(orders);
  }

  /** The sentence with its citation, as players read it. */
  public String render() {
    return citation.isEmpty() ? text : text + " [" + citation + "]";
  }
}
