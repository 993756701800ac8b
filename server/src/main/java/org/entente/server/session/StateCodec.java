package org.entente.server.session;

import com.google.common.collect.ImmutableMap;
import com.google.protobuf.ByteString;
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

/**
 * A session's state to its snapshot record and back: the one mapping of {@link SessionState}
 * (and of the {@link RulesSteps} that rebuild the rules) to protobuf, next to
 * {@link JournalCodec}, which maps the events. What follows from the scenario and the header
 * (the session's id, join code, turns, press, deadline policy, seed) is not kept here.
 */
final class StateCodec {
  private StateCodec() {}

  static SessionStateRecord encode(SessionState state, List<RulesSteps.Step> steps) {
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
    for (RulesSteps.Step step : steps) {
      r.addRulesSteps(step(step));
    }
    return r.build();
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
