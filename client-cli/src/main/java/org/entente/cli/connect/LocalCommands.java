package org.entente.cli.connect;

import static org.entente.cli.connect.Renderers.DIM;
import static org.entente.cli.connect.Renderers.plain;
import static org.entente.cli.connect.Renderers.styled;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.entente.cli.Safe;
import org.entente.cli.connect.CommandParser.Parsed;
import org.entente.cli.connect.CommandParser.Usage;
import org.entente.cli.connect.Console.Result;
import org.entente.client.ClientSession;
import org.entente.client.SeatStore;
import org.entente.client.ViewModel;
import org.entente.proto.protocol.v1.ClientMessage;
import org.entente.proto.protocol.v1.CriterionStatus;
import org.entente.proto.protocol.v1.Event;
import org.entente.proto.protocol.v1.ObjectiveScore;
import org.entente.proto.protocol.v1.Phase;
import org.entente.proto.protocol.v1.Role;
import org.entente.proto.protocol.v1.SessionView;
import org.entente.proto.protocol.v1.TurnReport;
import org.jline.utils.AttributedString;

/**
 * The commands answered from what the client already knows (the view, the reports and messages
 * received, the saved seats) without asking the server: status, who, orders, inbox, report,
 * help, wait and the like; and {@code debrief}, which a game this process runs writes itself.
 */
final class LocalCommands {
  private final Console console;
  private final Output out;

  /** Messages already answered by a 'wait message': each wait waits for one not seen by an earlier wait. */
  private int messagesWaited;

  LocalCommands(Console console, Output out) {
    this.console = console;
    this.out = out;
  }

