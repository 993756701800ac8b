package org.entente.cli.connect;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.entente.cli.Safe;
import org.entente.client.ViewModel;
import org.entente.proto.protocol.v1.Briefing;
import org.entente.proto.protocol.v1.ChatMessage;
import org.entente.proto.protocol.v1.CountryStatus;
import org.entente.proto.protocol.v1.DraftOrder;
import org.entente.proto.protocol.v1.Error;
import org.entente.proto.protocol.v1.Event;
import org.entente.proto.protocol.v1.NewsEvent;
import org.entente.proto.protocol.v1.Phase;
import org.entente.proto.protocol.v1.PhaseChanged;
import org.entente.proto.protocol.v1.ReportLine;
import org.entente.proto.protocol.v1.SessionView;
import org.entente.proto.protocol.v1.TurnReport;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/**
 * Server events, messages, reports and errors as lines for a terminal of a given width. Styles
 * are attached, never escape codes: the output decides whether to show colour. Every text that
 * came from another user, the server or a scenario goes through {@link Safe#line}, or through
 * {@link Safe#text} where {@link #wrap} indents its continuation lines.
 */
final class Renderers {
  static final AttributedStyle HEADING =
      AttributedStyle.DEFAULT.bold().foreground(AttributedStyle.CYAN);
  static final AttributedStyle GOOD = AttributedStyle.DEFAULT.foreground(AttributedStyle.GREEN);
  static final AttributedStyle BAD = AttributedStyle.DEFAULT.foreground(AttributedStyle.RED);
  static final AttributedStyle WARN = AttributedStyle.DEFAULT.foreground(AttributedStyle.YELLOW);
  static final AttributedStyle DIM = AttributedStyle.DEFAULT.faint();
  static final AttributedStyle NAME = AttributedStyle.DEFAULT.bold();

  private Renderers() {}

  /**
   * An event as it appears above the prompt; empty for events a user need not see pass by
   * (draft edits by others unless {@code watchDrafts}).
   */
  static List<AttributedString> event(Event e, SessionView v, boolean watchDrafts, int width) {
    // No default: a new kind of event does not compile until it is decided how it shows.
    return switch (e.getKindCase()) {
      case MESSAGE -> wrap(message(e.getMessage(), v), width, 4);
      case TURN_REPORT -> report(e.getTurnReport(), width);
      case NEWS -> news(e.getNews(), width);
      case PHASE_CHANGED -> List.of(styled(WARN, phase(e.getPhaseChanged(), v)));
      case READINESS_CHANGED -> {
        String who =
            v == null
                ? e.getReadinessChanged().getCountry()
                : ViewModel.nameOf(v, e.getReadinessChanged().getCountry());
        yield List.of(
            styled(
                DIM,
                Safe.line(who)
                    + (e.getReadinessChanged().getReady()
                        ? " is ready."
                        : " is no longer ready.")));
      }
      case SEATS_CHANGED -> {
        List<AttributedString> out = new ArrayList<>();
        e.getSeatsChanged()
            .getSeatsList()
            .forEach(
                s ->
                    out.add(
                        styled(
                            DIM,
                            Safe.line(s.getDisplayName())
                                + " joined"
                                + (s.getCountry().isEmpty()
                                    ? " as " + role(s.getRole())
                                    : " " + Safe.line(country(v, s.getCountry())))
                                + ".")));
        yield out;
      }
      case SEAT_MOVED ->
          List.of(
              styled(
                  DIM,
                  Safe.line(
                          v == null
                              ? "seat " + e.getSeatMoved().getSeatId()
                              : ViewModel.seatName(v, e.getSeatMoved().getSeatId()))
                      + " moved from "
                      + Safe.line(e.getSeatMoved().getFromCountry())
                      + " to "
                      + Safe.line(e.getSeatMoved().getToCountry())
                      + "."));
      case SEAT_REMOVED ->
          List.of(
              styled(
                  DIM,
                  "Seat " + e.getSeatRemoved().getSeatId() + " was removed by the game master."));
      case SEAT_MUTED -> {
        String who =
            Safe.text(
                v == null
                    ? "seat " + e.getSeatMuted().getSeatId()
                    : ViewModel.seatName(v, e.getSeatMuted().getSeatId()));
        yield List.of(
            styled(
                WARN,
                e.getSeatMuted().getMuted()
                    ? "The game master muted "
                        + who
                        + ": their messages are refused; their orders still count."
                    : "The game master unmuted " + who + "."));
      }
      case BOT_CHANGED -> {
        String who =
            v == null
                ? e.getBotChanged().getCountry()
                : ViewModel.nameOf(v, e.getBotChanged().getCountry());
        yield List.of(
            styled(
                DIM,
                "A bot "
                    + (e.getBotChanged().getBot() ? "now plays " : "no longer plays ")
                    + Safe.line(who)
                    + " ("
                    + Safe.line(e.getBotChanged().getReason())
                    + ")."));
      }
      case DRAFT_UPDATED ->
          !watchDrafts
              ? List.of()
              : List.of(
                  styled(
                      DIM,
                      Safe.line(e.getDraftUpdated().getDraft().getCountry())
                          + " orders now"
                          + (e.getDraftUpdated().getEditor().isEmpty()
                              ? ": "
                              : " (after "
                                  + Safe.line(e.getDraftUpdated().getEditor())
                                  + "'s edit): ")
                          + (e.getDraftUpdated().getDraft().getOrdersCount() == 0
                              ? "none"
                              : String.join(
                                  "; ",
                                  e.getDraftUpdated().getDraft().getOrdersList().stream()
                                      .map(o -> Safe.line(o.getText()))
                                      .toList()))));
      case SEAT_STATUS -> List.of(seatStatus(e.getSeatStatus(), v));
      case KIND_NOT_SET -> List.of();
    };
  }

