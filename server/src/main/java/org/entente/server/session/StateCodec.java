package org.entente.server.session;

import com.google.common.collect.ImmutableMap;
import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.WireFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.entente.engine.order.Order;
import org.entente.proto.journal.v1.ActorOrders;
import org.entente.proto.journal.v1.AuthorshipRecord;
import org.entente.proto.journal.v1.DraftRecord;
import org.entente.proto.journal.v1.ResolvedTurnStep;
import org.entente.proto.journal.v1.RulesStep;
import org.entente.proto.journal.v1.SeatRecord;
import org.entente.proto.journal.v1.SessionStateRecord;
import org.entente.proto.journal.v1.Snapshot;

/**
 * A session's state to its snapshot record and back: the one mapping of {@link SessionState}
 * (and of the {@link RulesSteps} that rebuild the rules) to protobuf, next to
 * {@link JournalCodec}, which maps the events. What follows from the scenario and the header
 * (the session's id, join code, turns, press, deadline policy, seed) is not kept here.
 */
final class StateCodec {
  private StateCodec() {}

  /**
   * {@code snapshot} (which has no state) with the session's state as its state: the bytes of
   * the snapshot with both. The rules steps, which {@code steps} keeps encoded, are copied as
   * they are, not encoded again (a message field given twice is merged: the state is the
   * record without its steps followed by them).
   */
  static byte[] snapshot(Snapshot snapshot, SessionState state, RulesSteps steps) {
    if (snapshot.hasState()) {
      throw new IllegalArgumentException("the snapshot already holds a state");
    }
    byte[] rest = withoutSteps(state).toByteArray();
    int stateBytes = rest.length + steps.encodedBytes();
    byte[] out =
        new byte
            [snapshot.getSerializedSize()
                + CodedOutputStream.computeTagSize(Snapshot.STATE_FIELD_NUMBER)
                + CodedOutputStream.computeUInt32SizeNoTag(stateBytes)
                + stateBytes];
    CodedOutputStream o = CodedOutputStream.newInstance(out);
    try {
      snapshot.writeTo(o);
      o.writeTag(Snapshot.STATE_FIELD_NUMBER, WireFormat.WIRETYPE_LENGTH_DELIMITED);
      o.writeUInt32NoTag(stateBytes);
      o.writeRawBytes(rest);
      steps.writeTo(o);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    o.checkNoSpaceLeft();
    return out;
  }

  /** The state's record, all but its rules steps. */
  private static SessionStateRecord withoutSteps(SessionState state) {
    SessionStateRecord.Builder r =
        SessionStateRecord.newBuilder()
            .setPhase(state.phase.name())
            .setTurn(state.turn)
            .setDeadlineEpochMillis(state.deadlineEpochMillis)
            .setPausedMillisLeft(state.pausedMillisLeft)
            .addAllBots(state.bots)
            .setNextSeatId(state.peekNextSeatId())
            .setNextOrderId(state.peekNextOrderId())
            .setMessagesPosted(state.messagesPosted);
    for (Seat seat : state.seats()) {
      r.addSeats(
          SeatRecord.newBuilder()
              .setId(seat.id)
              .setToken(ByteString.copyFrom(seat.token()))
              .setName(seat.name)
              .setRole(seat.role.name())
              .setCountry(seat.country)
              .setMuted(seat.muted)
              .setReadyTurn(seat.readyTurn));
    }
    for (Draft draft : state.drafts()) {
      r.addDrafts(JournalCodec.draft(draft));
    }
    for (SessionState.Authorship a : state.authorships()) {
      r.addAuthorship(
          AuthorshipRecord.newBuilder()
              .setCountry(a.country())
              .setAuthor(a.author())
              .setOrdersAdded(a.counts()[0])
              .setOrdersSealed(a.counts()[1])
              .setFirstOrderTurn(a.counts()[2])
              .setLastOrderTurn(a.counts()[3]));
    }
    return r.build();
  }

  /**
   * One step as a state record holds it among its rules steps: the bytes of a record holding
   * only that step, so that steps written one after another are a record holding them all.
   */
  static byte[] stepBytes(RulesSteps.Step step) {
    return SessionStateRecord.newBuilder().addRulesSteps(step(step)).build().toByteArray();
  }

  /** The steps {@link #stepBytes} wrote one after another, in order. */
  static List<RulesSteps.Step> steps(byte[] encoded) {
    List<RulesStep> records;
    try {
      records = SessionStateRecord.parseFrom(encoded).getRulesStepsList();
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("the session's own rules steps do not decode", e);
    }
    List<RulesSteps.Step> steps = new ArrayList<>(records.size());
    for (RulesStep step : records) {
      steps.add(step(step));
    }
    return steps;
  }

  private static RulesStep step(RulesSteps.Step step) {
    if (step instanceof RulesSteps.Injected i) {
      return RulesStep.newBuilder().setInject(JournalCodec.news(i.event(), i.turn())).build();
    }
    RulesSteps.Resolved resolved = (RulesSteps.Resolved) step;
    ResolvedTurnStep.Builder t =
        ResolvedTurnStep.newBuilder()
            .setTurn(resolved.turn())
            .setSeed(resolved.seed())
            .setFinalTurn(resolved.finalTurn());
    resolved
        .orders()
        .forEach(
            (actor, orders) -> {
              ActorOrders.Builder a = ActorOrders.newBuilder().setActor(actor);
              orders.forEach(o -> a.addOrders(JournalCodec.order(o)));
              t.addOrders(a);
            });
    return RulesStep.newBuilder().setResolved(t).build();
  }

  /**
   * Puts {@code record}, the state as of event {@code lastSeq}, into {@code state}, which has
   * applied nothing yet; returns the rules steps to make again, in order.
   */
  static List<RulesSteps.Step> decode(SessionStateRecord record, long lastSeq, SessionState state) {
    state.phase = Phase.valueOf(record.getPhase());
    state.turn = record.getTurn();
    state.deadlineEpochMillis = record.getDeadlineEpochMillis();
    state.pausedMillisLeft = record.getPausedMillisLeft();
    state.bots.addAll(record.getBotsList());
    state.messagesPosted = record.getMessagesPosted();
    List<Seat> seats = new ArrayList<>();
    for (SeatRecord s : record.getSeatsList()) {
      Seat seat =
          new Seat(
              s.getId(),
              s.getToken().toByteArray(),
              s.getName(),
              Role.valueOf(s.getRole()),
              s.getCountry());
      seat.muted = s.getMuted();
      seat.readyTurn = s.getReadyTurn();
      seats.add(seat);
    }
    List<Draft> drafts = new ArrayList<>();
    for (DraftRecord d : record.getDraftsList()) {
      drafts.add(JournalCodec.draft(d));
    }
    List<SessionState.Authorship> authorship = new ArrayList<>();
    for (AuthorshipRecord a : record.getAuthorshipList()) {
      authorship.add(
          new SessionState.Authorship(
              a.getCountry(),
              a.getAuthor(),
              new int[] {
                a.getOrdersAdded(), a.getOrdersSealed(), a.getFirstOrderTurn(), a.getLastOrderTurn()
              }));
    }
    state.restore(
        lastSeq, seats, drafts, authorship, record.getNextSeatId(), record.getNextOrderId());
    List<RulesSteps.Step> steps = new ArrayList<>();
    for (RulesStep step : record.getRulesStepsList()) {
      steps.add(step(step));
    }
    return steps;
  }

  private static RulesSteps.Step step(RulesStep step) {
    switch (step.getStepCase()) {
      case INJECT:
        return new RulesSteps.Injected(
            JournalCodec.injected(step.getInject()), step.getInject().getTurn());
      case RESOLVED:
        ResolvedTurnStep t = step.getResolved();
        ImmutableMap.Builder<String, List<Order>> orders = ImmutableMap.builder();
        for (ActorOrders a : t.getOrdersList()) {
          orders.put(a.getActor(), a.getOrdersList().stream().map(JournalCodec::order).toList());
        }
        return new RulesSteps.Resolved(t.getTurn(), t.getSeed(), t.getFinalTurn(), orders.build());
      default:
        throw new IllegalArgumentException("unknown rules step " + step.getStepCase());
    }
  }
}
