package org.entente.cli.connect;

import static org.entente.cli.connect.Renderers.DIM;
import static org.entente.cli.connect.Renderers.GOOD;
import static org.entente.cli.connect.Renderers.plain;
import static org.entente.cli.connect.Renderers.styled;

import com.google.protobuf.Struct;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.entente.cli.Safe;
import org.entente.cli.connect.CommandParser.Parsed;
import org.entente.cli.connect.CommandParser.Usage;
import org.entente.cli.connect.CommandSpec.Where;
import org.entente.client.ClientSession;
import org.entente.client.SeatStore;
import org.entente.client.ViewModel;
import org.entente.proto.protocol.v1.Briefing;
import org.entente.proto.protocol.v1.ChatMessage;
import org.entente.proto.protocol.v1.ClientMessage;
import org.entente.proto.protocol.v1.Draft;
import org.entente.proto.protocol.v1.Event;
import org.entente.proto.protocol.v1.Phase;
import org.entente.proto.protocol.v1.Role;
import org.entente.proto.protocol.v1.SeatInfo;
import org.entente.proto.protocol.v1.ServerMessage;
import org.entente.proto.protocol.v1.SessionView;
import org.entente.proto.protocol.v1.TurnReport;
import org.jline.utils.AttributedString;

/**
 * Runs typed commands against a {@link ClientSession} and writes what happened to an
 * {@link Output}; also renders the session's events. The interactive shell and scripts share it.
 */
final class Console implements ClientSession.Listener, CommandParser.Context {
  /** What a command did. */
  enum Result {
    OK,
    /** Refused by the server or mistyped: a script stops with exit code 1. */
    FAILED,
    QUIT
  }

  private static final java.time.Duration BRIEFING_WAIT = java.time.Duration.ofSeconds(10);

  private final ClientSession session;
  private final Output out;
  private volatile boolean watchDrafts;
  /** Messages already answered by a 'wait message': each wait waits for one not seen by an earlier wait. */
  private int messagesWaited;

  Console(ClientSession session, Output out) {
    this.session = session;
    this.out = out;
    session.addListener(this);
  }

  ClientSession session() {
    return session;
  }

  // ---------------------------------------------------------------------------------------------
  // Listener: events and notices

  @Override
  public void event(Event e, boolean catchUp) {
    if (out.json()) {
      out.printJson(Output.json(Struct.newBuilder().putFields("event", Output.message(e))
          .putFields("catch_up", Output.bool(catchUp)).build()));
      return;
    }
    if (catchUp) {
      return;
    }
    if (e.hasSeatRemoved()) {
      out.print(styled(DIM, Safe.text(session.seatName(e.getSeatRemoved().getSeatId())) + " was removed by the game master."));
      return;
    }
    out.print(Renderers.event(e, session.view().orElse(null), watchDrafts, out.width()));
    if (e.hasPhaseChanged() && e.getPhaseChanged().getPhase() == Phase.ENDED && session.role() == Role.GAME_MASTER) {
      out.print(debriefHint());
    }
  }

  /** The command that writes the class debrief of this session (it takes over this console's seat). */
  private List<AttributedString> debriefHint() {
    return List.of(styled(Renderers.NAME, "Write the debrief (this console then disconnects; connect again to come back):"),
        plain("  entente debrief " + session.address() + " --code " + SeatStore.displayCode(session.joinCode())
            + " --gm " + session.token()));
  }

  @Override
  public void notice(String text, boolean problem) {
    if (out.json()) {
      out.printJson(Output.json(Struct.newBuilder().putFields("notice", Output.string(text))
          .putFields("problem", Output.bool(problem)).build()));
      return;
    }
    List<AttributedString> lines = new ArrayList<>();
    Renderers.wrap(Safe.text("(" + text + ")"), out.width(), 1).forEach(l -> lines.add(styled(problem ? Renderers.WARN : DIM, l.toString())));
    out.print(lines);
  }

