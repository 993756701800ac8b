package org.entente.cli.connect;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.entente.cli.connect.CommandSpec.Mode;
import org.entente.cli.connect.CommandSpec.Where;
import org.entente.client.ViewModel;
import org.entente.engine.model.OrderKind;
import org.entente.engine.order.OrderSyntax;
import org.entente.engine.order.OrderSyntax.Slot;
import org.entente.proto.protocol.v1.Briefing;
import org.entente.proto.protocol.v1.Country;
import org.entente.proto.protocol.v1.CountryStatus;
import org.entente.proto.protocol.v1.OrderKindBrief;
import org.entente.proto.protocol.v1.OrderSlot;
import org.entente.proto.protocol.v1.OrganisationState;
import org.entente.proto.protocol.v1.ScenarioSummary;
import org.entente.proto.protocol.v1.SeatInfo;
import org.entente.proto.protocol.v1.SessionView;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/**
 * Tab completion: command names for the user's role, order kinds, then each order slot from
 * the server's {@link Briefing} (organisations, actors, presences, option words), scenario ids,
 * seats. A server that sends no briefing gets the engine's {@link OrderSyntax} and the view's ids.
 */
final class ShellCompleter implements Completer {
  private final Console console;

  ShellCompleter(Console console) {
    this.console = console;
  }

  @Override
  public void complete(LineReader reader, ParsedLine line, List<Candidate> out) {
    words(line.words().subList(0, line.wordIndex()), console.where(), console.mode())
        .forEach(w -> out.add(new Candidate(w)));
  }

  /** The candidates for the word after {@code before} in the class shell (exposed for tests). */
  Set<String> words(List<String> before, Where where) {
    return words(before, where, Mode.CLASS);
  }

  /** The candidates for the word after {@code before} (exposed for tests). */
  Set<String> words(List<String> before, Where where, Mode mode) {
    Set<String> c = new LinkedHashSet<>();
    if (before.isEmpty()) {
      CommandSpec.available(where, mode).forEach(s -> c.add(s.name()));
      if (where == Where.PLAYER) {
        c.addAll(kinds(console.session().view()));
      }
      return c;
    }
    String cmd = before.get(0).toLowerCase(Locale.ROOT);
    int arg = before.size() - 1;
    Optional<SessionView> v = console.session().view();
    switch (cmd) {
      case "add":
        return order(before.subList(1, before.size()), v);
      case "change":
        return arg == 0 ? orderNumbers(v) : order(before.subList(2, before.size()), v);
      case "remove":
        return arg == 0 ? orderNumbers(v) : c;
      case "as":
        return arg == 0 ? playable(v) : c;
      case "tell":
      case "status":
        return arg == 0 ? countries(v) : c;
      case "help":
        if (arg == 0) {
          CommandSpec.available(where, mode).forEach(s -> c.add(s.name()));
        }
        return c;
      case "create":
        if (arg == 0) {
          console.session().scenarios().forEach(s -> c.add(s.getId()));
        } else {
          c.addAll(List.of("manual", "5m", "10m", "15m", "FULL", "PUBLIC_ONLY", "NONE"));
        }
        return c;
      case "join":
        if (arg == 2) {
          for (ScenarioSummary s : console.session().scenarios()) {
            s.getCountriesList().stream()
                .filter(Country::getPlayable)
                .forEach(x -> c.add(x.getId()));
          }
        }
        return c;
      case "move":
        return arg == 0 ? seats(v) : arg == 1 ? countries(v) : c;
      case "kick":
        return arg == 0 ? seats(v) : c;
      case "bot":
        if (arg == 0) {
          return countries(v);
        }
        if (mode == Mode.HOT_SEAT) {
          return c;
        }
        c.addAll(List.of("on", "off"));
        return c;
      case "ready":
        c.add("off");
        return c;
      case "watch":
        c.addAll(List.of("on", "off"));
        return c;
      case "wait":
        if (arg == 0) {
          c.addAll(List.of("turn", "phase", "report", "players", "message"));
        } else if (arg == 1 && before.get(1).equalsIgnoreCase("phase")) {
          c.addAll(List.of("WAITING", "RUNNING", "PAUSED", "ENDED"));
        }
        return c;
      default:
        return Orders.isKind(before.get(0)) ? order(before, v) : c;
    }
  }

  /** The order kinds this seat may give: its country's from the briefing, else every kind. */
  private Set<String> kinds(Optional<SessionView> v) {
    Set<String> c = new LinkedHashSet<>();
    String country = v.map(SessionView::getViewerCountry).orElse("");
    console
        .session()
        .briefing()
        .ifPresent(
            b ->
                b.getOrdersList().stream()
                    .filter(o -> country.isEmpty() || o.getCountry().equals(country))
                    .forEach(o -> o.getKindsList().forEach(k -> c.add(k.getKind().name()))));
    if (c.isEmpty()) {
      for (OrderKind k : OrderKind.values()) {
        c.add(k.name());
      }
    }
    return c;
  }

