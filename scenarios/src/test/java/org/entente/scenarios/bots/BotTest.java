package org.entente.scenarios.bots;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.entente.engine.Engine;
import org.entente.engine.bot.Bot;
import org.entente.engine.bot.OfferAnswer;
import org.entente.engine.bot.RandomPlayer;
import org.entente.engine.expr.Quantity;
import org.entente.engine.model.Actor;
import org.entente.engine.model.Scenario;
import org.entente.engine.order.Order;
import org.entente.engine.order.OrderCheck;
import org.entente.engine.state.GameState;
import org.entente.scenarios.BuiltInScenarios;
import org.junit.jupiter.api.Test;

/** Bots on the built-in scenario: deterministic, legal, answering requests and offers by doctrine. */
class BotTest {
  private static final Scenario S = BuiltInScenarios.load("armenia-csto-2024");

  private static Order order(String actor, String text) {
    OrderCheck c = Engine.check(S, GameState.initial(S), actor, List.of(), text);
    assertThat(c.isAccepted()).as(c.reason()).isTrue();
    return c.order().orElseThrow();
  }

  /** A whole bot game: the states each turn started from. */
  private static List<GameState> botGame(long seed, int turns) {
    List<GameState> states = new ArrayList<>();
    GameState st = GameState.initial(S);
    for (int t = 0; t < turns; t++) {
      states.add(st);
      Map<String, List<Order>> orders = new LinkedHashMap<>();
      for (Actor a : S.playableActors()) {
        orders.put(a.id(), Bot.orders(S, st, a.id(), seed));
      }
      st = Engine.resolve(S, st, orders, seed + t).state();
    }
    return states;
  }

  @Test
  void sameSeedGivesTheSameOrdersEveryTime() {
    for (GameState st : botGame(3, 12)) {
      for (Actor a : S.playableActors()) {
        assertThat(Bot.orders(S, st, a.id(), 3)).isEqualTo(Bot.orders(S, st, a.id(), 3));
      }
    }
    assertThat(botGame(3, 12).get(11).hash()).isEqualTo(botGame(3, 12).get(11).hash());
  }

  @Test
  void differentSeedsCanGiveDifferentGames() {
    Set<String> ends = new HashSet<>();
    for (long seed = 0; seed < 20; seed++) {
      ends.add(botGame(seed, 12).get(11).hash());
    }
    assertThat(ends).hasSizeGreaterThan(1);
  }

  @Test
  void everyBotOrderIsOneTheEngineAccepts() {
    for (long seed = 0; seed < 5; seed++) {
      for (GameState st : botGame(seed, 12)) {
        for (Actor a : S.playableActors()) {
          List<Order> draft = new ArrayList<>();
          for (Order o : Bot.orders(S, st, a.id(), seed)) {
            OrderCheck c = Engine.check(S, st, draft, o);
            assertThat(c.isAccepted()).as("%s at T%d: %s", o, st.turn() + 1, c.reason()).isTrue();
            draft.add(o);
          }
        }
      }
    }
  }

  @Test
  void randomPlayerGivesOnlyLegalOrdersAndIsSeeded() {
    GameState st = GameState.initial(S);
    RandomPlayer random = new RandomPlayer(S);
    for (Actor a : S.playableActors()) {
      List<Order> orders = random.orders(st, a.id(), 9);
      assertThat(orders).isNotEmpty().isEqualTo(RandomPlayer.orders(S, st, a.id(), 9));
      List<Order> draft = new ArrayList<>();
      for (Order o : orders) {
        assertThat(Engine.check(S, st, draft, o).isAccepted()).as(o.toString()).isTrue();
        draft.add(o);
      }
    }
  }

  @Test
  void botAnswersAnOwedRequestByItsResponseRules() {
    GameState st = GameState.initial(S);
    Map<String, List<Order>> t1 =
        Map.of(
            "AZE", List.of(order("AZE", "ESCALATE ARM INCURSION")),
            "ARM", List.of(order("ARM", "REQUEST_ASSISTANCE CSTO AZE")));
    st = Engine.resolve(S, st, t1, 0).state();
    assertThat(st.openRequests())
        .singleElement()
        .satisfies(r -> assertThat(r.owed()).contains("RUS"));
    // RUS doctrine: aggressor AZE and RUS distrusts the requester -> DIPLOMATIC.
    assertThat(Bot.orders(S, st, "RUS", 1))
        .first()
        .isEqualTo(order("RUS", "RESPOND CSTO ARM DIPLOMATIC"));
    // The answer counts: after the turn the request is answered, not silent.
    Map<String, List<Order>> t2 = Map.of("RUS", Bot.orders(S, st, "RUS", 1));
    var report = Engine.resolve(S, st, t2, 1).report();
    assertThat(report.lines())
        .anyMatch(l -> l.text().startsWith("Russia answered Armenia's request"));
  }

