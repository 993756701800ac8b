package org.entente.cli.connect;

import static org.entente.cli.connect.Renderers.DIM;
import static org.entente.cli.connect.Renderers.GOOD;
import static org.entente.cli.connect.Renderers.HEADING;
import static org.entente.cli.connect.Renderers.styled;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.entente.cli.Safe;
import org.entente.cli.connect.CommandSpec.Where;
import org.entente.client.ViewModel;
import org.entente.engine.order.OrderSyntax;
import org.entente.proto.protocol.v1.Briefing;
import org.entente.proto.protocol.v1.BriefingSource;
import org.entente.proto.protocol.v1.Country;
import org.entente.proto.protocol.v1.CountryOrders;
import org.entente.proto.protocol.v1.CountryQuantities;
import org.entente.proto.protocol.v1.CountryStatus;
import org.entente.proto.protocol.v1.CriterionBrief;
import org.entente.proto.protocol.v1.CriterionStatus;
import org.entente.proto.protocol.v1.Draft;
import org.entente.proto.protocol.v1.DraftOrder;
import org.entente.proto.protocol.v1.GameStateView;
import org.entente.proto.protocol.v1.MemberState;
import org.entente.proto.protocol.v1.ObjectiveBrief;
import org.entente.proto.protocol.v1.ObjectiveScore;
import org.entente.proto.protocol.v1.OrderKindBrief;
import org.entente.proto.protocol.v1.OrderSlot;
import org.entente.proto.protocol.v1.OrganisationState;
import org.entente.proto.protocol.v1.Phase;
import org.entente.proto.protocol.v1.ScenarioSummary;
import org.entente.proto.protocol.v1.SeatInfo;
import org.entente.proto.protocol.v1.SessionView;
import org.entente.proto.protocol.v1.SlotType;
import org.entente.proto.protocol.v1.TimelineEntry;
import org.entente.proto.protocol.v1.TrackValue;
import org.entente.proto.protocol.v1.TrustValue;
import org.entente.proto.protocol.v1.TurnReport;
import org.jline.utils.AttributedString;

/** The shell's larger views (status, seats, orders, briefing, timeline, help) as terminal lines. */
final class Screens {
  private Screens() {}

