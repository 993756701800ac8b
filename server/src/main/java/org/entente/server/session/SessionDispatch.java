package org.entente.server.session;

import java.util.Locale;
import org.entente.proto.protocol.v1.ClientMessage;
import org.entente.proto.protocol.v1.ClientMessage.BodyCase;
import org.entente.proto.protocol.v1.ConnectionStage;
import org.entente.proto.protocol.v1.ErrorCode;
import org.entente.proto.protocol.v1.Ok;
import org.entente.proto.protocol.v1.ServerMessage;
import org.entente.protocol.Requests;

/**
 * Routes each in-session request to the method that answers it, after the checks the
 * request contract declares (protocol.proto, read through {@link Requests}): the request
 * belongs in a session, and the seat's role may send it. Finer checks (the own country only,
 * the press setting, the phase) are the handlers'. The route is a switch expression over
 * every kind with no default, so a kind added to the protocol does not compile until it is
 * routed here. Session-thread only.
 */
final class SessionDispatch {
  private final PlayerCommands players;
  private final GameMasterCommands gameMaster;
  private final Seating seating;
  private final Turns turns;

  SessionDispatch(
      PlayerCommands players, GameMasterCommands gameMaster, Seating seating, Turns turns) {
    this.players = players;
    this.gameMaster = gameMaster;
    this.seating = seating;
    this.turns = turns;
  }

  /** A change with no answer but ok. */
  @FunctionalInterface
  private interface Change {
    void apply() throws RequestException;
  }

  /** Does the answer to {@code body} close the connection (after it is sent)? */
  static boolean closesConnection(BodyCase body) {
    return body == BodyCase.LEAVE_SESSION;
  }

  /** Checks the contract, then answers {@code m} from {@code seat}. */
  ServerMessage.Builder answer(Seat seat, ClientMessage m) throws RequestException {
    BodyCase body = m.getBodyCase();
    if (body != BodyCase.BODY_NOT_SET) {
      Requests.Kind kind = Requests.of(body);
      if (kind.stage() != ConnectionStage.IN_SESSION) {
        throw unexpected(body);
      }
      if (!kind.allows(Wire.role(seat.role))) {
        throw new RequestException(
            ErrorCode.PERMISSION_DENIED,
            "A "
                + seat.role.name().toLowerCase(Locale.ROOT).replace('_', ' ')
                + " may not send "
                + name(body)
                + ".");
      }
    }
    return switch (body) {
      case EDIT_DRAFT -> players.editDraft(seat, m.getEditDraft());
      case SET_READY -> players.setReady(seat, m.getSetReady());
      case SEND_MESSAGE -> players.sendMessage(seat, m.getSendMessage());
      case GET_HISTORY -> players.history(seat, m.getGetHistory());
      case GET_VIEW -> players.view(seat);
      case GET_BRIEFING -> players.briefing(seat);
      case LEAVE_SESSION -> seating.leave(seat);
      case START_GAME -> ok(turns::start);
      case PAUSE_GAME -> ok(turns::pause);
      case RESUME_GAME -> ok(turns::resume);
      case EXTEND_DEADLINE -> ok(() -> gameMaster.extendDeadline(m.getExtendDeadline()));
      case FORCE_RESOLUTION -> ok(() -> turns.force(m.getForceResolution().getTurn()));
      case INJECT_EVENT -> ok(() -> gameMaster.inject(m.getInjectEvent()));
      case MOVE_SEAT -> ok(() -> gameMaster.moveSeat(m.getMoveSeat()));
      case REMOVE_SEAT -> ok(() -> gameMaster.removeSeat(m.getRemoveSeat().getSeatId()));
      case END_GAME -> ok(turns::end);
      case ANNOUNCE -> ok(() -> gameMaster.announce(seat, m.getAnnounce()));
      case EXPORT_RECORD -> gameMaster.exportRecord(m.getExportRecord());
      case ASSIGN_BOT -> ok(() -> gameMaster.assignBot(m.getAssignBot().getCountry()));
      case RELEASE_BOT -> ok(() -> gameMaster.releaseBot(m.getReleaseBot().getCountry()));
      case MUTE_SEAT ->
          ok(() -> gameMaster.muteSeat(m.getMuteSeat().getSeatId(), m.getMuteSeat().getMuted()));
      // Not in-session requests: the connection answers them before they get here.
      case HELLO,
          LIST_SCENARIOS,
          GET_SESSION_INFO,
          CREATE_SESSION,
          JOIN_SESSION,
          SPECTATE,
          RESUME,
          PONG ->
          throw unexpected(body);
      case BODY_NOT_SET ->
          throw new RequestException(
              ErrorCode.INVALID_REQUEST,
              "The message has no body this server understands (protocol version 1).");
    };
  }

  private static ServerMessage.Builder ok(Change change) throws RequestException {
    change.apply();
    return ServerMessage.newBuilder().setOk(Ok.getDefaultInstance());
  }

  private static RequestException unexpected(BodyCase body) {
    return new RequestException(
        ErrorCode.UNEXPECTED_MESSAGE, name(body) + " is unexpected in a session.");
  }

  private static String name(BodyCase body) {
    return body.name().toLowerCase(Locale.ROOT);
  }
}
