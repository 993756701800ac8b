package org.entente.server.session;

import com.google.common.collect.ImmutableList;
import java.util.List;
import org.entente.engine.model.OrderKind;
import org.entente.engine.order.Order;
import org.entente.engine.report.ReportLine;
import org.entente.engine.report.Visibility;
import org.entente.proto.journal.v1.BotRecord;
import org.entente.proto.journal.v1.ChatRecord;
import org.entente.proto.journal.v1.DraftRecord;
import org.entente.proto.journal.v1.EffectRecord;
import org.entente.proto.journal.v1.JournalEvent;
import org.entente.proto.journal.v1.NewsRecord;
import org.entente.proto.journal.v1.OrderRecord;
import org.entente.proto.journal.v1.PhaseRecord;
import org.entente.proto.journal.v1.ReadinessRecord;
import org.entente.proto.journal.v1.ReportLineRecord;
import org.entente.proto.journal.v1.SeatJoinedRecord;
import org.entente.proto.journal.v1.SeatMovedRecord;
import org.entente.proto.journal.v1.TurnResolvedRecord;
import org.entente.proto.protocol.v1.Channel;
import org.entente.server.rules.InjectedEvent;

/** Session events to journal records and back: the one translation layer for the files. */
final class JournalCodec {
  private JournalCodec() {}

  static JournalEvent encode(SessionEvent event) {
    JournalEvent.Builder b = JournalEvent.newBuilder();
    if (event instanceof SessionEvent.SeatJoined e) {
      b.setSeatJoined(
          SeatJoinedRecord.newBuilder()
              .setSeatId(e.seatId())
              .setToken(com.google.protobuf.ByteString.copyFrom(e.token()))
              .setName(e.name())
              .setRole(e.role().name())
              .setCountry(e.country()));
    } else if (event instanceof SessionEvent.SeatMoved e) {
      b.setSeatMoved(
          SeatMovedRecord.newBuilder()
              .setSeatId(e.seatId())
              .setFromCountry(e.fromCountry())
              .setToCountry(e.toCountry()));
    } else if (event instanceof SessionEvent.SeatRemoved e) {
      b.setSeatRemoved(e.seatId());
    } else if (event instanceof SessionEvent.SeatMuted e) {
      b.setSeatMuted(
          org.entente.proto.journal.v1.SeatMutedRecord.newBuilder()
              .setSeatId(e.seatId())
              .setMuted(e.muted()));
    } else if (event instanceof SessionEvent.DraftEdited e) {
      b.setDraftEdited(draft(e.draft()).toBuilder().setEditor(e.editor()));
    } else if (event instanceof SessionEvent.ReadinessChanged e) {
      b.setReadinessChanged(
          ReadinessRecord.newBuilder()
              .setCountry(e.country())
              .setTurn(e.turn())
              .setReady(e.ready()));
    } else if (event instanceof SessionEvent.SeatStatusChanged e) {
      b.setSeatStatus(
          org.entente.proto.journal.v1.SeatStatusRecord.newBuilder()
              .setSeatId(e.seatId())
              .setCountry(e.country())
              .setConnected(e.connected())
              .setReadyTurn(e.readyTurn())
              .setReason(e.reason()));
    } else if (event instanceof SessionEvent.MessagePosted e) {
      ChatMessage m = e.message();
      b.setMessagePosted(
          ChatRecord.newBuilder()
              .setChannel(m.channel().getNumber())
              .setFromCountry(m.fromCountry())
              .setFromName(m.fromName())
              .setToCountry(m.toCountry())
              .setText(m.text())
              .setTurn(m.turn())
              .setEpochMillis(m.epochMillis()));
    } else if (event instanceof SessionEvent.PhaseChanged e) {
      b.setPhaseChanged(
          PhaseRecord.newBuilder()
              .setPhase(e.phase().name())
              .setTurn(e.turn())
              .setDeadlineEpochMillis(e.deadlineEpochMillis())
              .setPausedMillisLeft(e.pausedMillisLeft())
              .setReason(e.reason()));
    } else if (event instanceof SessionEvent.TurnResolved e) {
      TurnResolvedRecord.Builder t =
          TurnResolvedRecord.newBuilder().setTurn(e.turn()).setCause(e.cause()).setSeed(e.seed());
      for (ReportLine line : e.lines()) {
        t.addLines(line(line));
      }
      b.setTurnResolved(t);
    } else if (event instanceof SessionEvent.NewsPublished e) {
      NewsRecord.Builder n =
          NewsRecord.newBuilder()
              .setTitle(e.event().title())
              .setText(e.event().text())
              .setActor(e.event().actor())
              .setTurn(e.turn());
      e.event()
          .effects()
          .forEach(
              f ->
                  n.addEffects(
                      EffectRecord.newBuilder().setTarget(f.target()).setDelta(f.delta())));
      b.setNewsPublished(n);
    } else if (event instanceof SessionEvent.BotChanged e) {
      b.setBotChanged(
          BotRecord.newBuilder().setCountry(e.country()).setBot(e.bot()).setReason(e.reason()));
    } else {
      throw new AssertionError(event);
    }
    return b.build();
  }

  /**
   * A report line as the journal keeps it: the sentence as players read it (with its
   * citation) and its visibility. The phase and the orders behind it are not kept.
   */
  static ReportLineRecord line(ReportLine line) {
    return ReportLineRecord.newBuilder()
        .setText(line.render())
        .setVisibility(line.visibility().scope().name())
        .addAllActors(line.visibility().actors())
        .setProposal(line.proposal() == ReportLine.Proposal.NONE ? "" : line.proposal().name())
        .build();
  }

