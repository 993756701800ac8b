package org.entente.engine.resolve;

import java.util.Locale;
import java.util.Optional;
import org.entente.engine.model.OrderKind;
import org.entente.engine.model.PartnershipLevel;
import org.entente.engine.model.Scenario;
import org.entente.engine.model.VariantRule;
import org.entente.engine.state.GameState;

/**
 * Whether two actors can take a step up the partnership ladder now (docs/rules.md, section 5):
 * the one rule that matching (P7) and a bot answering an offer both read.
 */
public final class Partnerships {
  private Partnerships() {}

  /**
   * Why {@code a} and {@code b} cannot raise their relationship to {@code wanted} in
   * {@code state}, with what would make it possible; empty if they can.
   */
  public static Optional<String> whyNot(
      Scenario scenario, GameState state, String a, String b, PartnershipLevel wanted) {
    PartnershipLevel current = state.partnershipLevel(a, b);
    VariantRule v = scenario.rule(OrderKind.PROPOSE_PARTNERSHIP).variants().get(wanted.name());
    int minTrust = v == null ? Integer.MIN_VALUE : v.amount();
    int minTurns = v == null ? 0 : v.turns();
    int mutual = Math.min(state.trust(a, b), state.trust(b, a));
    int turns = state.partnershipTurns(a, b);
    if (wanted.ordinal() != current.ordinal() + 1) {
      return Optional.of(
          "they are at "
              + current
              + "; the next step is "
              + (current.ordinal() + 1 < PartnershipLevel.values().length
                  ? PartnershipLevel.values()[current.ordinal() + 1]
                  : "none"));
    }
    if (mutual < minTrust) {
      return Optional.of(
          "it needs mutual trust of at least "
              + minTrust
              + " and the lower of the two is "
              + mutual
              + "; it becomes possible once both trust each other at least "
              + minTrust);
    }
    if (turns < minTurns) {
      return Optional.of(
          "it needs "
              + minTurns
              + " turns at "
              + current
              + " and they have "
              + turns
              + "; it becomes possible in "
              + Turn.count(minTurns - turns, "turn"));
    }
    return Optional.empty();
  }

  /** "strategic partnership". */
  static String words(PartnershipLevel level) {
    return level.name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }
}