  /** Status for {@code country} (the player's own, or any for the game master). */
  static List<AttributedString> status(SessionView v, String country, long now, int width) {
    List<AttributedString> out = new ArrayList<>();
    GameStateView g = v.getGame();
    out.add(
        styled(
            HEADING,
            Safe.line(v.getScenarioTitle())
                + " · turn "
                + v.getTurn()
                + " of "
                + v.getTotalTurns()
                + " · "
                + Renderers.countdown(v, now)));
    if (g.getTurn() > 0) {
      out.add(
          styled(
              DIM,
              "Situation after turn "
                  + g.getTurn()
                  + (g.getDate().isEmpty() ? "" : " (" + Safe.line(g.getDate()) + ")")));
    }
    Table ready = new Table("country", "players", "ready").right(1);
    for (CountryStatus c : v.getCountriesList()) {
      if (c.getPlayable()) {
        ready.row(
            c.getId() + " " + c.getName(),
            c.getPlayers(),
            c.getPlayers() == 0 ? "(no players)" : c.getReady() ? "ready" : "not yet");
      }
    }
    out.addAll(ready.render(width));
    if (!country.isEmpty()) {
      Optional<CountryQuantities> q =
          g.getCountriesList().stream().filter(c -> c.getCountry().equals(country)).findFirst();
      out.add(AttributedString.EMPTY);
      out.add(styled(HEADING, Safe.line(ViewModel.nameOf(v, country))));
      if (q.isPresent()) {
        out.addAll(
            new Table("security", "domestic support", "standing", "regional force", "grievance")
                .right(0, 1, 2, 3, 4)
                .row(
                    q.get().getSec(),
                    q.get().getDom(),
                    q.get().getStd(),
                    q.get().getRf(),
                    q.get().getGrievance())
                .render(width));
      }
      Table trust = new Table("with", "their trust in you", "your trust in them").right(1, 2);
      for (CountryStatus other : v.getCountriesList()) {
        if (!other.getId().equals(country)) {
          Optional<Integer> in = trust(g, other.getId(), country);
          Optional<Integer> outT = trust(g, country, other.getId());
          if (in.isPresent() || outT.isPresent()) {
            trust.row(
                other.getId() + " " + other.getName(),
                in.map(String::valueOf).orElse("?"),
                outT.map(String::valueOf).orElse("?"));
          }
        }
      }
      if (!trust.isEmpty()) {
        out.addAll(trust.render(width));
      }
      Table members = new Table("organisation", "you", "credibility", "cohesion").right(2, 3);
      for (OrganisationState o : g.getOrganisationsList()) {
        String status = "not a member";
        for (MemberState m : o.getMembersList()) {
          if (m.getActor().equals(country)) {
            status =
                m.getStatus().toLowerCase()
                    + (m.getNoticeTurnsLeft() > 0
                        ? " (" + m.getNoticeTurnsLeft() + " turns left)"
                        : "");
          }
        }
        members.row(o.getId() + " " + o.getName(), status, o.getCredibility(), o.getCohesion());
      }
      if (!members.isEmpty()) {
        out.addAll(members.render(width));
      }
    }
    if (g.getTracksCount() > 0) {
      Table tracks = new Table("track", "value").right(1);
      for (TrackValue t : g.getTracksList()) {
        tracks.row(t.getName(), t.getValue());
      }
      out.addAll(tracks.render(width));
    }
    if (g.getObligationsCount() > 0) {
      out.add(styled(HEADING, "Pending obligations"));
      g.getObligationsList()
          .forEach(o -> out.addAll(Renderers.wrap("• " + Safe.line(o), width, 2)));
    } else if (!country.isEmpty()) {
      out.add(styled(DIM, "No pending obligations."));
    }
    return out;
  }

  private static Optional<Integer> trust(GameStateView g, String from, String to) {
    return g.getTrustList().stream()
        .filter(t -> t.getFrom().equals(from) && t.getTo().equals(to))
        .map(TrustValue::getValue)
        .findFirst();
  }

  static List<AttributedString> who(SessionView v, int width) {
    Table t = new Table("seat", "name", "role", "country", "connected", "ready").right(0);
    for (SeatInfo s : v.getSeatsList()) {
      t.row(
          s.getSeatId(),
          s.getDisplayName(),
          Renderers.role(s.getRole()),
          s.getCountry(),
          s.getConnected() ? "yes" : "no",
          s.getRole() != org.entente.proto.protocol.v1.Role.PLAYER || v.getPhase() != Phase.RUNNING
              ? ""
              : s.getReady() ? "ready" : "drafting");
    }
    List<AttributedString> out =
        new ArrayList<>(t.isEmpty() ? List.of(Renderers.plain("No seats yet.")) : t.render(width));
    List<String> bots =
        v.getCountriesList().stream()
            .filter(CountryStatus::getBot)
            .map(c -> Safe.text(c.getId()) + " " + Safe.text(c.getName()))
            .toList();
    if (!bots.isEmpty()) {
      out.addAll(
          Renderers.wrap(
              "Played by bots (always ready): " + String.join(", ", bots) + ".", width, 2));
    }
    return out;
  }

  static List<AttributedString> orders(SessionView v, Draft d, int width) {
    return orders(v, d, Optional.empty(), width);
  }

