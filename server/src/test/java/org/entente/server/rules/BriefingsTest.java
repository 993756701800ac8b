package org.entente.server.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.entente.engine.model.HistoricalNote;
import org.entente.engine.model.Metadata;
import org.entente.engine.model.NoteKind;
import org.entente.engine.model.Objective;
import org.entente.engine.model.Scenario;
import org.entente.engine.model.Source;
import org.entente.engine.report.Viewer;
import org.entente.proto.protocol.v1.Briefing;
import org.entente.proto.protocol.v1.CountryOrders;
import org.entente.proto.protocol.v1.NamedId;
import org.entente.proto.protocol.v1.ObjectiveBrief;
import org.entente.proto.protocol.v1.OrderKindBrief;
import org.entente.proto.protocol.v1.OrderSlot;
import org.entente.proto.protocol.v1.SlotType;
import org.entente.proto.scenario.v1.OrderKind;
import org.entente.scenarios.BuiltInScenarios;
import org.entente.server.net.Frames;
import org.entente.server.testing.SmallScenario;
import org.junit.jupiter.api.Test;

class BriefingsTest {
  private static final Scenario ARMENIA = BuiltInScenarios.load("armenia-csto-2024");

  @Test
  void aPlayerGetsTheirOwnCountrysOrderKindsAndObjectiveOnly() {
    Scenario small = SmallScenario.build();
    Briefing rus = Briefings.of(small, Viewer.actor("RUS"), 3);
    assertThat(rus.getOrdersList()).extracting(CountryOrders::getCountry).containsExactly("RUS");
    assertThat(rus.getOrders(0).getKindsList())
        .extracting(OrderKindBrief::getKind)
        .containsExactly(OrderKind.STATEMENT);
    assertThat(rus.getOrderPoints()).isEqualTo(3);

    Briefing arm = Briefings.of(ARMENIA, Viewer.actor("ARM"), 12);
    assertThat(arm.getObjectivesList())
        .extracting(ObjectiveBrief::getCountry)
        .containsExactly("ARM");
    Objective own = ARMENIA.objectiveOf("ARM").orElseThrow();
    assertThat(arm.getObjectives(0).getSummary()).isEqualTo(own.summary());
    assertThat(arm.getObjectives(0).getCriteriaList()).hasSize(own.criteria().size());
    assertThat(arm.getObjectives(0).getCriteria(0).getDescription())
        .isEqualTo(own.criteria().get(0).description());
    assertThat(arm.getObjectives(0).getCriteriaList().stream().mapToInt(c -> c.getPoints()).sum())
        .isEqualTo(100);
    assertThat(arm.getOrdersList()).extracting(CountryOrders::getCountry).containsExactly("ARM");
    assertThat(arm.getOrders(0).getKindsCount()).isEqualTo(OrderKind.values().length - 2);
    assertThat(arm.toString()).doesNotContain(ARMENIA.objectiveOf("RUS").orElseThrow().summary());
  }

  @Test
  void aSpectatorGetsTheScenarioButNoOrdersOrObjectives() {
    Briefing spectator = Briefings.of(ARMENIA, Viewer.PUBLIC, 12);
    assertThat(spectator.getOrdersList()).isEmpty();
    assertThat(spectator.getObjectivesList()).isEmpty();
    assertThat(spectator.getScenarioId()).isEqualTo("armenia-csto-2024");
    assertThat(spectator.getTitle()).isEqualTo(ARMENIA.metadata().title());
    assertThat(spectator.getBackground()).isEqualTo(ARMENIA.metadata().briefing()).isNotBlank();
    assertThat(spectator.getSourcesCount()).isEqualTo(ARMENIA.metadata().sources().size());
    assertThat(spectator.getTimelineCount())
        .isEqualTo(ARMENIA.notes().stream().filter(n -> n.kind() == NoteKind.HISTORY).count())
        .isPositive();
    assertThat(spectator.getTimeline(0).getDate()).isEqualTo("1992-05-15");
    assertThat(spectator.getTurnDatesList())
        .hasSize(12)
        .startsWith(ARMENIA.metadata().dateOf(1).toString());
    assertThat(spectator.getActorsList())
        .extracting(NamedId::getId)
        .contains("ARM", "RUS", "KAZ", "EU");
    assertThat(spectator.getOrganisationsList())
        .extracting(NamedId::getId)
        .contains("CSTO", "EU_ORG");
    assertThat(spectator.getPresencesList()).extracting(NamedId::getId).contains("EUMA");
    assertThat(spectator.getTracksCount()).isEqualTo(ARMENIA.tracks().size());
    assertThat(spectator.getOmitted()).isZero();
  }