  Result run(Parsed p) throws IOException, InterruptedException {
    ClientSession session = console.session();
    int w = out.width();
    List<AttributedString> lines = new ArrayList<>();
    List<String> args = p.args();
    SessionView v = session.view().orElse(null);
    switch (p.command()) {
      case "help":
        if (args.isEmpty()) {
          lines.addAll(Screens.help(console.where(), console.mode(), w));
        } else {
          Optional<CommandSpec> s =
              CommandSpec.named(args.get(0).toLowerCase(Locale.ROOT), console.mode());
          // As when typed: an order kind the user may give wins over a command of the same word
          // they may not type.
          if (Orders.isKind(args.get(0))
              && (s.isEmpty() || !s.get().availableTo(console.where(), console.mode()))) {
            lines.addAll(
                Screens.kind(
                    console.briefing(),
                    v == null ? "" : v.getViewerCountry(),
                    args.get(0).toUpperCase(Locale.ROOT),
                    w));
            break;
          }
          if (s.isEmpty()) {
            return console.fail(
                "help",
                List.of(
                    styled(
                        Renderers.BAD,
                        "There is no command '"
                            + Safe.line(args.get(0))
                            + "'. Type 'help' for the list.")));
          }
          lines.addAll(Screens.help(s.get(), w));
        }
        break;
      case "quit":
        return Result.QUIT;
      case "clear":
        out.clearScreen();
        return out.json() ? console.emit("clear", List.of()) : Result.OK;
      case "remove":
        return removeAll(p, v);
      case "sessions":
        {
          List<SeatStore.Seat> seats = session.seats().forServer(session.address().toString());
          if (seats.isEmpty()) {
            lines.add(plain("No seats saved for " + session.address() + "."));
          } else {
            Table t = new Table("join code", "role", "country", "name", "");
            seats.forEach(
                s ->
                    t.row(
                        SeatStore.displayCode(s.joinCode()),
                        s.role().toLowerCase(Locale.ROOT).replace('_', ' '),
                        s.country(),
                        s.name(),
                        s.joinCode().equals(session.joinCode()) && session.inSession()
                            ? "(this session)"
                            : ""));
            lines.addAll(t.render(w));
          }
          break;
        }
      case "forget":
        {
          String code = args.isEmpty() ? session.joinCode() : args.get(0);
          if (code.isEmpty()) {
            return console.fail(
                "forget",
                List.of(styled(Renderers.BAD, "Which seat? Type 'forget CODE' (see 'sessions').")));
          }
          if (!session.seats().forget(session.address().toString(), code)) {
            return console.fail(
                "forget",
                List.of(
                    styled(
                        Renderers.BAD,
                        "No seat is saved for join code "
                            + Safe.line(SeatStore.displayCode(code))
                            + ".")));
          }
          lines.add(
              plain(
                  "Forgot the seat for "
                      + SeatStore.displayCode(code)
                      + "; its token is deleted from "
                      + session.seats().file()
                      + "."));
          break;
        }
      case "wait":
        return waitFor(p);
      case "gm":
        {
          Optional<String> token =
              args.size() > 1
                  ? Optional.of(args.get(1))
                  : session
                      .seats()
                      .find(session.address().toString(), args.get(0))
                      .filter(s -> s.role().equals("GAME_MASTER"))
                      .map(SeatStore.Seat::token)
                      .or(
                          () ->
                              console.askSecret(
                                  "Game-master token of "
                                      + SeatStore.displayCode(args.get(0))
                                      + " (not shown): "));
          if (token.isEmpty()) {
            return console.fail(
                "gm",
                List.of(
                    styled(
                        Renderers.BAD,
                        "gm needs the game-master token: type 'gm "
                            + Safe.line(args.get(0))
                            + "' in the interactive shell to be asked for it, or 'rejoin "
                            + Safe.line(args.get(0))
                            + "' on the machine where it is saved.")));
          }
          ClientMessage.Builder resume =
              ClientMessage.newBuilder()
                  .setResume(
                      org.entente.proto.protocol.v1.Resume.newBuilder()
                          .setJoinCode(args.get(0))
                          .setToken(token.get()));
          return console.call(p, resume).hasError() ? Result.FAILED : Result.OK;
        }
      case "rejoin":
        {
          List<SeatStore.Seat> seats = session.seats().forServer(session.address().toString());
          Optional<SeatStore.Seat> seat =
              args.isEmpty()
                  ? seats.stream().reduce((a, b) -> b)
                  : seats.stream()
                      .filter(s -> s.joinCode().equals(SeatStore.normaliseCode(args.get(0))))
                      .findFirst();
          if (seat.isEmpty()) {
            return console.fail(
                "rejoin",
                List.of(
                    styled(
                        Renderers.BAD,
                        args.isEmpty()
                            ? "No seat is saved for " + session.address() + "."
                            : "No seat is saved for join code "
                                + Safe.line(args.get(0))
                                + " (see 'sessions').")));
          }
          return console.resume(p, seat.get()).hasError() ? Result.FAILED : Result.OK;
        }
      case "status":
        {
          String country =
              statusCountry(v, args.isEmpty() ? "" : args.get(0).toUpperCase(Locale.ROOT));
          if (!country.isEmpty()
              && v.getCountriesList().stream().noneMatch(c -> c.getId().equals(country))) {
            return console.fail(
                "status",
                List.of(
                    styled(
                        Renderers.BAD,
                        "There is no country '"
                            + Safe.text(args.get(0))
                            + "' in this scenario; the countries are "
                            + String.join(
                                ", ",
                                v.getCountriesList().stream()
                                    .map(c -> Safe.text(c.getId()))
                                    .toList())
                            + ".")));
          }
          lines.addAll(Screens.status(v, country, System.currentTimeMillis(), w));
          break;
        }
      case "score":
        lines.addAll(score(v, w));
        break;
      case "debrief":
        return writeDebrief(args.isEmpty() ? "." : args.get(0), v);
      case "scenarios":
        lines.addAll(Screens.scenarios(session.scenarios(), w));
        break;
      case "who":
        lines.addAll(Screens.who(v, w));
        break;
      case "orders":
        lines.addAll(Screens.orders(v, ViewModel.ownDraft(v), console.briefing(), w));
        break;
      case "kinds":
        lines.addAll(Screens.kinds(console.briefing(), v.getViewerCountry(), w));
        break;
      case "report":
        {
          Map<Integer, TurnReport> reports = session.reports();
          if (reports.isEmpty()) {
            lines.add(plain("No turn has been resolved yet."));
            break;
          }
          int turn =
              args.isEmpty()
                  ? ((TreeMap<Integer, TurnReport>) reports).lastKey()
                  : Integer.parseInt(args.get(0));
          TurnReport r = reports.get(turn);
          if (r == null) {
            return console.fail(
                "report",
                List.of(
                    styled(
                        Renderers.BAD,
                        "There is no report for turn "
                            + turn
                            + " yet; reports exist for turns "
                            + reports.keySet()
                            + ".")));
          }
          lines.addAll(Renderers.report(r, w));
          break;
        }
      case "inbox":
        {
          List<Event> unread = session.takeUnread();
          if (unread.isEmpty()) {
            lines.add(
                plain(
                    "No new messages or offers. 'history' shows older messages; 'report' shows"
                        + " the last turn again, offers included."));
          }
          for (Event e : unread) {
            lines.addAll(Renderers.inboxEntry(e, v, w));
          }
          break;
        }
      case "briefing":
        lines.addAll(Screens.briefing(console.briefing(), v, w));
        break;
      case "timeline":
        lines.addAll(Screens.timeline(console.briefing(), session.reports(), v, w));
        break;
      case "watch":
        if (!args.isEmpty()) {
          console.watchDrafts(args.get(0).equalsIgnoreCase("on"));
          lines.add(
              plain(
                  console.watchDrafts()
                      ? "Every draft change will be shown as it happens."
                      : "Draft changes are no longer shown."));
        } else {
          lines.addAll(Screens.watch(v, System.currentTimeMillis(), w));
        }
        break;
      case "code":
        lines.add(
            plain(
                "Join code: "
                    + SeatStore.displayCode(session.joinCode())
                    + "   server: "
                    + session.address().display()));
        lines.add(
            styled(
                DIM,
                "Your game-master token is saved in "
                    + session.seats().file()
                    + "; 'entente connect "
                    + session.address().display()
                    + "' takes the console back."));
        lines.addAll(EventPrinter.debriefHint(session));
        break;
      default:
        throw new IllegalStateException("no handler for " + p.command());
    }
    return console.emit(p.command(), lines);
  }