  /** Whether two reports read the same to every viewer: what the journal records of them is equal. */
  static boolean sameReport(List<ReportLine> a, List<ReportLine> b) {
    return a.stream()
        .map(JournalCodec::line)
        .toList()
        .equals(b.stream().map(JournalCodec::line).toList());
  }

  private static ReportLine decodeLine(ReportLineRecord l) {
    Visibility.Scope scope = Visibility.Scope.valueOf(l.getVisibility());
    Visibility visibility =
        scope == Visibility.Scope.ACTORS
            ? Visibility.actors(l.getActorsList())
            : scope == Visibility.Scope.PUBLIC ? Visibility.PUBLIC : Visibility.GAME_MASTER;
    // The journal keeps what a viewer reads (the rendered sentence, who may read it and what
    // became of a proposal), not the phase or the citation apart: a recorded line is compared
    // and shown as it was sent.
    ReportLine.Proposal proposal =
        l.getProposal().isEmpty()
            ? ReportLine.Proposal.NONE
            : ReportLine.Proposal.valueOf(l.getProposal());
    return new ReportLine(
        org.entente.engine.Phase.UPKEEP, visibility, l.getText(), "", List.of(), proposal);
  }

  private static DraftRecord draft(Draft draft) {
    DraftRecord.Builder d =
        DraftRecord.newBuilder()
            .setCountry(draft.country())
            .setTurn(draft.turn())
            .setReady(draft.ready());
    for (DraftOrder o : draft.orders()) {
      Order p = o.order();
      d.addOrders(
          OrderRecord.newBuilder()
              .setId(o.id())
              .setActor(p.actor())
              .setKind(p.kind().name())
              .setOrg(p.org())
              .setTarget(p.target())
              .setOther(p.other())
              .setOption(p.option())
              .setPresence(p.presence())
              .setText(p.text())
              .setCanonicalText(o.text())
              .setAuthor(o.author()));
    }
    return d.build();
  }

  static SessionEvent decode(JournalEvent e) {
    switch (e.getKindCase()) {
      case SEAT_JOINED:
        SeatJoinedRecord j = e.getSeatJoined();
        return new SessionEvent.SeatJoined(
            j.getSeatId(),
            j.getToken().toByteArray(),
            j.getName(),
            Role.valueOf(j.getRole()),
            j.getCountry());
      case SEAT_MOVED:
        SeatMovedRecord m = e.getSeatMoved();
        return new SessionEvent.SeatMoved(m.getSeatId(), m.getFromCountry(), m.getToCountry());
      case SEAT_REMOVED:
        return new SessionEvent.SeatRemoved(e.getSeatRemoved());
      case SEAT_MUTED:
        return new SessionEvent.SeatMuted(
            e.getSeatMuted().getSeatId(), e.getSeatMuted().getMuted());
      case DRAFT_EDITED:
        DraftRecord d = e.getDraftEdited();
        ImmutableList<DraftOrder> orders =
            d.getOrdersList().stream()
                .map(
                    o ->
                        new DraftOrder(
                            o.getId(),
                            new Order(
                                o.getActor(),
                                OrderKind.valueOf(o.getKind()),
                                o.getOrg(),
                                o.getTarget(),
                                o.getOther(),
                                o.getOption(),
                                o.getPresence(),
                                o.getText()),
                            o.getCanonicalText(),
                            o.getAuthor()))
                .collect(ImmutableList.toImmutableList());
        return new SessionEvent.DraftEdited(
            new Draft(d.getCountry(), d.getTurn(), orders, d.getReady()), d.getEditor());
      case READINESS_CHANGED:
        ReadinessRecord r = e.getReadinessChanged();
        return new SessionEvent.ReadinessChanged(r.getCountry(), r.getTurn(), r.getReady());
      case SEAT_STATUS:
        return new SessionEvent.SeatStatusChanged(
            e.getSeatStatus().getSeatId(),
            e.getSeatStatus().getCountry(),
            e.getSeatStatus().getConnected(),
            e.getSeatStatus().getReadyTurn(),
            e.getSeatStatus().getReason());
      case MESSAGE_POSTED:
        ChatRecord c = e.getMessagePosted();
        return new SessionEvent.MessagePosted(
            new ChatMessage(
                Channel.forNumber(c.getChannel()),
                c.getFromCountry(),
                c.getFromName(),
                c.getToCountry(),
                c.getText(),
                c.getTurn(),
                c.getEpochMillis()));
      case PHASE_CHANGED:
        PhaseRecord p = e.getPhaseChanged();
        return new SessionEvent.PhaseChanged(
            Phase.valueOf(p.getPhase()),
            p.getTurn(),
            p.getDeadlineEpochMillis(),
            p.getPausedMillisLeft(),
            p.getReason());
      case TURN_RESOLVED:
        TurnResolvedRecord t = e.getTurnResolved();
        return new SessionEvent.TurnResolved(
            t.getTurn(),
            t.getCause(),
            t.getSeed(),
            t.getLinesList().stream()
                .map(JournalCodec::decodeLine)
                .collect(ImmutableList.toImmutableList()));
      case NEWS_PUBLISHED:
        NewsRecord n = e.getNewsPublished();
        return new SessionEvent.NewsPublished(
            new InjectedEvent(
                n.getTitle(),
                n.getText(),
                n.getActor(),
                n.getEffectsList().stream()
                    .map(f -> new InjectedEvent.Effect(f.getTarget(), f.getDelta()))
                    .collect(ImmutableList.toImmutableList())),
            n.getTurn());
      case BOT_CHANGED:
        BotRecord bot = e.getBotChanged();
        return new SessionEvent.BotChanged(bot.getCountry(), bot.getBot(), bot.getReason());
      default:
        throw new IllegalArgumentException("unknown journal event " + e.getKindCase());
    }
  }
}
