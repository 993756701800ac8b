package org.entente.cli.connect;

import static org.entente.cli.connect.Renderers.DIM;
import static org.entente.cli.connect.Renderers.plain;
import static org.entente.cli.connect.Renderers.styled;

import com.google.protobuf.Struct;
import java.util.ArrayList;
import java.util.List;
import org.entente.cli.Safe;
import org.entente.client.ClientSession;
import org.entente.client.SeatStore;
import org.entente.proto.protocol.v1.Event;
import org.entente.proto.protocol.v1.Phase;
import org.entente.proto.protocol.v1.Role;
import org.jline.utils.AttributedString;

/**
 * Prints what the server pushes to one session as it arrives: events and the session's notices
 * about its connection. Silent while its console speaks for another session (the hot seat).
 */
final class EventPrinter implements ClientSession.Listener {
  private final Console console;
  private final ClientSession session;
  private final Output out;

  /** The last draft seen of each country, to name what a team-mate's edit changed. */
  private final java.util.Map<String, org.entente.proto.protocol.v1.Draft> lastDrafts =
      new java.util.concurrent.ConcurrentHashMap<>();

  EventPrinter(Console console, ClientSession session, Output out) {
    this.console = console;
    this.session = session;
    this.out = out;
  }

  @Override
  public void event(Event e, boolean catchUp) {
    if (!console.speaksFor(session)) {
      return;
    }
    if (out.json()) {
      out.printJson(
          Output.json(
              Struct.newBuilder()
                  .putFields("event", Output.message(e))
                  .putFields("catch_up", Output.bool(catchUp))
                  .build()));
      return;
    }
    if (catchUp) {
      return;
    }
    boolean hotSeat = console.hotSeat() != null;
    List<AttributedString> lines =
        switch (e.getKindCase()) {
          // In the hot seat the user's own 'as' and 'bot' take and give back seats; their
          // confirmations say so.
          case SEAT_REMOVED ->
              hotSeat
                  ? List.of()
                  : List.of(
                      styled(
                          DIM,
                          Safe.line(session.seatName(e.getSeatRemoved().getSeatId()))
                              + " was removed by the game master."));
          case SEATS_CHANGED, BOT_CHANGED -> hotSeat ? List.of() : rendered(e);
          case PHASE_CHANGED ->
              e.getPhaseChanged().getPhase() == Phase.ENDED
                  ? withEndHint(rendered(e))
                  : rendered(e);
          case DRAFT_UPDATED -> {
            List<AttributedString> all =
                new ArrayList<>(
                    teamEdits(e.getDraftUpdated().getDraft(), e.getDraftUpdated().getEditor()));
            all.addAll(rendered(e));
            yield all;
          }
          // One's own drop and return are news to the team, not to oneself.
          case SEAT_STATUS ->
              session.seatName(e.getSeatStatus().getSeatId()).equals(session.displayName())
                      && e.getSeatStatus().getCountry().equals(session.country())
                  ? List.of()
                  : rendered(e);
          case MESSAGE, TURN_REPORT, NEWS, READINESS_CHANGED, SEAT_MOVED, SEAT_MUTED -> rendered(e);
          case KIND_NOT_SET -> List.of();
        };
    out.print(lines);
  }

  /**
   * A team-mate's edit of the shared draft, named with who made it ({@code editor}): compared with
   * the draft this printer saw last, so the user's own edits (confirmed already) and the game
   * master's watch are not repeated.
   */
  private List<AttributedString> teamEdits(org.entente.proto.protocol.v1.Draft d, String editor) {
    org.entente.proto.protocol.v1.Draft before = lastDrafts.put(d.getCountry(), d);
    if (session.role() != Role.PLAYER || !d.getCountry().equals(session.country())) {
      return List.of();
    }
    List<org.entente.proto.protocol.v1.DraftOrder> old =
        before == null || before.getTurn() != d.getTurn() ? List.of() : before.getOrdersList();
    return Renderers.draftChanges(
        old, d.getOrdersList(), session.displayName(), editor, out.width());
  }

  private List<AttributedString> rendered(Event e) {
    return Renderers.event(e, session.view().orElse(null), console.watchDrafts(), out.width());
  }

  /**
   * At the end of the game, the game master, or the player of a game {@code play} runs (hot seat
   * or not), learns how to write the debrief.
   */
  private List<AttributedString> withEndHint(List<AttributedString> lines) {
    List<AttributedString> all = new ArrayList<>(lines);
    if (console.localDebrief() != null) {
      all.add(
          styled(
              Renderers.NAME,
              "Type 'debrief' to write the class debrief (debrief.md and debrief.html) here,"
                  + " or 'debrief DIR' to write it elsewhere."));
    } else if (session.role() == Role.GAME_MASTER) {
      all.addAll(debriefHint(session));
    }
    return all;
  }

  /**
   * The command that writes the class debrief of this session (it takes over this console's seat).
   * It names no token: the command finds it in seats.json, so the secret never reaches the screen.
   */
  static List<AttributedString> debriefHint(ClientSession session) {
    return List.of(
        styled(
            Renderers.NAME,
            "Write the debrief (this console then disconnects; connect again to come back):"),
        plain(
            "  entente debrief "
                + session.address().display()
                + " --code "
                + SeatStore.displayCode(session.joinCode())));
  }

  @Override
  public void notice(String text, boolean problem) {
    if (console.speaksFor(session)) {
      notice(out, text, problem);
    }
  }

  static void notice(Output out, String text, boolean problem) {
    if (out.json()) {
      out.printJson(
          Output.json(
              Struct.newBuilder()
                  .putFields("notice", Output.string(text))
                  .putFields("problem", Output.bool(problem))
                  .build()));
      return;
    }
    List<AttributedString> lines = new ArrayList<>();
    Renderers.wrap(Safe.line("(" + text + ")"), out.width(), 1)
        .forEach(l -> lines.add(styled(problem ? Renderers.WARN : DIM, l.toString())));
    out.print(lines);
  }
}