  /**
   * What changed between two versions of the team's draft, each change with who made it: "Aram
   * added order 2: FREEZE CSTO", "Ani removed order 3 (JOINT_EXERCISE FRA, written by Aram)".
   * {@code editor} is the seat whose edit it was (the server says; empty from a server that does
   * not, or when no seat edited). Edits by {@code me} are left out: their confirmation said it.
   */
  static List<AttributedString> draftChanges(
      List<DraftOrder> before, List<DraftOrder> after, String me, String editor, int width) {
    List<AttributedString> out = new ArrayList<>();
    if (!editor.isEmpty() && editor.equals(me)) {
      return out;
    }
    java.util.Map<Long, DraftOrder> old = new java.util.LinkedHashMap<>();
    before.forEach(o -> old.put(o.getOrderId(), o));
    for (int i = 0; i < after.size(); i++) {
      DraftOrder o = after.get(i);
      DraftOrder was = old.remove(o.getOrderId());
      if (o.getAuthor().equals(me) || was != null && was.getText().equals(o.getText())) {
        continue;
      }
      String what =
          was == null ? " added order " + (i + 1) + ": " : " changed order " + (i + 1) + " to: ";
      String who = editor.isEmpty() ? o.getAuthor() : editor;
      out.addAll(wrap(styled(WARN, Safe.text(who) + what + Safe.text(o.getText())), width, 4));
    }
    if (old.isEmpty() || after.size() >= before.size()) {
      return out;
    }
    for (int i = 0; i < before.size(); i++) {
      DraftOrder gone = before.get(i);
      if (!old.containsKey(gone.getOrderId())) {
        continue;
      }
      String written =
          gone.getAuthor().isEmpty() || gone.getAuthor().equals(editor)
              ? ""
              : ", written by " + Safe.text(gone.getAuthor());
      String line =
          editor.isEmpty()
              // An older server names no editor: the draft says only what is left.
              ? "Order taken back: "
                  + Safe.text(gone.getText())
                  + (gone.getAuthor().isEmpty()
                      ? ""
                      : " (written by " + Safe.text(gone.getAuthor()) + ")")
              : Safe.text(editor)
                  + " removed order "
                  + (i + 1)
                  + " ("
                  + Safe.text(gone.getText())
                  + written
                  + ")";
      out.addAll(wrap(styled(WARN, line), width, 4));
    }
    return out;
  }