  @Test
  void theGameMasterGetsEveryPlayableCountrysOrdersAndObjectives() {
    Briefing gm = Briefings.of(ARMENIA, Viewer.GAME_MASTER, 12);
    List<String> playable = ARMENIA.playableActors().stream().map(a -> a.id()).toList();
    assertThat(gm.getOrdersList())
        .extracting(CountryOrders::getCountry)
        .containsExactlyElementsOf(playable);
    assertThat(gm.getObjectivesList())
        .extracting(ObjectiveBrief::getCountry)
        .containsExactlyElementsOf(playable);
  }

  @Test
  void eachKindCarriesItsSyntaxCostLimitAndSlots() {
    Briefing arm = Briefings.of(ARMENIA, Viewer.actor("ARM"), 12);
    OrderKindBrief escalate = kind(arm, OrderKind.ESCALATE);
    assertThat(escalate.getUsage()).isEqualTo("ESCALATE <target> INCIDENT|INCURSION|OFFENSIVE");
    assertThat(escalate.getDescription()).endsWith(".").doesNotContain("\n");
    org.entente.engine.model.OrderRule rule =
        ARMENIA.rule(org.entente.engine.model.OrderKind.ESCALATE);
    assertThat(escalate.getCost()).isEqualTo(rule.cost());
    assertThat(escalate.getMaxPerTurn()).isEqualTo(rule.maxPerTurn());
    assertThat(escalate.getSlotsList())
        .extracting(OrderSlot::getType)
        .containsExactly(SlotType.SLOT_ACTOR, SlotType.SLOT_OPTION);
    assertThat(escalate.getSlots(0).getChoicesList())
        .contains("AZE", "RUS", "EU")
        .hasSize(ARMENIA.actors().size());
    assertThat(escalate.getSlots(1).getChoicesList())
        .containsExactly("INCIDENT", "INCURSION", "OFFENSIVE");
    assertThat(escalate.getSlots(1).getLabel()).isEqualTo("level");

    assertThat(kind(arm, OrderKind.GIVE_NOTICE).getSlots(0))
        .satisfies(
            s -> {
              assertThat(s.getType()).isEqualTo(SlotType.SLOT_ORGANISATION);
              assertThat(s.getChoicesList()).contains("CSTO", "EU_ORG");
            });
    assertThat(kind(arm, OrderKind.ARMS_DEAL).getSlots(0))
        .satisfies(
            s -> {
              assertThat(s.getType()).isEqualTo(SlotType.SLOT_DIRECTION);
              assertThat(s.getChoicesList()).containsExactly("SELL", "BUY");
            });
    assertThat(kind(arm, OrderKind.MEDIATE).getSlotsList())
        .extracting(OrderSlot::getType)
        .containsExactly(SlotType.SLOT_ACTOR, SlotType.SLOT_ACTOR);
    assertThat(kind(arm, OrderKind.PRESENCE).getSlots(0).getChoicesList()).contains("EUMA");
    assertThat(kind(arm, OrderKind.STATEMENT).getSlots(2))
        .satisfies(
            s -> {
              assertThat(s.getType()).isEqualTo(SlotType.SLOT_TEXT);
              assertThat(s.getOptional()).isTrue();
              assertThat(s.getChoicesList()).isEmpty();
            });
  }