  /** The draft, numbered, with who wrote each order and, from the briefing, its cost and the points left. */
  static List<AttributedString> orders(
      SessionView v, Draft d, Optional<Briefing> briefing, int width) {
    List<AttributedString> out = new ArrayList<>();
    String name = ViewModel.nameOf(v, d.getCountry());
    if (d.getOrdersCount() == 0) {
      out.add(
          Renderers.plain(
              "No orders yet for "
                  + Safe.line(name)
                  + " this turn. Type an order, e.g. STATEMENT RUS REASSURE."));
      return out;
    }
    Table t =
        briefing.isPresent()
            ? new Table("#", "order", "cost", "by").right(0, 2)
            : new Table("#", "order", "by").right(0);
    int i = 1;
    for (DraftOrder o : d.getOrdersList()) {
      if (briefing.isPresent()) {
        t.row(
            i++,
            Safe.text(o.getText()),
            OrderPoints.cost(briefing.get(), d.getCountry(), o),
            Safe.text(o.getAuthor()));
      } else {
        t.row(i++, Safe.text(o.getText()), Safe.text(o.getAuthor()));
      }
    }
    out.addAll(t.render(width));
    if (briefing.isPresent()) {
      int used = OrderPoints.used(briefing.get(), d);
      int total = briefing.get().getOrderPoints();
      out.add(
          used > total
              ? styled(
                  Renderers.BAD,
                  used + " of " + total + " order points: " + (used - total) + " too many.")
              : styled(
                  DIM, used + " of " + total + " order points used, " + (total - used) + " left."));
    }
    out.add(
        d.getReady()
            ? styled(GOOD, Safe.line(name) + " is ready.")
            : styled(DIM, "Not ready yet: type 'ready' when the team is done."));
    return out;
  }

  /** The game master's watch-everything view: every country's numbers, readiness and orders. */
  static List<AttributedString> watch(SessionView v, long now, int width) {
    List<AttributedString> out = new ArrayList<>();
    out.add(
        styled(
            HEADING,
            Safe.line(v.getScenarioTitle())
                + " · turn "
                + v.getTurn()
                + " of "
                + v.getTotalTurns()
                + " · "
                + Renderers.countdown(v, now)));
    Table t =
        new Table("country", "players", "ready", "orders", "SEC", "DOM", "STD", "RF", "grv")
            .right(1, 3, 4, 5, 6, 7, 8);
    for (CountryStatus c : v.getCountriesList()) {
      Optional<CountryQuantities> q =
          v.getGame().getCountriesList().stream()
              .filter(x -> x.getCountry().equals(c.getId()))
              .findFirst();
      int orders =
          v.getDraftsList().stream()
              .filter(d -> d.getCountry().equals(c.getId()))
              .mapToInt(Draft::getOrdersCount)
              .sum();
      t.row(
          c.getId(),
          c.getPlayable() ? c.getPlayers() : "-",
          !c.getPlayable() ? "engine" : c.getReady() ? "ready" : "",
          c.getPlayable() ? orders : "",
          q.map(x -> x.getSec()).orElse(null),
          q.map(x -> x.getDom()).orElse(null),
          q.map(x -> x.getStd()).orElse(null),
          q.map(x -> x.getRf()).orElse(null),
          q.map(x -> x.getGrievance()).orElse(null));
    }
    out.addAll(t.render(width));
    for (Draft d : v.getDraftsList()) {
      for (DraftOrder o : d.getOrdersList()) {
        out.addAll(
            Renderers.wrap(
                Safe.line(d.getCountry() + ": " + o.getText() + "  (" + o.getAuthor() + ")"),
                width,
                4));
      }
    }
    for (ObjectiveScore o : v.getGame().getObjectivesList()) {
      out.add(
          Renderers.plain(Safe.line(o.getCountry()) + " objectives: " + o.getPoints() + "/100"));
    }
    return out;
  }

