package org.entente.server.rules;

import com.google.common.base.Strings;
import com.google.common.collect.ImmutableList;
import com.google.protobuf.CodedOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;
import org.entente.engine.model.Actor;
import org.entente.engine.model.Criterion;
import org.entente.engine.model.HistoricalNote;
import org.entente.engine.model.NoteKind;
import org.entente.engine.model.Objective;
import org.entente.engine.model.OrderKind;
import org.entente.engine.model.OrderRule;
import org.entente.engine.model.Organisation;
import org.entente.engine.model.Presence;
import org.entente.engine.model.Scenario;
import org.entente.engine.model.Source;
import org.entente.engine.order.OrderDescriptions;
import org.entente.engine.order.OrderSyntax;
import org.entente.engine.report.Viewer;
import org.entente.proto.protocol.v1.Briefing;
import org.entente.proto.protocol.v1.BriefingSource;
import org.entente.proto.protocol.v1.CountryOrders;
import org.entente.proto.protocol.v1.CriterionBrief;
import org.entente.proto.protocol.v1.NamedId;
import org.entente.proto.protocol.v1.ObjectiveBrief;
import org.entente.proto.protocol.v1.OrderKindBrief;
import org.entente.proto.protocol.v1.OrderSlot;
import org.entente.proto.protocol.v1.SlotType;
import org.entente.proto.protocol.v1.TimelineEntry;
import org.entente.server.net.Frames;

/**
 * An engine scenario as one viewer's {@link Briefing} (see protocol.proto): the one mapping
 * from scenario data to the wire. A player gets their own country's order kinds and hidden
 * objective; the public (spectators) none; the game master every playable country's.
 *
 * <p>A briefing always fits in one frame: if it would not, timeline entries and then sources
 * are left out from the end, and counted in {@code omitted}. Its digest is the SHA-256 (hex)
 * of the serialized briefing without the digest, so it changes exactly when the content does.
 */
public final class Briefings {
  /** Room left in a frame for the ServerMessage around the briefing (request id, field tag, length). */
  static final int ENVELOPE_BYTES = 32;

  /** The largest serialized briefing, digest included. */
  public static final int MAX_BYTES = Frames.MAX_FRAME_BYTES - ENVELOPE_BYTES;

  /** A digest field: tag, length and 64 hex characters. */
  private static final int DIGEST_BYTES = 2 + 64;

  private Briefings() {}

  /** The briefing of {@code scenario} for {@code viewer}, for a session of {@code turns} turns. */
  public static Briefing of(Scenario scenario, Viewer viewer, int turns) {
    Briefing.Builder b =
        Briefing.newBuilder()
            .setScenarioId(scenario.metadata().id())
            .setTitle(scenario.metadata().title())
            .setBackground(Strings.nullToEmpty(scenario.metadata().briefing()));
    for (Source s : scenario.metadata().sources()) {
      b.addSources(
          BriefingSource.newBuilder()
              .setKey(s.key())
              .setCitation(Strings.nullToEmpty(s.citation()))
              .setUrl(Strings.nullToEmpty(s.url())));
    }
    for (HistoricalNote n : scenario.notes()) {
      if (n.kind() == NoteKind.HISTORY) {
        b.addTimeline(
            TimelineEntry.newBuilder()
                .setDate(n.date())
                .setText(n.text())
                .addAllSources(n.sources()));
      }
    }
    for (int turn = 1; turn <= turns; turn++) {
      b.addTurnDates(scenario.metadata().dateOf(turn).toString());
    }
    List<Actor> ordering = countriesOf(scenario, viewer);
    b.setOrderPoints(orderPoints(scenario, viewer));
    for (Actor a : ordering) {
      b.addOrders(orders(scenario, a));
    }
    for (Actor a : ordering) {
      scenario.objectiveOf(a.id()).ifPresent(o -> b.addObjectives(objective(o)));
    }
    scenario.actors().forEach(a -> b.addActors(named(a.id(), a.name())));
    scenario.organisations().forEach(o -> b.addOrganisations(named(o.id(), o.name())));
    scenario.presences().forEach(p -> b.addPresences(named(p.id(), p.name())));
    scenario.tracks().forEach(t -> b.addTracks(named(t.id(), t.name())));
    return fitted(b);
  }

  /** For rules without an engine scenario: what the lobby knows (id, title, summary, countries). */
  public static Briefing of(ScenarioInfo info) {
    Briefing.Builder b =
        Briefing.newBuilder()
            .setScenarioId(info.id())
            .setTitle(info.title())
            .setBackground(info.summary());
    info.countries().forEach(c -> b.addActors(named(c.id(), c.name())));
    return fitted(b);
  }

  /** The countries whose orders and objectives the viewer may know, in scenario order. */
  private static List<Actor> countriesOf(Scenario scenario, Viewer viewer) {
    switch (viewer.kind()) {
      case ACTOR:
        return scenario.actor(viewer.actor()).stream().toList();
      case GAME_MASTER:
        return scenario.playableActors();
      case PUBLIC:
        return List.of();
      default:
        throw new AssertionError(viewer.kind());
    }
  }

  /** A player's own points; for others the playable countries' (the largest, should they differ). */
  private static int orderPoints(Scenario scenario, Viewer viewer) {
    if (viewer.kind() == Viewer.Kind.ACTOR) {
      return scenario.actor(viewer.actor()).map(Actor::orderPoints).orElse(0);
    }
    return scenario.playableActors().stream().mapToInt(Actor::orderPoints).max().orElse(0);
  }

