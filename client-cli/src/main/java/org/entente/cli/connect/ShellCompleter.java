package org.entente.cli.connect;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.entente.cli.connect.CommandSpec.Mode;
import org.entente.cli.connect.CommandSpec.Where;
import org.entente.engine.model.OrderKind;
import org.entente.engine.model.Presence;
import org.entente.engine.model.Scenario;
import org.entente.engine.order.OrderSyntax;
import org.entente.engine.order.OrderSyntax.Slot;
import org.entente.proto.protocol.v1.Country;
import org.entente.proto.protocol.v1.CountryStatus;
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
 * {@link OrderSyntax} (organisations, countries, presences, option words), scenario ids, seats.
 */
final class ShellCompleter implements Completer {
  private final Console console;

  ShellCompleter(Console console) {
    this.console = console;
  }

  @Override
  public void complete(LineReader reader, ParsedLine line, List<Candidate> out) {
    words(line.words().subList(0, line.wordIndex()), console.where(), console.mode()).forEach(w -> out.add(new Candidate(w)));
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
        for (OrderKind k : OrderKind.values()) {
          c.add(k.name());
        }
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
            s.getCountriesList().stream().filter(Country::getPlayable).forEach(x -> c.add(x.getId()));
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

  /** Completion inside an order: {@code words} starts with the kind. */
  private Set<String> order(List<String> words, Optional<SessionView> v) {
    Set<String> c = new LinkedHashSet<>();
    if (words.isEmpty()) {
      for (OrderKind k : OrderKind.values()) {
        c.add(k.name());
      }
      return c;
    }
    if (!Orders.isKind(words.get(0))) {
      return c;
    }
    OrderKind kind = OrderKind.valueOf(words.get(0).toUpperCase(Locale.ROOT));
    List<Slot> sig = OrderSyntax.signature(kind);
    int slot = words.size() - 1;
    if (slot >= sig.size()) {
      if (kind == OrderKind.LOBBY && slot == sig.size()) {
        c.addAll(presences());
        c.addAll(countries(v));
      }
      return c;
    }
    Slot s = sig.get(slot);
    switch (s.type()) {
      case ORG:
        v.ifPresent(view -> view.getGame().getOrganisationsList().stream().map(OrganisationState::getId).forEach(c::add));
        console.scenario().ifPresent(sc -> sc.organisations().forEach(o -> c.add(o.id())));
        break;
      case TARGET:
      case OTHER:
        c.addAll(countries(v));
        console.scenario().ifPresent(sc -> sc.actors().forEach(a -> c.add(a.id())));
        break;
      case PRESENCE:
        c.addAll(presences());
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

  private List<String> presences() {
    List<String> out = new ArrayList<>();
    console.scenario().map(Scenario::presences).orElse(List.of()).stream().map(Presence::id).forEach(out::add);
    return out;
  }

  private static Set<String> countries(Optional<SessionView> v) {
    Set<String> c = new LinkedHashSet<>();
    v.ifPresent(view -> view.getCountriesList().stream().map(CountryStatus::getId).forEach(c::add));
    return c;
  }

  private static Set<String> playable(Optional<SessionView> v) {
    Set<String> c = new LinkedHashSet<>();
    v.ifPresent(view -> view.getCountriesList().stream().filter(CountryStatus::getPlayable).map(CountryStatus::getId).forEach(c::add));
    return c;
  }

  private static Set<String> seats(Optional<SessionView> v) {
    Set<String> c = new LinkedHashSet<>();
    v.ifPresent(view -> view.getSeatsList().stream().filter(s -> s.getRole() != org.entente.proto.protocol.v1.Role.GAME_MASTER)
        .map(SeatInfo::getDisplayName).filter(n -> !n.contains(" ") && n.equals(org.entente.cli.Safe.text(n))).forEach(c::add));
    v.ifPresent(view -> view.getSeatsList().forEach(s -> c.add(String.valueOf(s.getSeatId()))));
    return c;
  }

  private static Set<String> orderNumbers(Optional<SessionView> v) {
    Set<String> c = new LinkedHashSet<>();
    v.ifPresent(view -> {
      for (int i = 1; i <= ViewModel.ownDraft(view).getOrdersCount(); i++) {
        c.add(String.valueOf(i));
      }
    });
    return c;
  }
}
