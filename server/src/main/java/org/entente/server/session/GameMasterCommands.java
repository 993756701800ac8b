package org.entente.server.session;

import com.google.common.collect.ImmutableList;
import org.entente.proto.protocol.v1.Channel;
import org.entente.proto.protocol.v1.ClientMessage;
import org.entente.proto.protocol.v1.ErrorCode;
import org.entente.proto.protocol.v1.InjectEvent;
import org.entente.proto.protocol.v1.MoveSeat;
import org.entente.proto.protocol.v1.Ok;
import org.entente.proto.protocol.v1.ServerMessage;
import org.entente.server.rules.InjectedEvent;

/** The game master's controls. The permission table has already checked the role. */
final class GameMasterCommands {
  static final int MAX_EXTEND_SECONDS = 86_400;

  private final GameSession session;
  private final SessionState state;
  private final RecordExports exports;

  GameMasterCommands(GameSession session) {
    this.session = session;
    this.state = session.state;
    this.exports = new RecordExports(session);
  }

  ServerMessage.Builder handle(Seat gameMaster, ClientMessage message) throws RequestException {
    switch (message.getBodyCase()) {
      case START_GAME:
        session.turns.start();
        break;
      case PAUSE_GAME:
        session.turns.pause();
        break;
      case RESUME_GAME:
        session.turns.resume();
        break;
      case EXTEND_DEADLINE:
        int seconds = message.getExtendDeadline().getSeconds();
        if (seconds < 1 || seconds > MAX_EXTEND_SECONDS) {
          throw new RequestException(ErrorCode.INVALID_REQUEST, "Extend by 1.." + MAX_EXTEND_SECONDS + " seconds.");
        }
        session.turns.extend(seconds);
        break;
      case FORCE_RESOLUTION:
        session.turns.force(message.getForceResolution().getTurn());
        break;
      case INJECT_EVENT:
        inject(message.getInjectEvent());
        break;
      case MOVE_SEAT:
        moveSeat(message.getMoveSeat());
        break;
      case REMOVE_SEAT:
        removeSeat(message.getRemoveSeat().getSeatId());
        break;
      case END_GAME:
        session.turns.end();
        break;
      case ANNOUNCE:
        String text = PlayerCommands.validText(message.getAnnounce().getText());
        session.commit(new SessionEvent.MessagePosted(
            new ChatMessage(Channel.ANNOUNCEMENT, "", gameMaster.name, "", text, state.turn, session.clock.millis())));
        break;
      case ASSIGN_BOT:
        assignBot(message.getAssignBot().getCountry());
        break;
      case RELEASE_BOT:
        releaseBot(message.getReleaseBot().getCountry());
        break;
      case EXPORT_RECORD:
        return ServerMessage.newBuilder().setRecordExport(exports.chunk(message.getExportRecord()));
      default:
        throw new RequestException(ErrorCode.UNEXPECTED_MESSAGE, "Unexpected in a session: " + message.getBodyCase() + ".");
    }
    return ServerMessage.newBuilder().setOk(Ok.getDefaultInstance());
  }

  private void inject(InjectEvent request) throws RequestException {
    if (state.phase == Phase.ENDED) {
      throw new RequestException(ErrorCode.WRONG_PHASE, "The game has ended.");
    }
    if (request.getTitle().isBlank()) {
      throw new RequestException(ErrorCode.INVALID_REQUEST, "An event needs a title.");
    }
    PlayerCommands.validText(request.getText());
    InjectedEvent event = new InjectedEvent(
        request.getTitle(),
        request.getText(),
        request.getActor(),
        request.getEffectsList().stream()
            .map(e -> new InjectedEvent.Effect(e.getTarget(), e.getDelta()))
            .collect(ImmutableList.toImmutableList()));
    ImmutableList<String> problems = session.rules.validate(event);
    if (!problems.isEmpty()) {
      throw new RequestException(ErrorCode.INVALID_SCENARIO,
          "The event has " + problems.size() + (problems.size() == 1 ? " problem." : " problems."), problems);
    }
    session.rules.apply(event);
    session.commit(new SessionEvent.NewsPublished(event, state.turn));
  }

  private void moveSeat(MoveSeat request) throws RequestException {
    Seat seat = playerSeat(request.getSeatId());
    if (!state.scenario.isPlayable(request.getCountry())) {
      throw new RequestException(ErrorCode.NOT_FOUND,
          "No playable country '" + request.getCountry() + "'; choose one of " + state.scenario.playableCountryIds() + ".");
    }
    if (seat.country.equals(request.getCountry())) {
      throw new RequestException(ErrorCode.INVALID_REQUEST, "Seat " + seat.id + " already plays " + seat.country + ".");
    }
    session.commit(new SessionEvent.SeatMoved(seat.id, seat.country, request.getCountry()));
    session.releaseBotFor(request.getCountry());
    session.turns.resolveIfAllReady();
  }

  private void removeSeat(long seatId) throws RequestException {
    Seat seat = state.seat(seatId).orElseThrow(() -> new RequestException(ErrorCode.NOT_FOUND, "No seat " + seatId + "."));
    if (seat.role == Role.GAME_MASTER) {
      throw new RequestException(ErrorCode.INVALID_REQUEST, "The game master's seat cannot be removed.");
    }
    SessionLink link = seat.link;
    seat.link = null;
    session.commit(new SessionEvent.SeatRemoved(seatId));
    if (link != null) {
      link.close(Wire.error(0, ErrorCode.PERMISSION_DENIED, "The game master removed you from the session."));
    }
    session.turns.resolveIfAllReady();
  }

  private void assignBot(String requested) throws RequestException {
    String country = playableCountry(requested);
    if (state.playersOf(country) > 0) {
      throw new RequestException(ErrorCode.INVALID_REQUEST,
          country + " has players; a bot can only play a country without players.");
    }
    if (state.bots.contains(country)) {
      throw new RequestException(ErrorCode.INVALID_REQUEST, "A bot already plays " + country + ".");
    }
    session.commit(new SessionEvent.BotChanged(country, true, "assigned by the game master"));
    session.turns.resolveIfAllReady();
  }

  private void releaseBot(String requested) throws RequestException {
    String country = playableCountry(requested);
    if (!state.bots.contains(country)) {
      throw new RequestException(ErrorCode.NOT_FOUND, "No bot plays " + country + ".");
    }
    session.commit(new SessionEvent.BotChanged(country, false, "released by the game master"));
  }

  private String playableCountry(String requested) throws RequestException {
    String country = requested.trim().toUpperCase(java.util.Locale.ROOT);
    if (!state.scenario.isPlayable(country)) {
      throw new RequestException(ErrorCode.NOT_FOUND,
          "No playable country '" + requested + "'; choose one of " + state.scenario.playableCountryIds() + ".");
    }
    return country;
  }

  private Seat playerSeat(long seatId) throws RequestException {
    Seat seat = state.seat(seatId).orElseThrow(() -> new RequestException(ErrorCode.NOT_FOUND, "No seat " + seatId + "."));
    if (seat.role != Role.PLAYER) {
      throw new RequestException(ErrorCode.INVALID_REQUEST, "Seat " + seatId + " is not a player's seat.");
    }
    return seat;
  }
}