  /**
   * 'debrief [DIR]' of a game this process runs, the hot seat's or plain play's: the game master's
   * connection exports it; before the end it covers the turns played so far.
   */
  private Result writeDebrief(String dir, SessionView v) {
    List<AttributedString> lines = new ArrayList<>();
    try {
      for (Path p : console.localDebrief().write(Path.of(dir))) {
        lines.add(plain("Wrote " + p));
      }
    } catch (Exception e) {
      return console.fail(
          "debrief",
          List.of(
              styled(
                  Renderers.BAD,
                  "Could not write the debrief: "
                      + Safe.line(String.valueOf(e.getMessage()))
                      + ".")));
    }
    if (v != null && v.getPhase() != Phase.ENDED) {
      lines.add(
          styled(
              DIM,
              "(the game is not over: the debrief shows the "
                  + v.getGame().getTurn()
                  + " turn(s) played so far)"));
    }
    return console.emit("debrief", lines);
  }

  /**
   * 'remove all': names every order it takes back; in a team (another seat on the country) the
   * orders are the team's, so it asks for 'remove all yes' first.
   */
  private Result removeAll(Parsed p, SessionView v) throws IOException {
    org.entente.proto.protocol.v1.Draft d = ViewModel.ownDraft(v);
    if (d.getOrdersCount() == 0) {
      return console.emit("remove", List.of(plain("There are no orders to take back.")));
    }
    List<AttributedString> lines = new ArrayList<>();
    long team =
        v.getSeatsList().stream()
            .filter(s -> s.getRole() == Role.PLAYER && s.getCountry().equals(v.getViewerCountry()))
            .count();
    boolean confirmed = p.args().size() == 2;
    lines.add(
        plain(
            (team > 1 && !confirmed ? "This would take back all " : "Taking back all ")
                + d.getOrdersCount()
                + " order(s) of "
                + Safe.text(ViewModel.nameOf(v, d.getCountry()))
                + ":"));
    for (int i = 0; i < d.getOrdersCount(); i++) {
      org.entente.proto.protocol.v1.DraftOrder o = d.getOrders(i);
      lines.addAll(
          Renderers.wrap(
              "  "
                  + (i + 1)
                  + ". "
                  + Safe.text(o.getText())
                  + (o.getAuthor().isEmpty() ? "" : " (by " + Safe.text(o.getAuthor()) + ")"),
              out.width(),
              6));
    }
    if (team > 1 && !confirmed) {
      lines.add(
          styled(
              Renderers.WARN,
              "Your team shares these orders: type 'remove all yes' to take them all back."));
      return console.emit("remove", lines);
    }
    console.emit("remove", lines);
    ClientMessage.Builder clear =
        ClientMessage.newBuilder()
            .setEditDraft(
                org.entente.proto.protocol.v1.EditDraft.newBuilder()
                    .setTurn(v.getTurn())
                    .setClear(true));
    return console.call(p, clear).hasError() ? Result.FAILED : Result.OK;
  }