  private static CountryOrders orders(Scenario scenario, Actor actor) {
    CountryOrders.Builder c = CountryOrders.newBuilder().setCountry(actor.id());
    for (OrderKind kind : OrderKind.values()) {
      if (!actor.mayUse(kind)) {
        continue;
      }
      OrderRule rule = scenario.rule(kind);
      OrderKindBrief.Builder k =
          OrderKindBrief.newBuilder()
              .setKind(org.entente.proto.scenario.v1.OrderKind.valueOf(kind.name()))
              .setUsage(OrderSyntax.usage(kind))
              .setDescription(OrderDescriptions.of(kind))
              .setCost(rule.cost())
              .setMaxPerTurn(rule.maxPerTurn());
      for (OrderSyntax.Slot s : OrderSyntax.signature(kind)) {
        k.addSlots(
            OrderSlot.newBuilder()
                .setType(slotType(s.type()))
                .setLabel(s.label())
                .addAllChoices(choices(scenario, s))
                .setOptional(s.optional()));
      }
      if (kind == OrderKind.LOBBY) {
        // LOBBY's last argument depends on the option (see OrderSyntax.usage): a presence, or
        // FUNDS' beneficiary.
        k.addSlots(
            OrderSlot.newBuilder()
                .setType(SlotType.SLOT_TYPE_UNSPECIFIED)
                .setLabel("presence|beneficiary")
                .addAllChoices(ids(scenario.presences(), Presence::id))
                .addAllChoices(ids(scenario.actors(), Actor::id)));
      }
      c.addKinds(k);
    }
    return c.build();
  }

  static SlotType slotType(OrderSyntax.SlotType type) {
    switch (type) {
      case ORG:
        return SlotType.SLOT_ORGANISATION;
      case TARGET:
      case OTHER:
        return SlotType.SLOT_ACTOR;
      case OPTION:
        return SlotType.SLOT_OPTION;
      case PRESENCE:
        return SlotType.SLOT_PRESENCE;
      case TEXT:
        return SlotType.SLOT_TEXT;
      case DIRECTION:
        return SlotType.SLOT_DIRECTION;
      default:
        throw new AssertionError(type);
    }
  }

  /** The words an option slot accepts, or the ids valid in an id slot; none for free text. */
  private static List<String> choices(Scenario scenario, OrderSyntax.Slot slot) {
    switch (slot.type()) {
      case OPTION:
      case DIRECTION:
        return slot.words().asList();
      case ORG:
        return ids(scenario.organisations(), Organisation::id);
      case TARGET:
      case OTHER:
        return ids(scenario.actors(), Actor::id);
      case PRESENCE:
        return ids(scenario.presences(), Presence::id);
      case TEXT:
        return List.of();
      default:
        throw new AssertionError(slot.type());
    }
  }

  private static <T> List<String> ids(List<T> items, Function<T, String> id) {
    return items.stream().map(id).collect(ImmutableList.toImmutableList());
  }

  private static ObjectiveBrief objective(Objective o) {
    ObjectiveBrief.Builder b =
        ObjectiveBrief.newBuilder().setCountry(o.actor()).setSummary(o.summary());
    for (Criterion c : o.criteria()) {
      b.addCriteria(
          CriterionBrief.newBuilder().setDescription(c.description()).setPoints(c.points()));
    }
    return b.build();
  }

  private static NamedId named(String id, String name) {
    return NamedId.newBuilder().setId(id).setName(Strings.nullToEmpty(name)).build();
  }

  /**
   * Leaves out timeline entries, then sources, from the end until the briefing fits in
   * {@link #MAX_BYTES} with its digest and count; then sets both.
   */
  static Briefing fitted(Briefing.Builder b) {
    int budget =
        MAX_BYTES
            - DIGEST_BYTES
            - CodedOutputStream.computeUInt32Size(Briefing.OMITTED_FIELD_NUMBER, Integer.MAX_VALUE);
    int size = b.clearDigest().clearOmitted().build().getSerializedSize();
    int omitted = 0;
    while (size > budget && b.getTimelineCount() > 0) {
      int last = b.getTimelineCount() - 1;
      size -=
          CodedOutputStream.computeMessageSize(Briefing.TIMELINE_FIELD_NUMBER, b.getTimeline(last));
      b.removeTimeline(last);
      omitted++;
    }
    while (size > budget && b.getSourcesCount() > 0) {
      int last = b.getSourcesCount() - 1;
      size -=
          CodedOutputStream.computeMessageSize(Briefing.SOURCES_FIELD_NUMBER, b.getSources(last));
      b.removeSources(last);
      omitted++;
    }
    b.setOmitted(omitted);
    b.setDigest(digest(b.build()));
    Briefing briefing = b.build();
    if (briefing.getSerializedSize() > MAX_BYTES) {
      throw new IllegalStateException(
          "a briefing of "
              + briefing.getSerializedSize()
              + " bytes does not fit in a frame even without its timeline and sources");
    }
    return briefing;
  }

  /** SHA-256, in lower-case hex, of the serialized briefing without its digest. */
  static String digest(Briefing briefing) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return HexFormat.of()
          .formatHex(sha.digest(briefing.toBuilder().clearDigest().build().toByteArray()));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
