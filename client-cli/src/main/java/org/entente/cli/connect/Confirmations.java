package org.entente.cli.connect;

import static org.entente.cli.connect.Renderers.DIM;
import static org.entente.cli.connect.Renderers.GOOD;
import static org.entente.cli.connect.Renderers.plain;
import static org.entente.cli.connect.Renderers.styled;

import com.google.protobuf.Struct;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.entente.cli.Safe;
import org.entente.cli.connect.CommandParser.Parsed;
import org.entente.client.ClientSession;
import org.entente.client.SeatStore;
import org.entente.client.ViewModel;
import org.entente.proto.protocol.v1.ChatMessage;
import org.entente.proto.protocol.v1.ClientMessage;
import org.entente.proto.protocol.v1.Draft;
import org.entente.proto.protocol.v1.Role;
import org.entente.proto.protocol.v1.ServerMessage;
import org.entente.proto.protocol.v1.SessionView;
import org.jline.utils.AttributedString;

/** What the response to a typed request prints: an error, or a confirmation of what was done. */
final class Confirmations {
  private final Console console;
  private final Output out;

  Confirmations(Console console, Output out) {
    this.console = console;
    this.out = out;
  }

  /** Prints a response; runs on the listeners' thread, in order with the events. */
  void report(Parsed p, ClientMessage.Builder request, ServerMessage r) {
    if (r.hasError()) {
      if (out.json()) {
        out.printJson(
            Output.json(
                Struct.newBuilder()
                    .putFields("command", Output.string(p.command()))
                    .putFields("ok", Output.bool(false))
                    .putFields("error", Output.message(r.getError()))
                    .build()));
      } else {
        out.print(Renderers.error(r.getError(), out.width()));
      }
      return;
    }
    List<AttributedString> lines = confirmation(request, r);
    if (out.json()) {
      out.printJson(
          Output.json(
              Struct.newBuilder()
                  .putFields("command", Output.string(p.command()))
                  .putFields("ok", Output.bool(true))
                  .putFields("response", Output.message(withoutTokens(r)))
                  .putFields("lines", Output.lines(lines))
                  .build()));
    } else {
      out.print(lines);
    }
  }

  /**
   * {@code r} without the seat's secret token: JSON output lands in logs and on screens too. The
   * token is saved in seats.json, where reconnecting and 'entente debrief' find it.
   */
  static ServerMessage withoutTokens(ServerMessage r) {
    ServerMessage.Builder b = r.toBuilder();
    if (b.hasSessionCreated()) {
      b.getSessionCreatedBuilder().clearGameMasterToken();
    }
    if (b.hasJoined()) {
      b.getJoinedBuilder().clearSeatToken();
    }
    return b.build();
  }

  private List<AttributedString> confirmation(ClientMessage.Builder request, ServerMessage r) {
    ClientSession session = console.session();
    SessionView v = session.view().orElse(null);
    return switch (r.getBodyCase()) {
      case SESSION_CREATED -> created(session, v, r);
      case JOINED -> welcome(session, v, 0, false);
      case RESUMED ->
          welcome(
              session,
              v,
              r.getResumed().getReplayed(),
              // A rejoin (no request here) resumes from seq 0.
              ClientSession.skippedSome(
                  r.getResumed(), request == null ? 0 : request.getResume().getLastSeq()));
      case SCENARIO_LIST -> {
        session.setScenarios(r.getScenarioList().getScenariosList());
        yield Screens.scenarios(r.getScenarioList().getScenariosList(), out.width());
      }
      case DRAFT_UPDATED -> draft(request, r.getDraftUpdated().getDraft(), v);
      case HISTORY_PAGE -> history(request, r, v);
      case VIEW ->
          Screens.status(
              r.getView(),
              LocalCommands.statusCountry(r.getView(), ""),
              System.currentTimeMillis(),
              out.width());
      // In the hot seat 'ready' resolves the turn at once: the report says it all.
      // A 'ready' that resolved the turn is answered after the report: "Ready for turn 1" would be
      // stale there.
      case OK, WELCOME, RECORD_EXPORT, BRIEFING, SESSION_INFO, ERROR, EVENT, PING, BODY_NOT_SET ->
          console.hotSeat() != null && request.getSetReady().getReady() || resolvedSince(request, v)
              ? List.of()
              : List.of(
                  styled(GOOD, done(request) + stillDrafting(request, v, session.displayName())));
    };
  }

