package org.entente.server.session;

import com.google.common.collect.ImmutableList;
import org.entente.engine.report.ReportLine;
import org.entente.server.rules.InjectedEvent;

/**
 * One accepted change to a session. Every mutation of a session's state is one of these,
 * applied by the session's thread through {@link SessionState#apply}: the seam where a
 * journal will record each one durably before it is acknowledged.
 */
public sealed interface SessionEvent {

  /** A seat was taken. The token never leaves the server. */
  record SeatJoined(long seatId, byte[] token, String name, Role role, String country)
      implements SessionEvent {}

  record SeatMoved(long seatId, String fromCountry, String toCountry) implements SessionEvent {}

  record SeatRemoved(long seatId) implements SessionEvent {}

  /** The game master muted ({@code muted}) or unmuted a seat: a muted seat may not send messages. */
  record SeatMuted(long seatId, boolean muted) implements SessionEvent {}

  /**
   * A country's draft after an edit (or a change of readiness); {@code editor} is the display
   * name of the seat whose edit it was, empty when no seat's (a bot's sealed orders).
   */
  record DraftEdited(Draft draft, String editor) implements SessionEvent {
    DraftEdited(Draft draft) {
      this(draft, "");
    }
  }

  record ReadinessChanged(String country, int turn, boolean ready) implements SessionEvent {}

  /** A member connected or dropped, or said ready for {@code readyTurn} (0: not ready). */
  record SeatStatusChanged(
      long seatId, String country, boolean connected, int readyTurn, String reason)
      implements SessionEvent {}

  record MessagePosted(ChatMessage message) implements SessionEvent {}

  record PhaseChanged(
      Phase phase, int turn, long deadlineEpochMillis, long pausedMillisLeft, String reason)
      implements SessionEvent {}

  /** A turn was resolved; the drafts are sealed and cleared. */
  record TurnResolved(int turn, String cause, long seed, ImmutableList<ReportLine> lines)
      implements SessionEvent {}

  /** A bot started ({@code bot}) or stopped playing a playable country. */
  record BotChanged(String country, boolean bot, String reason) implements SessionEvent {}

  /** A game-master inject: its news for everyone, and its effects for the rules. */
  record NewsPublished(InjectedEvent event, int turn) implements SessionEvent {}
}