  /** Completion inside an order: {@code words} starts with the kind. */
  private Set<String> order(List<String> words, Optional<SessionView> v) {
    if (words.isEmpty()) {
      return kinds(v);
    }
    if (!Orders.isKind(words.get(0))) {
      return new LinkedHashSet<>();
    }
    String kind = words.get(0).toUpperCase(Locale.ROOT);
    int slot = words.size() - 1;
    Optional<Briefing> briefing = console.session().briefing();
    Optional<OrderKindBrief> brief =
        briefing.flatMap(b -> kindBrief(b, kind, v.map(SessionView::getViewerCountry).orElse("")));
    if (brief.isPresent()) {
      return slot < brief.get().getSlotsCount()
          ? slot(brief.get().getSlots(slot), briefing.get(), v)
          : new LinkedHashSet<>();
    }
    return syntaxSlot(OrderKind.valueOf(kind), slot, v);
  }

  private static Optional<OrderKindBrief> kindBrief(Briefing b, String kind, String country) {
    return b.getOrdersList().stream()
        .filter(o -> country.isEmpty() || o.getCountry().equals(country))
        .flatMap(o -> o.getKindsList().stream())
        .filter(k -> k.getKind().name().equals(kind))
        .findFirst();
  }

  /** The words one slot of an order accepts, from the server's briefing. */
  static Set<String> slot(OrderSlot s, Briefing b, Optional<SessionView> v) {
    Set<String> c = new LinkedHashSet<>(s.getChoicesList());
    switch (s.getType()) {
      case SLOT_ORGANISATION -> {
        v.ifPresent(
            view ->
                view.getGame().getOrganisationsList().stream()
                    .map(OrganisationState::getId)
                    .forEach(c::add));
        b.getOrganisationsList().forEach(o -> c.add(o.getId()));
      }
      case SLOT_ACTOR -> {
        c.addAll(countries(v));
        b.getActorsList().forEach(a -> c.add(a.getId()));
      }
      case SLOT_PRESENCE -> b.getPresencesList().forEach(p -> c.add(p.getId()));
      default -> {
        // Options and directions are their choices; free text has none.
      }
    }
    return c;
  }

  /** Without a briefing (a server that sends none): the order's syntax, and ids from the view. */
  private static Set<String> syntaxSlot(OrderKind kind, int slot, Optional<SessionView> v) {
    Set<String> c = new LinkedHashSet<>();
    List<Slot> sig = OrderSyntax.signature(kind);
    if (slot >= sig.size()) {
      if (kind == OrderKind.LOBBY && slot == sig.size()) {
        c.addAll(countries(v));
      }
      return c;
    }
    Slot s = sig.get(slot);
    switch (s.type()) {
      case ORG:
        v.ifPresent(
            view ->
                view.getGame().getOrganisationsList().stream()
                    .map(OrganisationState::getId)
                    .forEach(c::add));
        break;
      case TARGET:
      case OTHER:
        c.addAll(countries(v));
        break;
      case OPTION:
      case DIRECTION:
        c.addAll(s.words());
        break;
      default:
        break;
    }
    return c;
  }

  private static Set<String> countries(Optional<SessionView> v) {
    Set<String> c = new LinkedHashSet<>();
    v.ifPresent(view -> view.getCountriesList().stream().map(CountryStatus::getId).forEach(c::add));
    return c;
  }

  private static Set<String> playable(Optional<SessionView> v) {
    Set<String> c = new LinkedHashSet<>();
    v.ifPresent(
        view ->
            view.getCountriesList().stream()
                .filter(CountryStatus::getPlayable)
                .map(CountryStatus::getId)
                .forEach(c::add));
    return c;
  }

  private static Set<String> seats(Optional<SessionView> v) {
    Set<String> c = new LinkedHashSet<>();
    v.ifPresent(
        view ->
            view.getSeatsList().stream()
                .filter(s -> s.getRole() != org.entente.proto.protocol.v1.Role.GAME_MASTER)
                .map(SeatInfo::getDisplayName)
                .filter(n -> !n.contains(" ") && n.equals(org.entente.cli.Safe.line(n)))
                .forEach(c::add));
    v.ifPresent(view -> view.getSeatsList().forEach(s -> c.add(String.valueOf(s.getSeatId()))));
    return c;
  }

  private static Set<String> orderNumbers(Optional<SessionView> v) {
    Set<String> c = new LinkedHashSet<>();
    v.ifPresent(
        view -> {
          for (int i = 1; i <= ViewModel.ownDraft(view).getOrdersCount(); i++) {
            c.add(String.valueOf(i));
          }
        });
    return c;
  }
}