  @Test
  void theDigestIsAStableHashOfTheContent() throws Exception {
    Briefing once = Briefings.of(ARMENIA, Viewer.actor("ARM"), 12);
    Briefing again =
        Briefings.of(BuiltInScenarios.load("armenia-csto-2024"), Viewer.actor("ARM"), 12);
    assertThat(again).isEqualTo(once);
    byte[] content = once.toBuilder().clearDigest().build().toByteArray();
    assertThat(once.getDigest())
        .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)));
    assertThat(Briefings.of(ARMENIA, Viewer.actor("RUS"), 12).getDigest())
        .isNotEqualTo(once.getDigest());
    assertThat(Briefings.of(ARMENIA, Viewer.actor("ARM"), 6).getDigest())
        .isNotEqualTo(once.getDigest());
  }

  @Test
  void theBuiltInScenariosBriefingsFitInAFrameWithNothingLeftOut() {
    for (Viewer viewer : List.of(Viewer.PUBLIC, Viewer.actor("ARM"), Viewer.GAME_MASTER)) {
      Briefing b = Briefings.of(ARMENIA, viewer, 120);
      assertThat(b.getOmitted()).as(viewer.toString()).isZero();
      assertThat(b.getSerializedSize())
          .as(viewer.toString())
          .isLessThanOrEqualTo(Briefings.MAX_BYTES);
    }
  }

  @Test
  void aBriefingTooLargeForAFrameLeavesOutTimelineThenSourcesFromTheEnd() {
    Scenario small = SmallScenario.build();
    List<Source> sources = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      sources.add(
          new Source(
              "S" + i,
              "Source number " + i + ", a long citation of a report that goes on and on.",
              "https://example.org/reports/" + i));
    }
    List<HistoricalNote> notes = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      notes.add(
          new HistoricalNote(
              String.format("20%02d-01-01", i % 100),
              NoteKind.HISTORY,
              "Something happened, " + i + ".",
              List.of("S" + i)));
    }
    notes.add(
        new HistoricalNote("2024-06-01", NoteKind.AFTERWARDS, "Not for the briefing.", List.of()));
    Metadata m = small.metadata();
    Scenario big =
        new Scenario(
            new Metadata(
                m.id(),
                m.title(),
                m.summary(),
                m.startDate(),
                m.turnLength(),
                m.defaultTurns(),
                m.briefing(),
                sources,
                m.author(),
                m.defaultPress()),
            small.actors(),
            small.organisations(),
            small.relations(),
            small.partnerships(),
            small.tracks(),
            small.presences(),
            Map.of(),
            small.mechanics(),
            small.events(),
            small.objectives(),
            notes);

    Briefing b = Briefings.of(big, Viewer.GAME_MASTER, 3);
    assertThat(b.getSerializedSize()).isLessThanOrEqualTo(Briefings.MAX_BYTES);
    assertThat(b.getTimelineList()).as("the timeline goes first").isEmpty();
    assertThat(b.getSourcesCount()).isPositive().isLessThan(1000);
    assertThat(b.getSources(b.getSourcesCount() - 1).getKey())
        .isEqualTo("S" + (b.getSourcesCount() - 1));
    assertThat(b.getOmitted()).isEqualTo(300 + 1000 - b.getSourcesCount());
    assertThat(Briefings.MAX_BYTES - b.getSerializedSize())
        .as("only as much as needed is left out")
        .isLessThan(200);

    // Only part of the timeline needs to go when the sources are few.
    Scenario timelineOnly =
        new Scenario(
            new Metadata(
                m.id(),
                m.title(),
                m.summary(),
                m.startDate(),
                m.turnLength(),
                m.defaultTurns(),
                m.briefing(),
                sources.subList(0, 10),
                m.author(),
                m.defaultPress()),
            small.actors(),
            small.organisations(),
            small.relations(),
            small.partnerships(),
            small.tracks(),
            small.presences(),
            Map.of(),
            small.mechanics(),
            small.events(),
            small.objectives(),
            repeat(notes.subList(0, 300), 10));
    Briefing t = Briefings.of(timelineOnly, Viewer.actor("ARM"), 3);
    assertThat(t.getSourcesCount()).isEqualTo(10);
    assertThat(t.getTimelineCount()).isPositive().isLessThan(3000);
    assertThat(t.getOmitted()).isEqualTo(3000 - t.getTimelineCount());
    assertThat(t.getSerializedSize()).isLessThanOrEqualTo(Briefings.MAX_BYTES);
  }

  @Test
  void aBriefingInAServerMessageFitsInAFrame() {
    assertThat(Briefings.MAX_BYTES + Briefings.ENVELOPE_BYTES).isEqualTo(Frames.MAX_FRAME_BYTES);
    Briefing largest =
        Briefing.newBuilder().setBackground("x".repeat(Briefings.MAX_BYTES - 4)).build();
    assertThat(largest.getSerializedSize()).isLessThanOrEqualTo(Briefings.MAX_BYTES);
    int framed =
        org.entente.proto.protocol.v1.ServerMessage.newBuilder()
            .setRequestId(Long.MAX_VALUE)
            .setBriefing(largest)
            .build()
            .getSerializedSize();
    assertThat(framed).isLessThanOrEqualTo(Frames.MAX_FRAME_BYTES);
  }

  @Test
  void reportsTheBuiltInScenariosBriefingSizes() {
    int player =
        Briefings.of(ARMENIA, Viewer.actor("ARM"), ARMENIA.metadata().defaultTurns())
            .getSerializedSize();
    int gm =
        Briefings.of(ARMENIA, Viewer.GAME_MASTER, ARMENIA.metadata().defaultTurns())
            .getSerializedSize();
    System.out.println(
        "armenia-csto-2024 briefing: player " + player + " bytes, game master " + gm + " bytes");
    assertThat(gm).isGreaterThan(player);
  }

  private static List<HistoricalNote> repeat(List<HistoricalNote> notes, int times) {
    List<HistoricalNote> all = new ArrayList<>();
    for (int i = 0; i < times; i++) {
      all.addAll(notes);
    }
    return all;
  }

  private static OrderKindBrief kind(Briefing b, OrderKind kind) {
    return b.getOrders(0).getKindsList().stream()
        .filter(k -> k.getKind() == kind)
        .findFirst()
        .orElseThrow();
  }
}
