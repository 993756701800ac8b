package org.entente.server.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.entente.proto.protocol.v1.ClientMessage;
import org.entente.proto.protocol.v1.CountryQuantities;
import org.entente.proto.protocol.v1.GameStateView;
import org.entente.proto.protocol.v1.GetView;
import org.entente.proto.protocol.v1.TrustValue;
import org.entente.server.testing.EmbeddedHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What each viewer sees of the game state: own quantities, own trust, own obligations; the rest is public. */
class GameStateViewTest {
  private final EmbeddedHarness harness = new EmbeddedHarness();

  @AfterEach
  void releaseBuffers() {
    harness.close();
  }

  private static GameStateView game(EmbeddedHarness.Client c) {
    return c.request(ClientMessage.newBuilder().setGetView(GetView.getDefaultInstance()))
        .getView()
        .getGame();
  }

  private static String trust(TrustValue t) {
    return t.getFrom() + ">" + t.getTo();
  }

  @Test
  void eachViewerSeesTheirShareOfTheGameState() {
    EmbeddedHarness.Client gm = harness.gameMaster(3);
    EmbeddedHarness.Client ani = harness.player(gm.joinCode, "Ani", "ARM");
    EmbeddedHarness.Client ivan = harness.player(gm.joinCode, "Ivan", "RUS");
    EmbeddedHarness.Client visitor = harness.spectator(gm.joinCode);

    GameStateView arm = game(ani);
    assertThat(arm.getCountriesList())
        .extracting(CountryQuantities::getCountry)
        .containsExactly("ARM");
    assertThat(arm.getTrustList())
        .extracting(GameStateViewTest::trust)
        .containsExactly("ARM>RUS", "RUS>ARM");
    assertThat(arm.getObligationsList()).isEmpty();
    assertThat(arm.getOrganisations(0).getMembers(0).getStatus()).isEqualTo("FROZEN");
    assertThat(arm.getTracks(0).getValue()).isEqualTo(35);
    assertThat(arm.getObjectivesList())
        .singleElement()
        .satisfies(
            o -> {
              assertThat(o.getCountry()).isEqualTo("ARM");
              assertThat(o.getCriteria(0).getDescription()).isEqualTo("SEC >= 50");
            });

    GameStateView rus = game(ivan);
    assertThat(rus.getCountriesList())
        .extracting(CountryQuantities::getCountry)
        .containsExactly("RUS");
    assertThat(rus.getTrustList())
        .extracting(GameStateViewTest::trust)
        .containsExactly("ARM>RUS", "RUS>ARM", "RUS>AZE");
    assertThat(rus.getObligationsList())
        .containsExactly("RUS owes ARM an answer in the CSTO by the end of T2.");

    GameStateView pub = game(visitor);
    assertThat(pub.getCountriesList()).isEmpty();
    assertThat(pub.getTrustList()).isEmpty();
    assertThat(pub.getObligationsList()).isEmpty();
    assertThat(pub.getObjectivesList()).isEmpty();
    assertThat(pub.getOrganisationsCount()).isEqualTo(1);
    assertThat(pub.getTracksCount()).isEqualTo(1);

    GameStateView all = game(gm);
    assertThat(all.getCountriesCount()).isEqualTo(2);
    assertThat(all.getTrustCount()).isEqualTo(3);
    assertThat(all.getObligationsCount()).isEqualTo(1);
    assertThat(all.getObjectivesCount()).isEqualTo(2);
  }
}