  /** A team-mate's connection or readiness: "Ani is ready; still drafting: Bo." */
  static AttributedString seatStatus(org.entente.proto.protocol.v1.SeatStatus s, SessionView v) {
    String name =
        Safe.text(v == null ? "seat " + s.getSeatId() : ViewModel.seatName(v, s.getSeatId()));
    String team = Safe.text(s.getCountry());
    return switch (s.getReason()) {
      case "ready" -> {
        // The view may already be past the turn (the report follows at once): then no one is left
        // drafting.
        List<String> drafting =
            v == null || v.getTurn() != s.getReadyTurn()
                ? List.<String>of()
                : v.getSeatsList().stream()
                    .filter(
                        x ->
                            x.getCountry().equals(s.getCountry())
                                && x.getSeatId() != s.getSeatId()
                                && x.getConnected()
                                && !x.getReady())
                    .map(x -> Safe.text(x.getDisplayName()))
                    .toList();
        yield styled(
            DIM,
            name
                + " ("
                + team
                + ") is ready"
                + (drafting.isEmpty()
                    ? "."
                    : "; still drafting: " + String.join(", ", drafting) + "."));
      }
      case "connection lost" ->
          styled(
              WARN,
              name
                  + " ("
                  + team
                  + ") lost the connection; the team's readiness no longer waits for them.");
      case "reconnected" -> styled(DIM, name + " (" + team + ") is back.");
      case "the orders changed" ->
          styled(DIM, name + " (" + team + ") is no longer ready: the orders changed.");
      default -> styled(DIM, name + " (" + team + "): " + Safe.text(s.getReason()) + ".");
    };
  }

  static String role(org.entente.proto.protocol.v1.Role r) {
    switch (r) {
      case GAME_MASTER:
        return "game master";
      case SPECTATOR:
        return "spectator";
      default:
        return "player";
    }
  }

  private static String country(SessionView v, String id) {
    return v == null ? "for " + id : "for " + ViewModel.nameOf(v, id);
  }

  static AttributedString message(ChatMessage m, SessionView v) {
    AttributedStringBuilder b = new AttributedStringBuilder();
    b.styled(DIM, "[T" + m.getTurn() + "] ");
    String from =
        Safe.line(m.getFromName())
            + (m.getFromCountry().isEmpty() ? "" : " (" + Safe.line(m.getFromCountry()) + ")");
    switch (m.getChannel()) {
      case PRIVATE:
        b.styled(NAME, from).append(" to ").styled(NAME, Safe.line(m.getToCountry())).append(": ");
        break;
      case TEAM:
        b.styled(NAME, from).append(" to the team: ");
        break;
      case PUBLIC:
        b.styled(NAME, from).append(", in public: ");
        break;
      case ANNOUNCEMENT:
        b.styled(WARN.bold(), "Announcement from " + Safe.line(m.getFromName()) + ": ");
        break;
      default:
        b.styled(NAME, from).append(": ");
        break;
    }
    b.append(Safe.text(m.getText()));
    return b.toAttributedString();
  }

  static List<AttributedString> report(TurnReport r, int width) {
    List<AttributedString> out = new ArrayList<>();
    out.add(styled(HEADING, "== Turn " + r.getTurn() + " report (" + cause(r.getCause()) + ") =="));
    if (r.getLinesCount() == 0) {
      out.add(new AttributedString("A quiet turn: nothing you can see happened."));
    }
    for (ReportLine l : r.getLinesList()) {
      String tag =
          l.getVisibility().equals("GAME_MASTER")
              ? "[GM only] "
              : l.getVisibility().equals("PRIVATE") ? "[private] " : "";
      out.addAll(
          wrap(
              new AttributedStringBuilder()
                  .append("• ")
                  .styled(DIM, tag)
                  .append(Safe.text(l.getText()))
                  .toAttributedString(),
              width,
              2));
    }
    return out;
  }

  static String cause(String cause) {
    switch (cause) {
      case "ALL_READY":
        return "every country with players was ready";
      case "DEADLINE":
        return "the deadline passed";
      case "FORCED":
        return "the game master resolved it";
      default:
        return Safe.line(cause.toLowerCase(Locale.ROOT));
    }
  }

  /**
   * One entry of the inbox: a message or news as it showed when it arrived, or a turn report's
   * offers to the seat's country, one line each: "Offer (T2): France offered Armenia a joint
   * exercise; to accept, order `JOINT_EXERCISE FRA` next turn ...".
   */
  static List<AttributedString> inboxEntry(Event e, SessionView v, int width) {
    if (!e.hasTurnReport()) {
      return event(e, v, false, width);
    }
    List<AttributedString> out = new ArrayList<>();
    for (ReportLine l : e.getTurnReport().getLinesList()) {
      out.addAll(
          wrap(
              new AttributedStringBuilder()
                  .styled(DIM, "[T" + e.getTurnReport().getTurn() + "] ")
                  .styled(NAME, "Offer: ")
                  .append(Safe.text(l.getText()))
                  .toAttributedString(),
              width,
              4));
    }
    return out;
  }