  /**
   * The scenario's background and sources as the server sent them ({@code briefing}), and the
   * seat's hidden objectives with their live scores from the view.
   */
  static List<AttributedString> briefing(Optional<Briefing> briefing, SessionView v, int width) {
    List<AttributedString> out = new ArrayList<>();
    out.add(styled(HEADING, Safe.line(v.getScenarioTitle())));
    if (briefing.isPresent()) {
      Briefing b = briefing.get();
      out.addAll(Renderers.wrap(Safe.text(b.getBackground().strip()), width, 0));
      if (b.getSourcesCount() > 0) {
        out.add(AttributedString.EMPTY);
        out.add(styled(HEADING, "Sources"));
        for (BriefingSource s : b.getSourcesList()) {
          out.addAll(
              Renderers.wrap(
                  Safe.line(
                      "["
                          + s.getKey()
                          + "] "
                          + s.getCitation()
                          + (s.getUrl().isEmpty() ? "" : " " + s.getUrl())),
                  width,
                  4));
        }
      }
      if (b.getOmitted() > 0) {
        out.add(
            styled(
                DIM,
                "("
                    + b.getOmitted()
                    + " source(s) and timeline entries did not fit in one message and are left out.)"));
      }
    } else {
      out.add(
          styled(
              DIM,
              "The server sent no briefing for this session, so its background is not shown here."));
    }
    if (v.getGame().getObjectivesCount() > 0) {
      for (ObjectiveScore o : v.getGame().getObjectivesList()) {
        out.add(AttributedString.EMPTY);
        out.add(
            styled(
                HEADING,
                "Hidden objectives of "
                    + Safe.line(ViewModel.nameOf(v, o.getCountry()))
                    + " ("
                    + o.getPoints()
                    + "/100 now)"));
        out.addAll(Renderers.wrap(Safe.text(o.getSummary()), width, 0));
        for (CriterionStatus c : o.getCriteriaList()) {
          out.addAll(
              Renderers.wrap(
                  String.format(
                      "  [%s] %3d  %s",
                      c.getMet() ? "x" : " ", c.getPoints(), Safe.line(c.getDescription())),
                  width,
                  12));
        }
      }
    } else {
      // No scores yet (an older server's view): the objectives as the briefing states them.
      for (ObjectiveBrief o : briefing.map(Briefing::getObjectivesList).orElse(List.of())) {
        out.add(AttributedString.EMPTY);
        out.add(
            styled(
                HEADING, "Hidden objectives of " + Safe.line(ViewModel.nameOf(v, o.getCountry()))));
        out.addAll(Renderers.wrap(Safe.text(o.getSummary()), width, 0));
        for (CriterionBrief c : o.getCriteriaList()) {
          out.addAll(
              Renderers.wrap(
                  String.format("       %3d  %s", c.getPoints(), Safe.line(c.getDescription())),
                  width,
                  12));
        }
      }
    }
    return out;
  }

  /** What happened before the game (the briefing's timeline), then each resolved turn with its date. */
  static List<AttributedString> timeline(
      Optional<Briefing> briefing, Map<Integer, TurnReport> reports, SessionView v, int width) {
    List<AttributedString> out = new ArrayList<>();
    if (briefing.isPresent() && briefing.get().getTimelineCount() > 0) {
      out.add(styled(HEADING, "Before the game"));
      for (TimelineEntry t : briefing.get().getTimelineList()) {
        out.addAll(
            Renderers.wrap(
                Safe.line(String.format("%-10s  %s", t.getDate(), t.getText())), width, 12));
      }
    }
    out.add(styled(HEADING, "The game"));
    if (reports.isEmpty()) {
      out.add(styled(DIM, "No turn has been resolved yet."));
    }
    for (TurnReport r : reports.values()) {
      String first = r.getLinesCount() == 0 ? "a quiet turn" : Safe.line(r.getLines(0).getText());
      out.addAll(
          Renderers.wrap(
              "T"
                  + r.getTurn()
                  + dateOf(briefing, r.getTurn())
                  + ": "
                  + first
                  + (r.getLinesCount() > 1
                      ? " (+" + (r.getLinesCount() - 1) + " more: report " + r.getTurn() + ")"
                      : ""),
              width,
              4));
    }
    if (v.getPhase() == org.entente.proto.protocol.v1.Phase.RUNNING) {
      out.add(styled(DIM, "T" + v.getTurn() + dateOf(briefing, v.getTurn()) + ": open now"));
    }
    return out;
  }

