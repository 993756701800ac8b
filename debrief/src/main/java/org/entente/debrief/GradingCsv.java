package org.entente.debrief;

import java.util.ArrayList;
import java.util.List;
import org.entente.engine.model.Actor;
import org.entente.engine.model.Organisation;
import org.entente.engine.model.Track;
import org.entente.engine.state.GameState;

/**
 * The two spreadsheets a teacher grades from: {@code students.csv}, one row per seat with
 * counts of what it did (never the text of a message), and {@code quantities.csv}, one row per
 * turn and country with every quantity and track. RFC 4180 with CRLF, UTF-8 with a byte-order
 * mark (so that spreadsheet programs read names in any script), and every text cell that a
 * spreadsheet would take for a formula (starting with = + - @, a tab or a carriage return)
 * prefixed with an apostrophe. Numbers are written as numbers, negative ones included.
 */
public final class GradingCsv {
  private GradingCsv() {}

  /** The byte-order mark that opens both files. */
  public static final String BOM = "\uFEFF";

  static final List<String> STUDENT_COLUMNS =
      List.of(
          "seat",
          "name",
          "country",
          "role",
          "messages_public",
          "messages_announcement",
          "messages_private",
          "messages_team",
          "words_written",
          "orders_authored",
          "orders_sealed",
          "first_active_turn",
          "last_active_turn");

  /** One row per seat of the roster: who, what role, and counts of messages, words and orders. */
  public static String students(GameRecord record) {
    StringBuilder b = new StringBuilder(BOM);
    row(b, new ArrayList<>(STUDENT_COLUMNS));
    for (GameRecord.Seat seat : record.roster()) {
      int[] byChannel = new int[GameRecord.Channel.values().length];
      int words = 0;
      int first = seat.firstOrderTurn();
      int last = seat.lastOrderTurn();
      for (GameRecord.Message m : record.messages()) {
        if (seat.bot() || !m.from().equals(seat.country()) || !m.fromName().equals(seat.name())) {
          continue;
        }
        byChannel[m.channel().ordinal()]++;
        words += words(m.text());
        first = first == 0 ? m.turn() : Math.min(first, m.turn());
        last = Math.max(last, m.turn());
      }
      List<Object> cells = new ArrayList<>();
      cells.add(seat.seat());
      cells.add(seat.bot() ? "" : seat.name());
      cells.add(seat.country());
      cells.add(seat.bot() ? "bot" : seat.country().isEmpty() ? "game master" : "player");
      cells.add(byChannel[GameRecord.Channel.PUBLIC.ordinal()]);
      cells.add(byChannel[GameRecord.Channel.ANNOUNCEMENT.ordinal()]);
      cells.add(byChannel[GameRecord.Channel.PRIVATE.ordinal()]);
      cells.add(byChannel[GameRecord.Channel.TEAM.ordinal()]);
      cells.add(words);
      cells.add(seat.ordersAuthored());
      cells.add(seat.ordersSealed());
      cells.add(first == 0 ? "" : first);
      cells.add(last == 0 ? "" : last);
      row(b, cells);
    }
    return b.toString();
  }

  /**
   * One row per state (T0 and after each turn) and actor: SEC, DOM, STD, RF, grievance, trust
   * toward every other actor, membership status, credibility and cohesion of every
   * organisation, and every track (the same on each row of a turn, for filtering).
   */
  public static String quantities(GameRecord record) {
    DebriefFacts f = new DebriefFacts(record);
    List<Actor> actors = record.scenario().actors();
    List<Organisation> orgs = record.scenario().organisations();
    List<Track> tracks = record.scenario().tracks();
    List<Object> header =
        new ArrayList<>(
            List.of("turn", "date", "country", "playable", "sec", "dom", "std", "rf", "grievance"));
    actors.forEach(a -> header.add("trust_to_" + a.id()));
    orgs.forEach(o -> header.add("status_" + o.id()));
    orgs.forEach(
        o -> {
          header.add("cred_" + o.id());
          header.add("coh_" + o.id());
        });
    tracks.forEach(t -> header.add("track_" + t.id()));
    StringBuilder b = new StringBuilder(BOM);
    row(b, header);
    for (int turn = 0; turn < record.states().size(); turn++) {
      GameState s = record.states().get(turn);
      for (Actor a : actors) {
        List<Object> cells =
            new ArrayList<>(
                List.of(
                    turn,
                    f.date(turn),
                    a.id(),
                    a.playable() ? "yes" : "no",
                    s.sec(a.id()),
                    s.dom(a.id()),
                    s.std(a.id()),
                    s.rf(a.id()),
                    s.grievance(a.id())));
        for (Actor to : actors) {
          cells.add(to.id().equals(a.id()) ? "" : s.trust(a.id(), to.id()));
        }
        orgs.forEach(o -> cells.add(s.memberStatus(a.id(), o.id()).name()));
        orgs.forEach(
            o -> {
              cells.add(s.cred(o.id()));
              cells.add(s.coh(o.id()));
            });
        tracks.forEach(t -> cells.add(s.track(t.id())));
        row(b, cells);
      }
    }
    return b.toString();
  }

  static int words(String text) {
    String t = text.strip();
    return t.isEmpty() ? 0 : t.split("\\s+").length;
  }

  private static void row(StringBuilder b, List<?> cells) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        b.append(',');
      }
      Object c = cells.get(i);
      b.append(c instanceof Integer ? c.toString() : cell(c.toString()));
    }
    b.append("\r\n");
  }

  /** One text cell: guarded against formulas, quoted when it holds a comma, quote or line break. */
  static String cell(String text) {
    String s = text;
    if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
      s = "'" + s;
    }
    if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
      s = "\"" + s.replace("\"", "\"\"") + "\"";
    }
    return s;
  }
}