  @Test
  void botAcceptsAnOfferItsDoctrineWantsAndPromisesTheMatchingOrder() {
    GameState st = GameState.initial(S);
    OfferAnswer a = Bot.answerOffer(S, st, "FRA", order("ARM", "ARMS_DEAL BUY FRA MEDIUM"));
    assertThat(a.accept()).isTrue();
    assertThat(a.reason()).isEqualTo("France stands by Armenia");
    assertThat(a.reply()).contains(order("FRA", "ARMS_DEAL SELL ARM MEDIUM"));
    // The promised order comes first among the bot's orders.
    assertThat(Bot.orders(S, st, "FRA", 1, List.of(a.reply().get())))
        .contains(order("FRA", "ARMS_DEAL SELL ARM MEDIUM"));
  }

  @Test
  void botDeclinesWithItsReason() {
    GameState st = GameState.initial(S);
    OfferAnswer sign = Bot.answerOffer(S, st, "AZE", order("ARM", "PEACE_STEP AZE DROP_CLAIMS"));
    assertThat(sign.accept()).isTrue();
    OfferAnswer pact = Bot.answerOffer(S, st, "RUS", order("USA", "JOINT_EXERCISE RUS"));
    assertThat(pact.accept()).isFalse();
    assertThat(pact.reason()).isEqualTo("forces are needed elsewhere");
    assertThat(pact.reply()).isEmpty();
    OfferAnswer mediation = Bot.answerOffer(S, st, "ARM", order("USA", "MEDIATE ARM AZE"));
    assertThat(mediation.reply()).contains(order("ARM", "ACCEPT_MEDIATION USA AZE"));
  }

  @Test
  void botDeclinesWhatItCannotMatchOrHasNoRuleFor() {
    GameState st = GameState.initial(S);
    OfferAnswer notParty =
        Bot.answerOffer(S, st, "FRA", order("ARM", "PEACE_STEP AZE DELIMIT_BORDER"));
    assertThat(notParty.accept()).isFalse();
    assertThat(notParty.reason()).isEqualTo("not an offer France can match");
    // Azerbaijan's doctrine has no rule for ACCEPT_MEDIATION offers.
    OfferAnswer noRule = Bot.answerOffer(S, st, "AZE", order("ARM", "ACCEPT_MEDIATION USA AZE"));
    assertThat(noRule.accept()).isFalse();
    assertThat(noRule.reason()).isEqualTo("no interest in ACCEPT_MEDIATION now");
  }

  @Test
  void aBotDoesNotAcceptAPartnershipStepTheRulesWouldRefuseAndSaysWhatWouldMakeItPossible() {
    // The US doctrine is willing from mutual trust 30; the step needs 45 (ARM->USA and USA->ARM are
    // 40).
    GameState st = GameState.initial(S);
    OfferAnswer early =
        Bot.answerOffer(
            S, st, "USA", order("ARM", "PROPOSE_PARTNERSHIP USA STRATEGIC_PARTNERSHIP"));
    assertThat(early.accept()).isFalse();
    assertThat(early.reply()).isEmpty();
    assertThat(early.reason())
        .isEqualTo(
            "willing, but the step is not possible yet: it needs mutual trust of at least 45"
                + " and the lower of the two is 40; it becomes possible once both trust each other at least 45");
    GameState trusted =
        st.toBuilder()
            .set(Quantity.TRUST, "ARM", "USA", 50)
            .set(Quantity.TRUST, "USA", "ARM", 50)
            .partnership("ARM", "USA", org.entente.engine.model.PartnershipLevel.DIALOGUE, 3)
            .build();
    OfferAnswer ready =
        Bot.answerOffer(
            S, trusted, "USA", order("ARM", "PROPOSE_PARTNERSHIP USA STRATEGIC_PARTNERSHIP"));
    assertThat(ready.accept()).isTrue();
    assertThat(ready.reply())
        .contains(order("USA", "PROPOSE_PARTNERSHIP ARM STRATEGIC_PARTNERSHIP"));
  }

  @Test
  void azerbaijanSignsOnlyAfterThePledge() {
    GameState st = GameState.initial(S).toBuilder().set(Quantity.TRACK, "PEACE", "", 75).build();
    Order sign = Engine.check(S, st, "ARM", List.of(), "PEACE_STEP AZE SIGN").order().orElseThrow();
    OfferAnswer early = Bot.answerOffer(S, st, "AZE", sign);
    assertThat(early.accept()).isFalse();
    assertThat(early.reason()).isEqualTo("no signature without the constitutional pledge");
  }
}
