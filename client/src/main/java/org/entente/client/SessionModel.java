package org.entente.client;

import org.entente.proto.protocol.v1.ClientMessage;
import org.entente.proto.protocol.v1.Event;
import org.entente.proto.protocol.v1.Role;
import org.entente.proto.protocol.v1.ServerMessage;
import org.entente.proto.protocol.v1.SessionView;

/**
 * What the server's responses and events build on this side: the seat, the view kept current
 * by events ({@link ViewModel}), the newest event seen, and the {@link ClientLog}. No threads,
 * no network: {@link ClientSession} calls it under its lock and decides who hears what.
 */
final class SessionModel {
  /** What a response did. */
  enum Absorbed {
    NOTHING,
    VIEW,
    /** A seat was taken (created, joined, resumed): save it. */
    SEATED,
    BRIEFING
  }

  /** What an event did. */
  record Applied(boolean duplicate, boolean catchUp, boolean changedView, boolean movedOwnSeat) {}

  private final SeatKeeper seat;
  private ClientLog log = ClientLog.EMPTY;
  private SessionView view;

  /** The seq the current view already includes. */
  private long viewSeq;

  private long lastSeq;

  /** Events still to come that replay history this process had not seen. */
  private int catchUpLeft;

  SessionModel(SeatKeeper seat) {
    this.seat = seat;
  }

  Absorbed absorb(ClientMessage.Builder request, ServerMessage response) {
    // No default: a new kind of response does not compile until it is decided here.
    return switch (response.getBodyCase()) {
      case SESSION_CREATED -> {
        String name = request.getCreateSession().getDisplayName();
        seated(
            Role.GAME_MASTER,
            name.isEmpty() ? "Game master" : name,
            response.getSessionCreated().getJoinCode(),
            response.getSessionCreated().getGameMasterToken(),
            0,
            response.getSessionCreated().getView(),
            0);
        yield Absorbed.SEATED;
      }
      case JOINED -> {
        boolean join = request.hasJoinSession();
        seated(
            response.getJoined().getRole(),
            join
                ? request.getJoinSession().getDisplayName()
                : request.getSpectate().getDisplayName(),
            join ? request.getJoinSession().getJoinCode() : request.getSpectate().getJoinCode(),
            response.getJoined().getSeatToken(),
            response.getJoined().getSeatId(),
            response.getJoined().getView(),
            0);
        yield Absorbed.SEATED;
      }
      case RESUMED -> {
        seated(
            response.getResumed().getRole(),
            seat.name(),
            request.getResume().getJoinCode(),
            request.getResume().getToken(),
            response.getResumed().getSeatId(),
            response.getResumed().getView(),
            response.getResumed().getReplayed());
        if (request.getResume().getLastSeq() > 0) {
          // Resuming from where this process stopped: what follows is news, not history.
          catchUpLeft = 0;
        }
        yield Absorbed.SEATED;
      }
      case VIEW -> {
        setView(response.getView());
        yield Absorbed.VIEW;
      }
      case DRAFT_UPDATED -> {
        view = ViewModel.withDraft(view, response.getDraftUpdated().getDraft());
        yield Absorbed.VIEW;
      }
      case BRIEFING -> Absorbed.BRIEFING;
      case ERROR,
          EVENT,
          WELCOME,
          SCENARIO_LIST,
          SESSION_INFO,
          HISTORY_PAGE,
          RECORD_EXPORT,
          OK,
          PING,
          BODY_NOT_SET ->
          Absorbed.NOTHING;
    };
  }

  private void seated(
      Role role, String name, String code, String token, long seatId, SessionView v, int replayed) {
    seat.seated(role, name, code, token, seatId);
    catchUpLeft = replayed;
    setView(v);
  }

  void setView(SessionView v) {
    log = log.withSeats(v.getSeatsList());
    view = v;
    viewSeq = Math.max(viewSeq, v.getLastSeq());
  }

  Applied apply(Event e) {
    boolean catchUp = catchUpLeft > 0;
    if (catchUp) {
      catchUpLeft--;
    }
    if (e.getSeq() <= lastSeq) {
      return new Applied(true, catchUp, false, false);
    }
    lastSeq = e.getSeq();
    boolean moved =
        e.hasSeatMoved() && seat.isSeat(e.getSeatMoved().getSeatId()) && e.getSeq() > viewSeq;
    // No default: a new kind of event does not compile until it is decided here.
    log =
        switch (e.getKindCase()) {
          case MESSAGE, NEWS -> log.withInboxEvent(e, catchUp);
          // The game master reads every country's offers; only a player is offered anything.
          case TURN_REPORT ->
              seat.role() == Role.PLAYER
                  ? log.withReport(e.getTurnReport()).withOffers(e, catchUp)
                  : log.withReport(e.getTurnReport());
          case SEATS_CHANGED -> log.withSeats(e.getSeatsChanged().getSeatsList());
          case SEAT_MOVED -> {
            if (moved) {
              view = view.toBuilder().setViewerCountry(e.getSeatMoved().getToCountry()).build();
            }
            yield log;
          }
          case DRAFT_UPDATED,
              READINESS_CHANGED,
              PHASE_CHANGED,
              SEAT_REMOVED,
              BOT_CHANGED,
              SEAT_MUTED,
              SEAT_STATUS,
              KIND_NOT_SET ->
              log;
        };
    boolean changesView = e.getSeq() > viewSeq && view != null;
    if (changesView) {
      view = ViewModel.apply(view, e);
    }
    return new Applied(false, catchUp, changesView, moved);
  }

  /** Back in the lobby: the seat is gone. */
  void lostSeat() {
    seat.lostSeat();
    view = null;
  }

  void markAllRead() {
    log = log.allRead();
  }

  boolean inSession() {
    return view != null && seat.role() != Role.ROLE_UNSPECIFIED;
  }

  /** The seat a briefing is for (session, role, country); "" in the lobby. */
  String briefingKey() {
    return inSession() ? seat.joinCode() + "/" + seat.role() + "/" + view.getViewerCountry() : "";
  }

  SeatKeeper seat() {
    return seat;
  }

  ClientLog log() {
    return log;
  }

  /** The current view; null in the lobby. */
  SessionView view() {
    return view;
  }

  long lastSeq() {
    return lastSeq;
  }
}
