package org.entente.debrief;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToIntFunction;
import org.entente.engine.model.Actor;
import org.entente.engine.model.HistoricalNote;
import org.entente.engine.model.MemberStatus;
import org.entente.engine.model.NoteKind;
import org.entente.engine.model.Organisation;
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
    return record.scenario().metadata().dateOf(turn)
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