  static List<AttributedString> news(NewsEvent n, int width) {
    List<AttributedString> out = new ArrayList<>();
    out.add(
        new AttributedStringBuilder()
            .styled(WARN.bold(), "NEWS: " + Safe.line(n.getTitle()))
            .toAttributedString());
    out.addAll(wrap(new AttributedString("  " + Safe.text(n.getText())), width, 2));
    return out;
  }

  static String phase(PhaseChanged p, SessionView v) {
    switch (p.getPhase()) {
      case RUNNING:
        {
          String total = v == null || v.getTotalTurns() == 0 ? "" : " of " + v.getTotalTurns();
          String reason = Safe.line(p.getReason());
          String deadline =
              p.getDeadlineEpochMillis() == 0
                  ? ""
                  : "; orders due in "
                      + clock(
                          Duration.ofMillis(
                              Math.max(
                                  0, p.getDeadlineEpochMillis() - System.currentTimeMillis())));
          return "Turn " + p.getTurn() + total + " is open (" + reason + ")" + deadline + ".";
        }
      case PAUSED:
        return "The game is paused"
            + (p.getPausedSecondsLeft() > 0
                ? " with "
                    + clock(Duration.ofSeconds(p.getPausedSecondsLeft()))
                    + " left on the turn"
                : "")
            + ".";
      case ENDED:
        return "The game has ended (" + Safe.line(p.getReason()) + ").";
      default:
        return "The game is "
            + p.getPhase().name().toLowerCase(Locale.ROOT)
            + " ("
            + Safe.line(p.getReason())
            + ").";
    }
  }

  /** An error response: the server's sentence, then every listed problem, unwrapped. */
  static List<AttributedString> error(Error e) {
    return error(e, Integer.MAX_VALUE);
  }

  /** An error response wrapped to {@code width} on word boundaries, as reports are. */
  static List<AttributedString> error(Error e, int width) {
    List<AttributedString> out = new ArrayList<>();
    String prefix;
    switch (e.getCode()) {
      case ORDER_NOT_UNDERSTOOD:
        prefix = "Not understood: ";
        break;
      case ORDER_NOT_ALLOWED:
        prefix = "Not allowed: ";
        break;
      default:
        prefix = "";
        break;
    }
    out.addAll(wrap(styled(BAD, prefix + Safe.line(e.getMessage())), width, 2));
    e.getProblemsList().forEach(p -> out.addAll(wrap(styled(BAD, "  " + Safe.line(p)), width, 4)));
    return out;
  }

  /** The one-line status: turn, countdown, readiness, seat. */
  static AttributedString statusLine(SessionView v, long nowMillis, boolean connected, int width) {
    return statusLine(v, Optional.empty(), nowMillis, connected, width);
  }

  /** The status line; with the briefing, a player's line also shows the order points used and left. */
  static AttributedString statusLine(
      SessionView v, Optional<Briefing> briefing, long nowMillis, boolean connected, int width) {
    AttributedStringBuilder b = new AttributedStringBuilder();
    if (!connected) {
      b.styled(BAD.bold(), "reconnecting... ");
    }
    b.styled(NAME, "Turn " + v.getTurn() + "/" + v.getTotalTurns());
    b.append(" · ").append(countdown(v, nowMillis));
    List<CountryStatus> staffed =
        v.getCountriesList().stream().filter(c -> c.getPlayable() && c.getPlayers() > 0).toList();
    if (v.getPhase() == Phase.RUNNING && !staffed.isEmpty()) {
      long ready = staffed.stream().filter(CountryStatus::getReady).count();
      b.append(" · ready " + ready + "/" + staffed.size() + ":");
      for (CountryStatus c : staffed) {
        b.append(" ");
        b.styled(c.getReady() ? GOOD : DIM, Safe.line(c.getId()) + (c.getReady() ? "✓" : "…"));
      }
    }
    List<org.entente.proto.protocol.v1.SeatInfo> team =
        v.getSeatsList().stream()
            .filter(
                x ->
                    x.getRole() == org.entente.proto.protocol.v1.Role.PLAYER
                        && x.getCountry().equals(v.getViewerCountry()))
            .toList();
    if (v.getPhase() == Phase.RUNNING && !v.getViewerCountry().isEmpty() && team.size() > 1) {
      b.append(" · team:");
      for (org.entente.proto.protocol.v1.SeatInfo m : team) {
        b.append(" ");
        b.styled(
            !m.getConnected() ? BAD : m.getReady() ? GOOD : DIM,
            Safe.line(m.getDisplayName())
                + (!m.getConnected() ? "(away)" : m.getReady() ? "✓" : "…"));
      }
    }
    List<String> bots =
        v.getCountriesList().stream()
            .filter(CountryStatus::getBot)
            .map(c -> Safe.line(c.getId()))
            .toList();
    if (!bots.isEmpty()) {
      b.styled(DIM, " · bots: " + String.join(" ", bots));
    }
    if (v.getViewerRole() == org.entente.proto.protocol.v1.Role.PLAYER
        && briefing.isPresent()
        && v.getPhase() == Phase.RUNNING) {
      int used = OrderPoints.used(briefing.get(), ViewModel.ownDraft(v));
      int total = briefing.get().getOrderPoints();
      b.append(" · ").styled(used > total ? BAD : NAME, "points " + used + "/" + total);
    }
    b.append(" · ")
        .styled(
            NAME,
            v.getViewerCountry().isEmpty()
                ? role(v.getViewerRole())
                : Safe.line(v.getViewerCountry()));
    AttributedString s = b.toAttributedString();
    return s.columnLength() > width ? s.columnSubSequence(0, Math.max(0, width - 1)) : s;
  }

