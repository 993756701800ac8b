package org.entente.engine.report;

import java.util.List;
import java.util.Objects;
import org.entente.engine.Phase;
import org.entente.engine.order.Order;

/**
 * One outcome of a turn: a plain sentence, who may see it, the rule or clause it applies, the
 * orders it rests on and, for a line about a bilateral proposal, what became of it.
 */
public record ReportLine(
    Phase phase,
    Visibility visibility,
    String text,
    String citation,
    List<Order> orders,
    Proposal proposal) {

  /**
   * What a line says became of a bilateral proposal (docs/rules.md, section 5), so that readers
   * (an inbox, the debrief's ledger) never have to parse the sentence.
   */
  public enum Proposal {
    /** The line is not about a bilateral proposal. */
    NONE,
    /** The orders matched and the agreement took effect. */
    AGREED,
    /**
     * The orders met but nothing came of them: a step not possible yet, a premature signature,
     * lobbying that was not granted.
     */
    FAILED,
    /** To the proposer: nobody gave the matching order, nothing was agreed. */
    UNMATCHED,
    /** To a country that could match the proposal next turn: an offer it may accept. */
    OFFER
  }

  public ReportLine {
    orders = List.copyOf(orders);
    Objects.requireNonNull(proposal);
  }

  /** A line that is not about a bilateral proposal. */
  public ReportLine(
      Phase phase, Visibility visibility, String text, String citation, List<Order> orders) {
    this(phase, visibility, text, citation, orders, Proposal.NONE);
  }

  /** The sentence with its citation, as players read it. */
  public String render() {
    return citation.isEmpty() ? text : text + " [" + citation + "]";
  }
}