  /** The country whose status to show: the one asked for, else the player's own ("" for all). */
  static String statusCountry(SessionView v, String asked) {
    if (!asked.isEmpty()) {
      return asked;
    }
    if (v.getViewerRole() == Role.PLAYER) {
      return v.getViewerCountry();
    }
    return "";
  }

  /** How the viewer's hidden objectives stand after the last resolved turn. */
  private static List<AttributedString> score(SessionView v, int width) {
    List<AttributedString> lines = new ArrayList<>();
    for (ObjectiveScore o : v.getGame().getObjectivesList()) {
      lines.add(
          styled(
              Renderers.HEADING,
              Safe.line(ViewModel.nameOf(v, o.getCountry())) + ": " + o.getPoints() + "/100"));
      for (CriterionStatus c : o.getCriteriaList()) {
        lines.addAll(
            Renderers.wrap(
                String.format(
                    "  [%s] %3d  %s",
                    c.getMet() ? "x" : " ", c.getPoints(), Safe.line(c.getDescription())),
                width,
                12));
      }
    }
    if (lines.isEmpty()) {
      lines.add(
          plain(
              Safe.line(ViewModel.nameOf(v, v.getViewerCountry()))
                  + " has no objectives in this scenario."));
    }
    return lines;
  }

  private Result waitFor(Parsed p) throws InterruptedException {
    ClientSession session = console.session();
    WaitFor wf;
    try {
      wf = WaitFor.parse(p.args());
    } catch (Usage e) {
      return console.fail("wait", List.of(styled(Renderers.BAD, Safe.line(e.getMessage()))));
    }
    int messagesBefore = messagesWaited;
    boolean ok =
        session.await(
            s -> {
              Optional<SessionView> v = s.view();
              return switch (wf.kind()) {
                case TURN ->
                    v.isPresent()
                        && (v.get().getPhase() == Phase.ENDED
                            || v.get().getTurn() >= wf.number()
                                && v.get().getPhase() != Phase.WAITING);
                case PHASE -> v.isPresent() && v.get().getPhase() == wf.phase();
                // Also wait for the view fetched after the report, so 'status' shows the
                // consequences.
                case REPORT ->
                    s.reports().containsKey(wf.number())
                        && v.isPresent()
                        && v.get().getGame().getTurn() >= wf.number();
                case PLAYERS ->
                    v.isPresent()
                        && v.get().getSeatsList().stream()
                                .filter(x -> x.getRole() == Role.PLAYER)
                                .count()
                            >= wf.number();
                case MESSAGE -> s.messageCount() > messagesBefore;
              };
            },
            wf.timeout());
    session.drain();
    if (ok && wf.kind() == WaitFor.Kind.MESSAGE) {
      messagesWaited = session.messageCount();
    }
    if (!ok) {
      return console.fail(
          "wait",
          List.of(
              styled(
                  Renderers.BAD,
                  "Gave up waiting for "
                      + wf.describe()
                      + " after "
                      + Renderers.clock(wf.timeout())
                      + (session.isGone() ? " (the seat was closed)" : "")
                      + ".")));
    }
    return Result.OK;
  }
}