  static String countdown(SessionView v, long nowMillis) {
    switch (v.getPhase()) {
      case WAITING:
        return "waiting for the game master to start";
      case PAUSED:
        return "paused"
            + (v.getPausedSecondsLeft() > 0
                ? ", " + clock(Duration.ofSeconds(v.getPausedSecondsLeft())) + " left"
                : "");
      case ENDED:
        return "game over";
      case RUNNING:
        if (v.getDeadlineEpochMillis() == 0) {
          return "no deadline";
        }
        return clock(Duration.ofMillis(Math.max(0, v.getDeadlineEpochMillis() - nowMillis)))
            + " left";
      default:
        return "";
    }
  }

  /** {@code 4:05}, {@code 1:02:03}. */
  static String clock(Duration d) {
    long s = (d.toMillis() + 999) / 1000;
    return s >= 3600
        ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
        : String.format("%d:%02d", s / 60, s % 60);
  }

  /**
   * Word-wraps {@code text} to {@code width} columns; continuation lines are indented. A line
   * feed in {@code text} (kept by {@link Safe#text}) starts a continuation line too, so a
   * message's second line sits under its speaker and cannot pass for another speaker's line.
   */
  static List<AttributedString> wrap(AttributedString text, int width, int indent) {
    List<AttributedString> out = new ArrayList<>();
    String plain = text.toString();
    int start = 0;
    for (int nl = plain.indexOf('\n'); ; nl = plain.indexOf('\n', start)) {
      int end = nl < 0 ? plain.length() : nl;
      wrapParagraph(text.subSequence(start, end), width, indent, start > 0, out);
      if (nl < 0) {
        return out;
      }
      start = nl + 1;
    }
  }

  private static void wrapParagraph(
      AttributedString text,
      int width,
      int indent,
      boolean continuation,
      List<AttributedString> out) {
    int w = Math.max(width, 20);
    AttributedString rest = text;
    boolean first = !continuation;
    while (true) {
      int avail = first ? w : w - indent;
      if (rest.columnLength() <= avail) {
        out.add(first ? rest : concat(" ".repeat(indent), rest));
        return;
      }
      String plain = rest.toString();
      int cut = rest.columnSubSequence(0, avail).length();
      int space = plain.lastIndexOf(' ', cut);
      int end = space > avail / 3 ? space : cut;
      AttributedString head = rest.subSequence(0, end);
      out.add(first ? head : concat(" ".repeat(indent), head));
      int next = end;
      while (next < plain.length() && plain.charAt(next) == ' ') {
        next++;
      }
      rest = rest.subSequence(next, plain.length());
      first = false;
    }
  }

  static List<AttributedString> wrap(String text, int width, int indent) {
    List<AttributedString> out = new ArrayList<>();
    for (String para : text.split("\n", -1)) {
      out.addAll(wrap(new AttributedString(para), width, indent));
    }
    return out;
  }

  private static AttributedString concat(String prefix, AttributedString s) {
    return new AttributedStringBuilder().append(prefix).append(s).toAttributedString();
  }

  static AttributedString styled(AttributedStyle style, String text) {
    return new AttributedStringBuilder().styled(style, text).toAttributedString();
  }

  static AttributedString plain(String text) {
    return new AttributedString(text);
  }
}