  /** After one member's 'ready': who of the team is still drafting (the team is ready when they are too). */
  static String stillDrafting(ClientMessage.Builder request, SessionView v, String me) {
    if (request == null
        || !request.hasSetReady()
        || !request.getSetReady().getReady()
        || v == null) {
      return "";
    }
    List<String> drafting =
        v.getSeatsList().stream()
            .filter(
                x ->
                    x.getRole() == Role.PLAYER
                        && x.getCountry().equals(v.getViewerCountry())
                        && x.getConnected()
                        && !x.getReady()
                        && !x.getDisplayName().equals(me))
            .map(x -> Safe.text(x.getDisplayName()))
            .toList();
    return drafting.isEmpty()
        ? ""
        : " Still drafting: " + String.join(", ", drafting) + "; the turn waits for them too.";
  }

  /** Whether {@code request} was a 'ready' for a turn that has been resolved since (its report is already printed). */
  private static boolean resolvedSince(ClientMessage.Builder request, SessionView v) {
    return request != null
        && request.hasSetReady()
        && v != null
        && (v.getTurn() > request.getSetReady().getTurn()
            || v.getGame().getTurn() >= request.getSetReady().getTurn());
  }

  private List<AttributedString> created(ClientSession session, SessionView v, ServerMessage r) {
    String code = SeatStore.displayCode(r.getSessionCreated().getJoinCode());
    List<AttributedString> lines =
        new ArrayList<>(
            List.of(
                styled(
                    GOOD,
                    "Session created: "
                        + Safe.line(v.getScenarioTitle())
                        + ", "
                        + v.getTotalTurns()
                        + " turns."),
                styled(Renderers.NAME, "Join code: " + code + "   (read it out)"),
                plain(
                    "Students type:  entente connect "
                        + session.address().display()
                        + " --join "
                        + code
                        + " --name NAME --country ID")));
    lines.addAll(
        Renderers.wrap(
            styled(
                DIM,
                "The game-master token is secret and not shown (a screen may be projected): it is saved in "
                    + session.seats().file()
                    + ", and 'entente connect "
                    + session.address().display()
                    + "' takes this console back."),
            out.width(),
            2));
    lines.add(
        styled(
            DIM,
            "Type 'who' to see who joined and 'start' when everyone is in. 'help' lists the console's commands."));
    return lines;
  }

  private List<AttributedString> draft(ClientMessage.Builder request, Draft d, SessionView v) {
    List<AttributedString> lines = new ArrayList<>();
    if (request.getEditDraft().hasAdd() || request.getEditDraft().hasReplace()) {
      int n = d.getOrdersCount();
      long id =
          request.getEditDraft().hasReplace()
              ? request.getEditDraft().getReplace().getOrderId()
              : d.getOrders(n - 1).getOrderId();
      for (int i = 0; i < n; i++) {
        if (d.getOrders(i).getOrderId() == id) {
          lines.add(
              styled(
                  GOOD,
                  "Accepted as order " + (i + 1) + ": " + Safe.line(d.getOrders(i).getText())));
        }
      }
    } else {
      lines.add(
          styled(
              GOOD,
              request.getEditDraft().getClear() ? "All orders taken back." : "Order taken back."));
    }
    lines.addAll(Screens.orders(v, d, console.session().briefing(), out.width()));
    return lines;
  }

  private List<AttributedString> history(
      ClientMessage.Builder request, ServerMessage r, SessionView v) {
    if (request.hasSendMessage()) {
      return List.of(styled(GOOD, "Sent."));
    }
    List<ChatMessage> page = new ArrayList<>(r.getHistoryPage().getMessagesList());
    Collections.reverse(page);
    List<AttributedString> lines = new ArrayList<>();
    if (page.isEmpty()) {
      lines.add(plain("No messages yet."));
    }
    page.forEach(m -> lines.addAll(Renderers.wrap(Renderers.message(m, v), out.width(), 4)));
    if (r.getHistoryPage().getMore() && request.hasGetHistory()) {
      lines.add(styled(DIM, "(older messages exist: history 100 shows more)"));
    }
    return lines;
  }

