package org.entente.server.session;

import com.google.common.collect.ImmutableList;
import org.entente.proto.protocol.v1.Announce;
import org.entente.proto.protocol.v1.Channel;
import org.entente.proto.protocol.v1.ErrorCode;
import org.entente.proto.protocol.v1.ExportRecord;
import org.entente.proto.protocol.v1.ExtendDeadline;
import org.entente.proto.protocol.v1.InjectEvent;
import org.entente.proto.protocol.v1.MoveSeat;
import org.entente.proto.protocol.v1.ServerMessage;
import org.entente.server.rules.InjectedEvent;

/** The game master's controls; {@link SessionDispatch} has checked the role. The turn controls are {@link Turns}'. */
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

  void extendDeadline(ExtendDeadline request) throws RequestException {
    int seconds = request.getSeconds();
    if (seconds < 1 || seconds > MAX_EXTEND_SECONDS) {
      throw new RequestException(
          ErrorCode.INVALID_REQUEST, "Extend by 1.." + MAX_EXTEND_SECONDS + " seconds.");
    }
    session.turns.extend(seconds);
  }

  void announce(Seat gameMaster, Announce request) throws RequestException {
    String text = PlayerCommands.validText(request.getText());
    session.commit(
        new SessionEvent.MessagePosted(
            new ChatMessage(
                Channel.ANNOUNCEMENT,
                "",
                gameMaster.name,
                "",
                text,
                state.turn,
                session.clock.millis())));
  }

  /** Drops the debrief rendering an unfinished export keeps (its next chunk renders again). */
  void forgetExport() {
    exports.forget();
  }

  ServerMessage.Builder exportRecord(ExportRecord request) throws RequestException {
    return ServerMessage.newBuilder().setRecordExport(exports.chunk(request));
  }

  void inject(InjectEvent request) throws RequestException {
    if (state.phase == Phase.ENDED) {
      throw new RequestException(ErrorCode.WRONG_PHASE, "The game has ended.");
    }
    if (request.getTitle().isBlank()) {
      throw new RequestException(ErrorCode.INVALID_REQUEST, "An event needs a title.");
    }
    PlayerCommands.validText(request.getText());
    if (session.rulesSteps.injectsIn(state.turn) >= RulesSteps.MAX_INJECTS_PER_TURN) {
      throw new RequestException(
          ErrorCode.INVALID_REQUEST,
          "At most "
              + RulesSteps.MAX_INJECTS_PER_TURN
              + " events can be injected in one turn; inject more once this turn has resolved.");
    }
    InjectedEvent event =
        new InjectedEvent(
            request.getTitle(),
            request.getText(),
            request.getActor(),
            request.getEffectsList().stream()
                .map(e -> new InjectedEvent.Effect(e.getTarget(), e.getDelta()))
                .collect(ImmutableList.toImmutableList()));
    ImmutableList<String> problems = session.rules.validate(event);
    if (!problems.isEmpty()) {
      throw new RequestException(
          ErrorCode.INVALID_SCENARIO,
          "The event has " + problems.size() + (problems.size() == 1 ? " problem." : " problems."),
          problems);
    }
    session.rulesSteps.inject(event, state.turn);
    session.commit(new SessionEvent.NewsPublished(event, state.turn));
  }

  void moveSeat(MoveSeat request) throws RequestException {
    Seat seat = playerSeat(request.getSeatId());
    if (!state.scenario.isPlayable(request.getCountry())) {
      throw new RequestException(
          ErrorCode.NOT_FOUND,
          "No playable country '"
              + request.getCountry()
              + "'; choose one of "
              + state.scenario.playableCountryIds()
              + ".");
    }
    if (seat.country.equals(request.getCountry())) {
      throw new RequestException(
          ErrorCode.INVALID_REQUEST, "Seat " + seat.id + " already plays " + seat.country + ".");
    }
    session.commit(new SessionEvent.SeatMoved(seat.id, seat.country, request.getCountry()));
    session.seating.releaseBotFor(request.getCountry());
    session.turns.resolveIfAllReady();
  }

  void removeSeat(long seatId) throws RequestException {
    Seat seat =
        state
            .seat(seatId)
            .orElseThrow(
                () -> new RequestException(ErrorCode.NOT_FOUND, "No seat " + seatId + "."));
    if (seat.role == Role.GAME_MASTER) {
      throw new RequestException(
          ErrorCode.INVALID_REQUEST, "The game master's seat cannot be removed.");
    }
    SessionLink link = seat.link;
    seat.link = null;
    session.commit(new SessionEvent.SeatRemoved(seatId));
    if (link != null) {
      link.close(
          Wire.error(
              0, ErrorCode.PERMISSION_DENIED, "The game master removed you from the session."));
    }
    session.turns.resolveIfAllReady();
  }

  /** Mutes or unmutes a player: a muted player's messages are refused; orders still work. Muting twice changes nothing. */
  void muteSeat(long seatId, boolean muted) throws RequestException {
    Seat seat =
        state
            .seat(seatId)
            .orElseThrow(
                () -> new RequestException(ErrorCode.NOT_FOUND, "No seat " + seatId + "."));
    if (seat.role != Role.PLAYER) {
      throw new RequestException(
          ErrorCode.INVALID_REQUEST,
          "Only players can be muted; seat "
              + seatId
              + " is "
              + (seat.role == Role.GAME_MASTER
                  ? "the game master's."
                  : "a spectator's, who cannot send messages."));
    }
    if (seat.muted != muted) {
      session.commit(new SessionEvent.SeatMuted(seatId, muted));
    }
  }

  void assignBot(String requested) throws RequestException {
    String country = playableCountry(requested);
    if (state.playersOf(country) > 0) {
      throw new RequestException(
          ErrorCode.INVALID_REQUEST,
          country + " has players; a bot can only play a country without players.");
    }
    if (state.bots.contains(country)) {
      throw new RequestException(ErrorCode.INVALID_REQUEST, "A bot already plays " + country + ".");
    }
    session.commit(new SessionEvent.BotChanged(country, true, "assigned by the game master"));
    session.turns.resolveIfAllReady();
  }

  void releaseBot(String requested) throws RequestException {
    String country = playableCountry(requested);
    if (!state.bots.contains(country)) {
      throw new RequestException(ErrorCode.NOT_FOUND, "No bot plays " + country + ".");
    }
    session.commit(new SessionEvent.BotChanged(country, false, "released by the game master"));
  }

  private String playableCountry(String requested) throws RequestException {
    String country = requested.trim().toUpperCase(java.util.Locale.ROOT);
    if (!state.scenario.isPlayable(country)) {
      throw new RequestException(
          ErrorCode.NOT_FOUND,
          "No playable country '"
              + requested
              + "'; choose one of "
              + state.scenario.playableCountryIds()
              + ".");
    }
    return country;
  }

  private Seat playerSeat(long seatId) throws RequestException {
    Seat seat =
        state
            .seat(seatId)
            .orElseThrow(
                () -> new RequestException(ErrorCode.NOT_FOUND, "No seat " + seatId + "."));
    if (seat.role != Role.PLAYER) {
      throw new RequestException(
          ErrorCode.INVALID_REQUEST, "Seat " + seatId + " is not a player's seat.");
    }
    return seat;
  }
}