  /** " (YYYY-MM-DD)" for a turn the briefing dates, else "". */
  private static String dateOf(Optional<Briefing> briefing, int turn) {
    return briefing
        .filter(b -> turn >= 1 && turn <= b.getTurnDatesCount())
        .map(b -> " (" + Safe.line(b.getTurnDates(turn - 1)) + ")")
        .orElse("");
  }

  static List<AttributedString> scenarios(List<ScenarioSummary> list, int width) {
    if (list.isEmpty()) {
      return List.of(
          Renderers.plain(
              "The server offers no built-in scenarios; create one from a file: create my.textproto"));
    }
    Table t = new Table("id", "title", "turns", "playable countries").right(2);
    for (ScenarioSummary s : list) {
      t.row(
          s.getId(),
          s.getTitle(),
          s.getDefaultTurns(),
          String.join(
              " ",
              s.getCountriesList().stream()
                  .filter(Country::getPlayable)
                  .map(Country::getId)
                  .toList()));
    }
    return t.render(width);
  }

  /**
   * The order kinds {@code country} may give, with their usage, cost and what they do, from the
   * briefing; every country's when {@code country} is "" (the game master). Without a briefing,
   * every kind's usage with an unknown cost.
   */
  static List<AttributedString> kinds(Optional<Briefing> briefing, String country, int width) {
    List<AttributedString> out = new ArrayList<>();
    List<CountryOrders> countries =
        briefing.map(Briefing::getOrdersList).orElse(List.of()).stream()
            .filter(c -> country.isEmpty() || c.getCountry().equals(country))
            .toList();
    if (briefing.isEmpty()) {
      Table t = new Table("order", "cost").right(1);
      for (org.entente.engine.model.OrderKind k : org.entente.engine.model.OrderKind.values()) {
        t.row(OrderSyntax.usage(k), "?");
      }
      out.addAll(t.render(width));
    }
    for (CountryOrders c : countries) {
      if (countries.size() > 1) {
        out.add(styled(HEADING, Safe.line(c.getCountry())));
      }
      Table t = new Table("order", "cost", "what it does").right(1).wrapLast();
      for (OrderKindBrief k : c.getKindsList()) {
        t.row(
            Safe.line(k.getUsage()),
            k.getCost() + (k.getMaxPerTurn() > 0 ? " (" + k.getMaxPerTurn() + "/turn)" : ""),
            Safe.line(firstSentence(k.getDescription())) + options(k));
      }
      out.addAll(t.render(width));
    }
    if (briefing.isPresent() && countries.isEmpty()) {
      out.add(
          Renderers.plain(
              country.isEmpty()
                  ? "This seat gives no orders."
                  : "No order kinds for " + Safe.line(country) + "."));
    } else if (briefing.isPresent()) {
      out.add(styled(DIM, briefing.get().getOrderPoints() + " order points a turn."));
    }
    out.add(
        styled(
            DIM,
            "Type an order as a command, e.g. GIVE_NOTICE CSTO; Tab completes kinds, ids and option words."));
    return out;
  }