  /** The sentence for a request the server answered with a plain Ok. */
  private static String done(ClientMessage.Builder r) {
    return switch (r.getBodyCase()) {
      case SET_READY ->
          r.getSetReady().getReady()
              ? "Ready for turn "
                  + r.getSetReady().getTurn()
                  + " ('ready off' takes it back until the turn resolves)."
              : "No longer ready.";
      case START_GAME -> "Started.";
      case PAUSE_GAME -> "Paused.";
      case RESUME_GAME -> "Resumed.";
      case EXTEND_DEADLINE ->
          "Deadline extended by "
              + Renderers.clock(java.time.Duration.ofSeconds(r.getExtendDeadline().getSeconds()))
              + ".";
      case FORCE_RESOLUTION -> "Resolving the turn now.";
      case INJECT_EVENT -> "News sent; its effects apply at the coming resolution.";
      case MOVE_SEAT -> "Seat moved.";
      case REMOVE_SEAT -> "Seat removed; its token no longer works.";
      case MUTE_SEAT ->
          r.getMuteSeat().getMuted()
              ? "Seat "
                  + r.getMuteSeat().getSeatId()
                  + " is muted: its messages are refused, its orders still count ('mute "
                  + r.getMuteSeat().getSeatId()
                  + " off' lifts it)."
              : "Seat " + r.getMuteSeat().getSeatId() + " may send messages again.";
      case END_GAME -> "The game is ended.";
      case ANNOUNCE -> "Announced.";
      case LEAVE_SESSION ->
          "You left the session. Your seat is saved: 'entente connect' to the same server takes it back.";
      case HELLO,
          LIST_SCENARIOS,
          GET_SESSION_INFO,
          CREATE_SESSION,
          JOIN_SESSION,
          SPECTATE,
          RESUME,
          EDIT_DRAFT,
          SEND_MESSAGE,
          GET_HISTORY,
          GET_VIEW,
          GET_BRIEFING,
          EXPORT_RECORD,
          ASSIGN_BOT,
          RELEASE_BOT,
          PONG,
          BODY_NOT_SET ->
          "Done.";
    };
  }

  /** {@code skipped}: the server replayed only the newest of the events missed. */
  private static List<AttributedString> welcome(
      ClientSession session, SessionView v, int replayed, boolean skipped) {
    List<AttributedString> lines = new ArrayList<>();
    String who =
        switch (v.getViewerRole()) {
          case GAME_MASTER -> "You are the game master of ";
          case SPECTATOR -> "You are watching ";
          case PLAYER, ROLE_UNSPECIFIED, UNRECOGNIZED ->
              "You play " + Safe.line(ViewModel.nameOf(v, v.getViewerCountry())) + " in ";
        };
    lines.add(
        styled(
            GOOD,
            who
                + Safe.line(v.getScenarioTitle())
                + " (join code "
                + SeatStore.displayCode(session.joinCode())
                + ")."));
    lines.add(
        plain(
            Renderers.countdown(v, System.currentTimeMillis())
                + "; turn "
                + v.getTurn()
                + " of "
                + v.getTotalTurns()
                + "."));
    if (replayed > 0) {
      lines.add(
          styled(
              DIM,
              replayed + " earlier event(s) loaded: 'report' and 'inbox' show what happened."));
    }
    if (skipped) {
      lines.add(styled(DIM, "Older messages were not loaded: 'history' shows them."));
    }
    if (session.unreadCount() > 0) {
      lines.add(
          styled(DIM, session.unreadCount() + " unread message(s) or offer(s): type 'inbox'."));
    }
    lines.add(
        styled(
            DIM,
            v.getViewerRole() == Role.PLAYER
                ? "Start with 'briefing', then 'status'. 'help' lists every command."
                : "'help' lists every command."));
    return lines;
  }
}
