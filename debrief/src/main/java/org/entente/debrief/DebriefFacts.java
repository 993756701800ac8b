package org.entente.debrief;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToIntFunction;
import org.entente.engine.Phase;
import org.entente.engine.model.Actor;
import org.entente.engine.model.Effect;
import org.entente.engine.model.HistoricalNote;
import org.entente.engine.model.MemberStatus;
import org.entente.engine.model.NoteKind;
import org.entente.engine.model.Organisation;
import org.entente.engine.model.ScheduledEvent;
import org.entente.engine.model.Source;
import org.entente.engine.model.TurnLength;
import org.entente.engine.report.ReportLine;
import org.entente.engine.report.Visibility;
import org.entente.engine.state.GameState;

/** What both renderings of a debrief read from a record: dates, series, bands, sources. */
final class DebriefFacts {
  private final GameRecord record;

  DebriefFacts(GameRecord record) {
    this.record = record;
  }

  int turns() {
    return record.turns().size();
  }

  List<Actor> playable() {
    return record.scenario().playableActors();
  }

  String name(String id) {
    return record.scenario().nameOf(id);
  }

  /** The calendar label of a turn: "July 2024" for monthly turns, "3 July 2024" otherwise. */
  String date(int turn) {
    boolean monthly = record.scenario().metadata().turnLength() == TurnLength.MONTH;
    return record
        .scenario()
        .metadata()
        .dateOf(turn)
        .format(DateTimeFormatter.ofPattern(monthly ? "MMMM yyyy" : "d MMMM yyyy", Locale.ENGLISH));
  }

  /** One value per state, T0..Tn. */
  int[] series(ToIntFunction<GameState> value) {
    int[] out = new int[record.states().size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = value.applyAsInt(record.states().get(i));
    }
    return out;
  }

  /** One series per playable country of a per-country quantity. */
  List<Svg.Series> perCountry(java.util.function.BiFunction<GameState, String, Integer> value) {
    List<Svg.Series> out = new ArrayList<>();
    List<Actor> playable = playable();
    for (int i = 0; i < playable.size(); i++) {
      String id = playable.get(i).id();
      out.add(new Svg.Series(id, series(s -> value.apply(s, id)), i));
    }
    return out;
  }

  /** One line chart: its title, lines and value range. The page draws it and prints its numbers. */
  record Chart(String title, List<Svg.Series> series, int min, int max) {}

  /** Every line chart of the page, in order: SEC, DOM, STD, the tracks, then trust per country. */
  List<Chart> charts() {
    List<Chart> out = new ArrayList<>();
    out.add(new Chart("SEC: security", perCountry((s, a) -> s.sec(a)), 0, 100));
    out.add(new Chart("DOM: domestic support", perCountry((s, a) -> s.dom(a)), 0, 100));
    out.add(new Chart("STD: international standing", perCountry((s, a) -> s.std(a)), 0, 100));
    if (!record.scenario().tracks().isEmpty()) {
      List<Svg.Series> tracks =
          record.scenario().tracks().stream()
              .map(t -> new Svg.Series(t.id(), series(s -> s.track(t.id()))))
              .toList();
      out.add(new Chart("Tracks", tracks, 0, 100));
    }
    for (Actor a : playable()) {
      out.add(
          new Chart("Trust of " + a.id() + " (" + a.name() + ")", trustFrom(a.id()), -100, 100));
    }
    return out;
  }

  /** The index in {@link #charts()} of the first trust chart. */
  int firstTrustChart() {
    return record.scenario().tracks().isEmpty() ? 3 : 4;
  }

  /** Trust of {@code from} toward each other playable country. */
  List<Svg.Series> trustFrom(String from) {
    List<Svg.Series> out = new ArrayList<>();
    List<Actor> playable = playable();
    for (int i = 0; i < playable.size(); i++) {
      String to = playable.get(i).id();
      if (!to.equals(from)) {
        // Each country keeps its colour in every chart.
        out.add(new Svg.Series("\u2192 " + to, series(s -> s.trust(from, to)), i));
      }
    }
    return out;
  }

  List<Organisation> organisations() {
    return record.scenario().organisations();
  }