  /** 'help KIND': one order kind as the briefing gives it for {@code country} (the game master: the first country that has it). */
  static List<AttributedString> kind(
      Optional<Briefing> briefing, String country, String kind, int width) {
    List<AttributedString> out = new ArrayList<>();
    Optional<OrderKindBrief> k =
        briefing.flatMap(
            b ->
                country.isEmpty()
                    ? b.getOrdersList().stream()
                        .map(CountryOrders::getCountry)
                        .map(c -> OrderPoints.brief(b, c, kind))
                        .flatMap(Optional::stream)
                        .findFirst()
                    : OrderPoints.brief(b, country, kind));
    if (k.isEmpty()) {
      out.addAll(
          Renderers.wrap(
              briefing.isEmpty()
                  ? "The server sent no briefing, so there is nothing to say about "
                      + kind
                      + " beyond its usage: "
                      + OrderSyntax.usage(org.entente.engine.model.OrderKind.valueOf(kind))
                      + "."
                  : (country.isEmpty() ? "No country" : Safe.text(country))
                      + " cannot give "
                      + kind
                      + " in this scenario; 'kinds' lists the orders.",
              width,
              0));
      return out;
    }
    out.add(styled(HEADING, Safe.text(k.get().getUsage())));
    out.addAll(Renderers.wrap(Safe.text(k.get().getDescription()), width, 0));
    out.add(
        Renderers.plain(
            "Cost: "
                + k.get().getCost()
                + " order point(s)"
                + (k.get().getMaxPerTurn() > 0
                    ? "; at most " + k.get().getMaxPerTurn() + " a turn."
                    : ".")));
    for (OrderSlot slot : k.get().getSlotsList()) {
      String words =
          slot.getChoicesCount() == 0
              ? (slot.getType() == SlotType.SLOT_TEXT ? "free text" : "(none listed)")
              : String.join(", ", slot.getChoicesList().stream().map(Safe::text).toList());
      out.addAll(
          Renderers.wrap(
              "  "
                  + Safe.text(slot.getLabel())
                  + (slot.getOptional() ? " (optional)" : "")
                  + ": "
                  + words,
              width,
              4));
    }
    out.add(
        styled(
            DIM,
            "Type it as a command, e.g. "
                + Safe.text(k.get().getUsage()).split(" ")[0]
                + " ...; Tab completes the words."));
    return out;
  }

  /** The first sentence of a description, for a table's one line. */
  private static String firstSentence(String text) {
    int end = text.indexOf(". ");
    return end < 0 ? text : text.substring(0, end + 1);
  }

  /** The option words of a kind's option slots, e.g. " Options: INCIDENT, INCURSION, OFFENSIVE." */
  private static String options(OrderKindBrief k) {
    List<String> words =
        k.getSlotsList().stream()
            .filter(
                sl ->
                    sl.getType() != SlotType.SLOT_ORGANISATION
                        && sl.getType() != SlotType.SLOT_ACTOR
                        && sl.getType() != SlotType.SLOT_PRESENCE
                        && sl.getChoicesCount() > 0)
            .flatMap(sl -> sl.getChoicesList().stream())
            .map(Safe::text)
            .toList();
    return words.isEmpty() ? "" : " Options: " + String.join(", ", words) + ".";
  }

  static List<AttributedString> help(Where where, int width) {
    return help(where, CommandSpec.Mode.CLASS, width);
  }

  static List<AttributedString> help(Where where, CommandSpec.Mode mode, int width) {
    List<AttributedString> out = new ArrayList<>();
    out.add(
        styled(
            HEADING,
            mode == CommandSpec.Mode.HOT_SEAT
                ? "Commands (hot seat: you hold every seat you take)"
                : where == Where.LOBBY
                    ? "Lobby commands"
                    : "Commands (" + Renderers.role(roleOf(where)) + ")"));
    Table t = new Table("command", "what it does").wrapLast();
    for (CommandSpec s : CommandSpec.available(where, mode)) {
      t.row(s.usage(), s.summary());
    }
    out.addAll(t.render(width));
    Renderers.wrap(
            "help COMMAND shows an example. Tab completes; Up/Down recall earlier lines.", width, 0)
        .forEach(l -> out.add(styled(DIM, l.toString())));
    return out;
  }

  static List<AttributedString> help(CommandSpec s, int width) {
    List<AttributedString> out = new ArrayList<>();
    out.add(styled(HEADING, s.usage()));
    out.addAll(Renderers.wrap(s.summary(), width, 0));
    out.add(Renderers.plain("Example: " + s.example()));
    return out;
  }

  private static org.entente.proto.protocol.v1.Role roleOf(Where w) {
    switch (w) {
      case GAME_MASTER:
        return org.entente.proto.protocol.v1.Role.GAME_MASTER;
      case SPECTATOR:
        return org.entente.proto.protocol.v1.Role.SPECTATOR;
      default:
        return org.entente.proto.protocol.v1.Role.PLAYER;
    }
  }
}
