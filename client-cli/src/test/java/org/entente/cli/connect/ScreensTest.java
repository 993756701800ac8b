package org.entente.cli.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.entente.proto.protocol.v1.Briefing;
import org.entente.proto.protocol.v1.BriefingSource;
import org.entente.proto.protocol.v1.CountryOrders;
import org.entente.proto.protocol.v1.CountryStatus;
import org.entente.proto.protocol.v1.CriterionStatus;
import org.entente.proto.protocol.v1.Draft;
import org.entente.proto.protocol.v1.DraftOrder;
import org.entente.proto.protocol.v1.GameStateView;
import org.entente.proto.protocol.v1.NamedId;
import org.entente.proto.protocol.v1.ObjectiveScore;
import org.entente.proto.protocol.v1.Order;
import org.entente.proto.protocol.v1.OrderKindBrief;
import org.entente.proto.protocol.v1.OrderSlot;
import org.entente.proto.protocol.v1.OrganisationState;
import org.entente.proto.protocol.v1.Phase;
import org.entente.proto.protocol.v1.ReportLine;
import org.entente.proto.protocol.v1.Role;
import org.entente.proto.protocol.v1.SeatInfo;
import org.entente.proto.protocol.v1.SessionView;
import org.entente.proto.protocol.v1.SlotType;
import org.entente.proto.protocol.v1.TimelineEntry;
import org.entente.proto.protocol.v1.TurnReport;
import org.entente.proto.scenario.v1.OrderKind;
import org.jline.utils.AttributedString;
import org.junit.jupiter.api.Test;

/** briefing, kinds, timeline and completion from a {@link Briefing} built by hand, as the server would send it. */
class ScreensTest {
  private static final SessionView VIEW =
      SessionView.newBuilder()
          .setScenarioTitle("Armenia and the CSTO")
          .setPhase(Phase.RUNNING)
          .setTurn(2)
          .setTotalTurns(8)
          .setViewerRole(Role.PLAYER)
          .setViewerCountry("ARM")
          .addCountries(
              CountryStatus.newBuilder().setId("ARM").setName("Armenia").setPlayable(true))
          .addCountries(
              CountryStatus.newBuilder().setId("AZE").setName("Azerbaijan").setPlayable(true))
          .setGame(
              GameStateView.newBuilder()
                  .setTurn(1)
                  .addOrganisations(
                      OrganisationState.newBuilder()
                          .setId("CSTO")
                          .setName("Collective Security Treaty Organization"))
                  .addObjectives(
                      ObjectiveScore.newBuilder()
                          .setCountry("ARM")
                          .setSummary("Keep the alliance honest.")
                          .setPoints(40)
                          .addCriteria(
                              CriterionStatus.newBuilder()
                                  .setDescription("Give notice by T4")
                                  .setPoints(40)
                                  .setMet(true))))
          .build();

  private static final OrderSlot ORG =
      OrderSlot.newBuilder().setType(SlotType.SLOT_ORGANISATION).setLabel("organisation").build();
  private static final OrderSlot LEVEL =
      OrderSlot.newBuilder()
          .setType(SlotType.SLOT_OPTION)
          .setLabel("tone")
          .addChoices("REASSURE")
          .addChoices("WARN")
          .build();

  private static final Briefing BRIEFING =
      Briefing.newBuilder()
          .setScenarioId("armenia-csto-2024")
          .setDigest("d1")
          .setBackground("Armenia froze its participation in 2024.")
          .addSources(
              BriefingSource.newBuilder()
                  .setKey("rfe")
                  .setCitation("RFE/RL, 23 Feb 2024")
                  .setUrl("https://example.org/a"))
          .addTimeline(
              TimelineEntry.newBuilder()
                  .setDate("2023-09-19")
                  .setText("Azerbaijan's offensive in Karabakh."))
          .addTurnDates("2024-03-01")
          .addTurnDates("2024-04-01")
          .setOrderPoints(3)
          .addOrders(
              CountryOrders.newBuilder()
                  .setCountry("ARM")
                  .addKinds(
                      OrderKindBrief.newBuilder()
                          .setKind(OrderKind.GIVE_NOTICE)
                          .setUsage("GIVE_NOTICE <organisation>")
                          .setCost(2)
                          .setDescription("Start leaving an organisation.")
                          .addSlots(ORG))
                  .addKinds(
                      OrderKindBrief.newBuilder()
                          .setKind(OrderKind.STATEMENT)
                          .setUsage("STATEMENT <target> REASSURE|WARN")
                          .setCost(1)
                          .setMaxPerTurn(2)
                          .setDescription("Say something in public.")
                          .addSlots(
                              OrderSlot.newBuilder()
                                  .setType(SlotType.SLOT_ACTOR)
                                  .setLabel("target"))
                          .addSlots(LEVEL)))
          .addActors(NamedId.newBuilder().setId("EU").setName("European Union"))
          .addOrganisations(NamedId.newBuilder().setId("OSCE").setName("OSCE"))
          .addPresences(NamedId.newBuilder().setId("GYUMRI").setName("102nd base"))
          .build();

  private static List<String> text(List<AttributedString> lines) {
    return lines.stream().map(AttributedString::toString).toList();
  }

  @Test
  void briefingShowsTheServersBackgroundSourcesAndTheSeatsObjectivesWithLiveScores() {
    assertThat(String.join("\n", text(Screens.briefing(Optional.of(BRIEFING), VIEW, 100))))
        .contains("Armenia froze its participation in 2024.")
        .contains("[rfe] RFE/RL, 23 Feb 2024 https://example.org/a")
        .contains("Hidden objectives of Armenia (40/100 now)")
        .contains("[x]  40  Give notice by T4");
    assertThat(String.join("\n", text(Screens.briefing(Optional.empty(), VIEW, 100))))
        .contains("The server sent no briefing")
        .contains("Hidden objectives of Armenia");
  }