  /** Members of an organisation (anyone with a status other than NONE at some point) and their statuses. */
  List<Svg.Band> membership(Organisation org) {
    List<Svg.Band> rows = new ArrayList<>();
    for (Actor a : record.scenario().actors()) {
      List<String> statuses = new ArrayList<>();
      boolean ever = false;
      for (GameState s : record.states()) {
        MemberStatus status = s.memberStatus(a.id(), org.id());
        ever |= status != MemberStatus.NONE;
        String label = status.name();
        statuses.add(label);
      }
      if (ever) {
        rows.add(new Svg.Band(a.id() + " " + a.name(), statuses));
      }
    }
    return rows;
  }

  /** Who could see a report line, in words. */
  static String audience(ReportLine line) {
    Visibility v = line.visibility();
    switch (v.scope()) {
      case PUBLIC:
        return "public";
      case ACTORS:
        return "private: " + String.join(", ", v.actors());
      case GAME_MASTER:
        return "game master only";
      default:
        throw new AssertionError(v.scope());
    }
  }

  /**
   * The game's real length in words, "4 monthly turns, July 2024 to November 2024", with the
   * scenario's planned length when it differs (the scenario's own summary may speak of another).
   */
  String length() {
    int n = turns();
    var meta = record.scenario().metadata();
    String unit =
        switch (meta.turnLength()) {
          case DAY -> "daily";
          case WEEK -> "weekly";
          case MONTH -> "monthly";
          case QUARTER -> "quarterly";
          case YEAR -> "yearly";
        };
    String played =
        n == 0
            ? "No turn played yet"
            : n + " " + unit + " turn" + (n == 1 ? "" : "s") + ", " + date(0) + " to " + date(n);
    String planned =
        record.plannedTurns() == n
            ? ""
            : record.finished() ? "" : " (" + record.plannedTurns() + " planned)";
    String written =
        meta.defaultTurns() == record.plannedTurns()
            ? ""
            : "; the scenario was written for " + meta.defaultTurns() + " turns";
    return played + planned + written + ".";
  }

  /** "Final scores" for a finished game, "Scores so far" otherwise. */
  String scoresHeading() {
    return record.finished()
        ? "Final scores"
        : "Scores so far (after T" + turns() + " of " + record.plannedTurns() + ")";
  }

  /** The game master's injected news that fired at a turn's upkeep (or end, for after-orders news). */
  List<ScheduledEvent> injects(int turn) {
    return record.scenario().events().stream()
        .filter(e -> GameRecord.isInject(e) && e.turn() == turn)
        .toList();
  }

  /** An event's effects as text: "sec(ARM) +5, trust(ARM, RUS) -10"; "no effect on the numbers" when none. */
  static String effects(ScheduledEvent e) {
    if (e.effects().isEmpty()) {
      return "no effect on the numbers";
    }
    List<String> out = new ArrayList<>();
    for (Effect x : e.effects()) {
      out.add(x.target() + " " + (x.delta() >= 0 ? "+" : "-") + Math.abs(x.delta()));
    }
    return String.join(", ", out);
  }

  /** A turn's start-of-turn changes: its upkeep lines (scheduled events, drift, upkeep costs). */
  static List<ReportLine> startOfTurn(GameRecord.Turn turn) {
    return turn.report().lines().stream().filter(l -> l.phase() == Phase.UPKEEP).toList();
  }

  /** The rest of a turn's outcomes. */
  static List<ReportLine> outcomes(GameRecord.Turn turn) {
    return turn.report().lines().stream().filter(l -> l.phase() != Phase.UPKEEP).toList();
  }

  List<HistoricalNote> notes(NoteKind kind) {
    return record.scenario().notes().stream().filter(n -> n.kind() == kind).toList();
  }

  /** A source key as a citation (the address without its scheme, as plain text), or the key itself. */
  String source(String key) {
    Map<String, Source> byKey = new java.util.HashMap<>();
    record.scenario().metadata().sources().forEach(s -> byKey.put(s.key(), s));
    Source s = byKey.get(key);
    if (s == null) {
      return key;
    }
    String url = s.url() == null ? "" : s.url().replaceFirst("^[a-zA-Z]+://", "");
    return s.citation() + (url.isEmpty() ? "" : " (" + url + ")");
  }

  String sources(List<String> keys) {
    List<String> out = new ArrayList<>();
    keys.forEach(k -> out.add(source(k)));
    return String.join("; ", out);
  }
}