  /** Shows a command as a script runs it (not in JSON mode). */
  void echo(String command) {
    if (!out.json()) {
      out.print(styled(Renderers.NAME, "> " + Safe.text(command)));
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Context for the parser

  @Override
  public Where where() {
    switch (session.role()) {
      case PLAYER:
        return Where.PLAYER;
      case SPECTATOR:
        return Where.SPECTATOR;
      case GAME_MASTER:
        return Where.GAME_MASTER;
      default:
        return Where.LOBBY;
    }
  }

  @Override
  public int turn() {
    return session.view().map(SessionView::getTurn).orElse(0);
  }

  @Override
  public OptionalLong orderId(int n) {
    Optional<SessionView> v = session.view();
    if (v.isEmpty()) {
      return OptionalLong.empty();
    }
    Draft d = ViewModel.ownDraft(v.get());
    return n >= 1 && n <= d.getOrdersCount() ? OptionalLong.of(d.getOrders(n - 1).getOrderId()) : OptionalLong.empty();
  }

  @Override
  public OptionalLong seatId(String numberOrName) {
    for (SeatInfo s : session.view().map(SessionView::getSeatsList).orElse(List.of())) {
      if (String.valueOf(s.getSeatId()).equals(numberOrName) || s.getDisplayName().equalsIgnoreCase(numberOrName)) {
        return OptionalLong.of(s.getSeatId());
      }
    }
    return OptionalLong.empty();
  }

  // ---------------------------------------------------------------------------------------------
  // Commands

  Result run(String line) {
    Parsed p = CommandParser.parse(line, this);
    if (p.isEmpty()) {
      return Result.OK;
    }
    if (session.isGone()) {
      out.print(styled(Renderers.BAD, "This seat was closed by the server; connect again to continue."));
      return Result.FAILED;
    }
    if (p.isError()) {
      return fail(p.command(), List.of(styled(Renderers.BAD, Safe.text(p.error()))));
    }
    try {
      return p.isRequest() ? request(p) : local(p);
    } catch (IOException e) {
      return fail(p.command(), List.of(styled(Renderers.BAD, "Could not " + p.command() + ": " + e.getMessage() + ".")));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Result.QUIT;
    }
  }

  private Result request(Parsed p) throws IOException {
    ClientMessage.Builder request = p.request();
    ServerMessage r = session.call(request, response -> report(p, request, response));
    if (r.hasError()) {
      return Result.FAILED;
    }
    return request.hasLeaveSession() ? Result.QUIT : Result.OK;
  }

  /** Prints a response; runs on the listeners' thread, in order with the events. */
  private void report(Parsed p, ClientMessage.Builder request, ServerMessage r) {
    if (r.hasError()) {
      if (out.json()) {
        out.printJson(Output.json(Struct.newBuilder().putFields("command", Output.string(p.command()))
            .putFields("ok", Output.bool(false)).putFields("error", Output.message(r.getError())).build()));
      } else {
        out.print(Renderers.error(r.getError()));
      }
      return;
    }
    List<AttributedString> lines = confirmation(p, request, r);
    if (out.json()) {
      out.printJson(Output.json(Struct.newBuilder().putFields("command", Output.string(p.command()))
          .putFields("ok", Output.bool(true)).putFields("response", Output.message(r)).putFields("lines", Output.lines(lines)).build()));
    } else {
      out.print(lines);
    }
  }

  private List<AttributedString> confirmation(Parsed p, ClientMessage.Builder request, ServerMessage r) {
    int w = out.width();
    SessionView v = session.view().orElse(null);
    switch (r.getBodyCase()) {
      case SESSION_CREATED:
        return List.of(
            styled(GOOD, "Session created: " + Safe.text(v.getScenarioTitle()) + ", " + v.getTotalTurns() + " turns."),
            styled(Renderers.NAME, "Join code: " + SeatStore.displayCode(r.getSessionCreated().getJoinCode()) + "   (read it out)"),
            plain("Students type:  entente connect " + session.address() + " --join "
                + SeatStore.displayCode(r.getSessionCreated().getJoinCode()) + " --name NAME --country ID"),
            styled(DIM, "Game-master token (secret; saved in " + session.seats().file() + "): " + r.getSessionCreated().getGameMasterToken()),
            styled(DIM, "Type 'who' to see who joined and 'start' when everyone is in. 'help' lists the console's commands."));
      case JOINED:
      case RESUMED:
        return welcome(v, r.hasResumed() ? r.getResumed().getReplayed() : 0);
      case SCENARIO_LIST:
        session.setScenarios(r.getScenarioList().getScenariosList());
        return Screens.scenarios(r.getScenarioList().getScenariosList(), w);
      case DRAFT_UPDATED: {
        Draft d = r.getDraftUpdated().getDraft();
        List<AttributedString> lines = new ArrayList<>();
        if (request.getEditDraft().hasAdd() || request.getEditDraft().hasReplace()) {
          int n = d.getOrdersCount();
          long id = request.getEditDraft().hasReplace() ? request.getEditDraft().getReplace().getOrderId() : d.getOrders(n - 1).getOrderId();
          for (int i = 0; i < n; i++) {
            if (d.getOrders(i).getOrderId() == id) {
              lines.add(styled(GOOD, "Accepted as order " + (i + 1) + ": " + Safe.text(d.getOrders(i).getText())));
            }
          }
        } else {
          lines.add(styled(GOOD, request.getEditDraft().getClear() ? "All orders taken back." : "Order taken back."));
        }
        lines.addAll(Screens.orders(v, d, w));
        return lines;
      }
      case HISTORY_PAGE: {
        List<ChatMessage> page = new ArrayList<>(r.getHistoryPage().getMessagesList());
        java.util.Collections.reverse(page);
        List<AttributedString> lines = new ArrayList<>();
        if (page.isEmpty()) {
          lines.add(plain(request.hasSendMessage() ? "Sent." : "No messages yet."));
        }
        page.forEach(m -> lines.addAll(Renderers.wrap(Renderers.message(m, v), w, 4)));
        if (r.getHistoryPage().getMore() && request.hasGetHistory()) {
          lines.add(styled(DIM, "(older messages exist: history 100 shows more)"));
        }
        return request.hasSendMessage() ? List.of(styled(GOOD, "Sent.")) : lines;
      }
      case VIEW:
        return Screens.status(r.getView(), statusCountry(r.getView(), ""), System.currentTimeMillis(), w);
      default:
        return List.of(styled(GOOD, done(request)));
    }
  }

  private static String done(ClientMessage.Builder r) {
    switch (r.getBodyCase()) {
      case SET_READY:
        return r.getSetReady().getReady() ? "Ready for turn " + r.getSetReady().getTurn() + " ('ready off' takes it back until the turn resolves)."
            : "No longer ready.";
      case START_GAME:
        return "Started.";
      case PAUSE_GAME:
        return "Paused.";
      case RESUME_GAME:
        return "Resumed.";
      case EXTEND_DEADLINE:
        return "Deadline extended by " + Renderers.clock(java.time.Duration.ofSeconds(r.getExtendDeadline().getSeconds())) + ".";
      case FORCE_RESOLUTION:
        return "Resolving the turn now.";
      case INJECT_EVENT:
        return "News sent; its effects apply at the coming resolution.";
      case MOVE_SEAT:
        return "Seat moved.";
      case REMOVE_SEAT:
        return "Seat removed; its token no longer works.";
      case END_GAME:
        return "The game is ended.";
      case ANNOUNCE:
        return "Announced.";
      case LEAVE_SESSION:
        return "You left the session. Your seat is saved: 'entente connect' to the same server takes it back.";
      default:
        return "Done.";
    }
  }

  private List<AttributedString> welcome(SessionView v, int replayed) {
    List<AttributedString> lines = new ArrayList<>();
    String who;
    switch (v.getViewerRole()) {
      case GAME_MASTER:
        who = "You are the game master of ";
        break;
      case SPECTATOR:
        who = "You are watching ";
        break;
      default:
        who = "You play " + Safe.text(ViewModel.nameOf(v, v.getViewerCountry())) + " in ";
        break;
    }
    lines.add(styled(GOOD, who + Safe.text(v.getScenarioTitle()) + " (join code " + SeatStore.displayCode(session.joinCode()) + ")."));
    lines.add(plain(Renderers.countdown(v, System.currentTimeMillis()) + "; turn " + v.getTurn() + " of " + v.getTotalTurns() + "."));
    if (replayed > 0) {
      lines.add(styled(DIM, replayed + " earlier event(s) loaded: 'report' and 'inbox' show what happened."));
    }
    if (session.unreadCount() > 0) {
      lines.add(styled(DIM, session.unreadCount() + " unread message(s): type 'inbox'."));
    }
    lines.add(styled(DIM, v.getViewerRole() == Role.PLAYER ? "Start with 'briefing', then 'status'. 'help' lists every command."
        : "'help' lists every command."));
    return lines;
  }

  private Result local(Parsed p) throws IOException, InterruptedException {
    int w = out.width();
    List<AttributedString> lines = new ArrayList<>();
    List<String> args = p.args();
    SessionView v = session.view().orElse(null);
    switch (p.command()) {
      case "help":
        if (args.isEmpty()) {
          lines.addAll(Screens.help(where(), w));
        } else {
          Optional<CommandSpec> s = CommandSpec.named(args.get(0).toLowerCase(Locale.ROOT));
          if (s.isEmpty()) {
            return fail("help", List.of(styled(Renderers.BAD, "There is no command '" + Safe.text(args.get(0)) + "'. Type 'help' for the list.")));
          }
          lines.addAll(Screens.help(s.get(), w));
        }
        break;
      case "quit":
        return Result.QUIT;
      case "sessions": {
        List<SeatStore.Seat> seats = session.seats().forServer(session.address().toString());
        if (seats.isEmpty()) {
          lines.add(plain("No seats saved for " + session.address() + "."));
        } else {
          Table t = new Table("join code", "role", "country", "name", "");
          seats.forEach(s -> t.row(SeatStore.displayCode(s.joinCode()), s.role().toLowerCase(Locale.ROOT).replace('_', ' '),
              s.country(), s.name(), s.joinCode().equals(session.joinCode()) && session.inSession() ? "(this session)" : ""));
          lines.addAll(t.render(w));
        }
        break;
      }
      case "forget": {
        String code = args.isEmpty() ? session.joinCode() : args.get(0);
        if (code.isEmpty()) {
          return fail("forget", List.of(styled(Renderers.BAD, "Which seat? Type 'forget CODE' (see 'sessions').")));
        }
        if (!session.seats().forget(session.address().toString(), code)) {
          return fail("forget", List.of(styled(Renderers.BAD, "No seat is saved for join code " + Safe.text(SeatStore.displayCode(code)) + ".")));
        }
        lines.add(plain("Forgot the seat for " + SeatStore.displayCode(code) + "; its token is deleted from " + session.seats().file() + "."));
        break;
      }
      case "wait":
        return waitFor(p);
      case "gm": {
        ClientMessage.Builder resume = ClientMessage.newBuilder().setResume(org.entente.proto.protocol.v1.Resume.newBuilder()
            .setJoinCode(args.get(0)).setToken(args.get(1)));
        return session.call(resume, r -> report(p, resume, r)).hasError() ? Result.FAILED : Result.OK;
      }
      case "rejoin": {
        List<SeatStore.Seat> seats = session.seats().forServer(session.address().toString());
        Optional<SeatStore.Seat> seat = args.isEmpty() ? seats.stream().reduce((a, b) -> b)
            : seats.stream().filter(s -> s.joinCode().equals(SeatStore.normaliseCode(args.get(0)))).findFirst();
        if (seat.isEmpty()) {
          return fail("rejoin", List.of(styled(Renderers.BAD, args.isEmpty() ? "No seat is saved for " + session.address() + "."
              : "No seat is saved for join code " + Safe.text(args.get(0)) + " (see 'sessions').")));
        }
        return session.resume(seat.get(), r -> report(p, null, r)).hasError() ? Result.FAILED : Result.OK;
      }
      case "status": {
        String country = statusCountry(v, args.isEmpty() ? "" : args.get(0).toUpperCase(Locale.ROOT));
        lines.addAll(Screens.status(v, country, System.currentTimeMillis(), w));
        break;
      }
      case "scenarios":
        lines.addAll(Screens.scenarios(session.scenarios(), w));
        break;
      case "who":
        lines.addAll(Screens.who(v, w));
        break;
      case "orders":
        lines.addAll(Screens.orders(v, ViewModel.ownDraft(v), w));
        break;
      case "kinds":
        lines.addAll(Screens.kinds(briefing(), v.getViewerCountry(), w));
        break;
      case "report": {
        Map<Integer, TurnReport> reports = session.reports();
        if (reports.isEmpty()) {
          lines.add(plain("No turn has been resolved yet."));
          break;
        }
        int turn = args.isEmpty() ? ((java.util.TreeMap<Integer, TurnReport>) reports).lastKey() : Integer.parseInt(args.get(0));
        TurnReport r = reports.get(turn);
        if (r == null) {
          return fail("report", List.of(styled(Renderers.BAD, "There is no report for turn " + turn + " yet; reports exist for turns "
              + reports.keySet() + ".")));
        }
        lines.addAll(Renderers.report(r, w));
        break;
      }
      case "inbox": {
        List<Event> unread = session.takeUnread();
        if (unread.isEmpty()) {
          lines.add(plain("No new messages. 'history' shows older ones."));
        }
        for (Event e : unread) {
          lines.addAll(Renderers.event(e, v, false, w));
        }
        break;
      }
      case "briefing":
        lines.addAll(Screens.briefing(briefing(), v, w));
        break;
      case "timeline":
        lines.addAll(Screens.timeline(briefing(), session.reports(), v, w));
        break;
      case "watch":
        if (!args.isEmpty()) {
          watchDrafts = args.get(0).equalsIgnoreCase("on");
          lines.add(plain(watchDrafts ? "Every draft change will be shown as it happens." : "Draft changes are no longer shown."));
        } else {
          lines.addAll(Screens.watch(v, System.currentTimeMillis(), w));
        }
        break;
      case "code":
        lines.add(plain("Join code: " + SeatStore.displayCode(session.joinCode()) + "   server: " + session.address()));
        lines.add(styled(DIM, "Your game-master token is saved in " + session.seats().file()
            + "; 'entente connect " + session.address() + "' takes the console back."));
        lines.addAll(debriefHint());
        break;
      default:
        throw new IllegalStateException("no handler for " + p.command());
    }
    emit(p.command(), lines);
    return Result.OK;
  }

  private String statusCountry(SessionView v, String asked) {
    if (!asked.isEmpty()) {
      return asked;
    }
    if (v.getViewerRole() == Role.PLAYER) {
      return v.getViewerCountry();
    }
    return "";
  }

  private Result waitFor(Parsed p) throws InterruptedException {
    WaitFor wf;
    try {
      wf = WaitFor.parse(p.args());
    } catch (Usage e) {
      return fail("wait", List.of(styled(Renderers.BAD, Safe.text(e.getMessage()))));
    }
    int messagesBefore = messagesWaited;
    boolean ok = session.await(s -> {
      Optional<SessionView> v = s.view();
      switch (wf.kind()) {
        case TURN:
          return v.isPresent() && (v.get().getPhase() == Phase.ENDED
              || v.get().getTurn() >= wf.number() && v.get().getPhase() != Phase.WAITING);
        case PHASE:
          return v.isPresent() && v.get().getPhase() == wf.phase();
        case REPORT:
          // Also wait for the view fetched after the report, so 'status' shows the consequences.
          return s.reports().containsKey(wf.number()) && v.isPresent() && v.get().getGame().getTurn() >= wf.number();
        case PLAYERS:
          return v.isPresent() && v.get().getSeatsList().stream().filter(x -> x.getRole() == Role.PLAYER).count() >= wf.number();
        default:
          return s.messageCount() > messagesBefore;
      }
    }, wf.timeout());
    session.drain();
    if (ok && wf.kind() == WaitFor.Kind.MESSAGE) {
      messagesWaited = session.messageCount();
    }
    if (!ok) {
      return fail("wait", List.of(styled(Renderers.BAD, "Gave up waiting for " + wf.describe() + " after "
          + Renderers.clock(wf.timeout()) + (session.isGone() ? " (the seat was closed)" : "") + ".")));
    }
    return Result.OK;
  }

  /** The session's briefing from the server (fetched once after joining; a moment's wait if it is on its way). */
  private Optional<Briefing> briefing() throws InterruptedException {
    return session.briefing(BRIEFING_WAIT);
  }

  private void emit(String command, List<AttributedString> lines) {
    if (out.json()) {
      Struct.Builder s = Struct.newBuilder().putFields("command", Output.string(command)).putFields("ok", Output.bool(true))
          .putFields("lines", Output.lines(lines));
      if (command.equals("status") || command.equals("watch") || command.equals("who") || command.equals("orders")) {
        session.view().ifPresent(v -> s.putFields("view", Output.message(v)));
      }
      out.printJson(Output.json(s.build()));
    } else {
      out.print(lines);
    }
  }

  private Result fail(String command, List<AttributedString> lines) {
    if (out.json()) {
      out.printJson(Output.json(Struct.newBuilder().putFields("command", Output.string(command)).putFields("ok", Output.bool(false))
          .putFields("lines", Output.lines(lines)).build()));
    } else {
      out.print(lines);
    }
    return Result.FAILED;
  }
}