  @Test
  void kindsListsTheSeatsOrderKindsWithUsageCostAndWhatTheyDo() {
    String s = String.join("\n", text(Screens.kinds(Optional.of(BRIEFING), "ARM", 120)));
    assertThat(s)
        .contains("GIVE_NOTICE <organisation>")
        .contains("Start leaving an organisation.")
        .contains("STATEMENT <target> REASSURE|WARN")
        .contains("1 (2/turn)")
        .contains("3 order points a turn.");
    assertThat(text(Screens.kinds(Optional.of(BRIEFING), "AZE", 120)))
        .contains("No order kinds for AZE.")
        .noneMatch(l -> l.contains("Start leaving"));
  }

  @Test
  void timelineShowsHistoryAndTheDateOfEachTurn() {
    TurnReport t1 =
        TurnReport.newBuilder()
            .setTurn(1)
            .addLines(ReportLine.newBuilder().setText("Armenia gave notice."))
            .build();
    String s =
        String.join("\n", text(Screens.timeline(Optional.of(BRIEFING), Map.of(1, t1), VIEW, 100)));
    assertThat(s)
        .contains("2023-09-19  Azerbaijan's offensive in Karabakh.")
        .contains("T1 (2024-03-01): Armenia gave notice.")
        .contains("T2 (2024-04-01): open now");
  }

  @Test
  void completionOffersOrganisationsActorsPresencesAndOptionWordsFromTheBriefing() {
    assertThat(ShellCompleter.slot(ORG, BRIEFING, Optional.of(VIEW)))
        .containsExactly("CSTO", "OSCE");
    assertThat(
            ShellCompleter.slot(
                OrderSlot.newBuilder().setType(SlotType.SLOT_ACTOR).build(),
                BRIEFING,
                Optional.of(VIEW)))
        .containsExactly("ARM", "AZE", "EU");
    assertThat(
            ShellCompleter.slot(
                OrderSlot.newBuilder().setType(SlotType.SLOT_PRESENCE).build(),
                BRIEFING,
                Optional.of(VIEW)))
        .containsExactly("GYUMRI");
    assertThat(ShellCompleter.slot(LEVEL, BRIEFING, Optional.of(VIEW)))
        .containsExactly("REASSURE", "WARN");
  }

  @Test
  void kindsShowEveryOptionWordAndOneLineAndHelpKindExplainsOneKind() {
    String kinds = String.join("\n", text(Screens.kinds(Optional.of(BRIEFING), "ARM", 120)));
    assertThat(kinds).contains("Say something in public. Options: REASSURE, WARN.");
    assertThat(kinds).doesNotContain("Options: CSTO");
    String help =
        String.join("\n", text(Screens.kind(Optional.of(BRIEFING), "ARM", "STATEMENT", 100)));
    assertThat(help)
        .contains("STATEMENT <target> REASSURE|WARN")
        .contains("Say something in public.")
        .contains("Cost: 1 order point(s); at most 2 a turn.")
        .contains("  tone: REASSURE, WARN");
    assertThat(text(Screens.kind(Optional.of(BRIEFING), "AZE", "STATEMENT", 100)))
        .containsExactly("AZE cannot give STATEMENT in this scenario; 'kinds' lists the orders.");
  }

  @Test
  void ordersShowWhoWroteEachAndItsCostAndThePointsLeft() {
    Draft d =
        Draft.newBuilder()
            .setCountry("ARM")
            .setTurn(2)
            .addOrders(
                DraftOrder.newBuilder()
                    .setOrderId(1)
                    .setText("GIVE_NOTICE CSTO")
                    .setAuthor("Ani")
                    .setOrder(Order.newBuilder().setKind(OrderKind.GIVE_NOTICE)))
            .addOrders(
                DraftOrder.newBuilder()
                    .setOrderId(2)
                    .setText("STATEMENT RUS WARN")
                    .setAuthor("Bo")
                    .setOrder(Order.newBuilder().setKind(OrderKind.STATEMENT)))
            .build();
    List<String> lines = text(Screens.orders(VIEW, d, Optional.of(BRIEFING), 100));
    assertThat(lines)
        .anyMatch(l -> l.matches("\\s*1\\s+GIVE_NOTICE CSTO\\s+2\\s+Ani\\s*"))
        .anyMatch(l -> l.matches("\\s*2\\s+STATEMENT RUS WARN\\s+1\\s+Bo\\s*"))
        .contains("3 of 3 order points used, 0 left.");
    SessionView withDraft = VIEW.toBuilder().addDrafts(d).build();
    assertThat(Renderers.statusLine(withDraft, Optional.of(BRIEFING), 0, true, 200).toString())
        .contains("points 3/3");
  }

  @Test
  void botPlayedCountriesShowAsBots() {
    SessionView v =
        VIEW.toBuilder()
            .setCountries(1, VIEW.getCountries(1).toBuilder().setBot(true))
            .addSeats(
                SeatInfo.newBuilder()
                    .setSeatId(3)
                    .setDisplayName("Ani")
                    .setRole(Role.PLAYER)
                    .setCountry("ARM")
                    .setConnected(true))
            .build();
    assertThat(text(Screens.who(v, 100)))
        .contains("Played by bots (always ready): AZE Azerbaijan.");
    assertThat(Renderers.statusLine(v, 0, true, 200).toString()).contains("bots: AZE");
  }
}
