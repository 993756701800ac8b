package org.entente.engine.order;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.entente.engine.expr.Suggest;
import org.entente.engine.model.Actor;
import org.entente.engine.model.OrderKind;
import org.entente.engine.model.Organisation;
import org.entente.engine.model.Presence;
import org.entente.engine.model.Scenario;
import org.entente.engine.order.OrderSyntax.Slot;
import org.entente.engine.order.OrderSyntax.SlotType;

/**
 * Parses the text syntax of orders against a scenario's ids. Never throws: a line it cannot
 * read gives a {@link OrderCheck.Verdict#NOT_UNDERSTOOD} answer naming the column and what
 * was expected there. Kinds, options and ids are case-insensitive.
 */
public final class OrderParser {
  private final Scenario scenario;

  public OrderParser(Scenario scenario) {
    this.scenario = scenario;
  }

  private record Token(String text, int column, boolean quoted) {}

  /** Parses one order of {@code actor}. The answer is ACCEPTED or NOT_UNDERSTOOD only. */
  public OrderCheck parse(String actor, String line) {
    if (scenario.actorIndex(actor) < 0) {
      return OrderCheck.notUnderstood("'" + actor + "' is not an actor in this scenario", 0);
    }
    List<Token> tokens = new ArrayList<>();
    OrderCheck error = tokenize(line, tokens);
    if (error != null) {
      return error;
    }
    if (tokens.isEmpty()) {
      return OrderCheck.notUnderstood("empty order: start with an order kind, e.g. STATEMENT", 1);
    }
    Token head = tokens.get(0);
    OrderKind kind = kindOf(head.text());
    if (kind == null || head.quoted()) {
      return OrderCheck.notUnderstood(
          "unknown order kind '" + head.text() + "'" + Suggest.didYouMean(head.text(), kindNames()),
          head.column());
    }
    Order order = Order.of(actor, kind);
    List<Slot> signature = OrderSyntax.signature(kind);
    int i = 1;
    for (Slot slot : signature) {
      if (i >= tokens.size()) {
        if (slot.optional()) {
          continue;
        }
        return OrderCheck.notUnderstood(
            "missing " + describe(slot) + ": " + OrderSyntax.usage(kind), endColumn(line));
      }
      Token t = tokens.get(i);
      if (slot.optional() && slot.type() == SlotType.TEXT && !t.quoted()) {
        break;
      }
      Object filled = fill(order, slot, t);
      if (filled instanceof OrderCheck) {
        return (OrderCheck) filled;
      }
      order = (Order) filled;
      i++;
    }
    if (kind == OrderKind.LOBBY) {
      if (i >= tokens.size()) {
        String what = order.option().equals("FUNDS") ? "beneficiary actor" : "presence";
        return OrderCheck.notUnderstood(
            "missing " + what + ": " + OrderSyntax.usage(kind), endColumn(line));
      }
      Token t = tokens.get(i++);
      Slot last =
          order.option().equals("FUNDS")
              ? new Slot(
                  SlotType.OTHER, com.google.common.collect.ImmutableSet.of(), false, "beneficiary")
              : new Slot(
                  SlotType.PRESENCE,
                  com.google.common.collect.ImmutableSet.of(),
                  false,
                  "presence");
      Object filled = fill(order, last, t);
      if (filled instanceof OrderCheck) {
        return (OrderCheck) filled;
      }
      order = (Order) filled;
    }
    if (i < tokens.size()) {
      Token extra = tokens.get(i);
      return OrderCheck.notUnderstood(
          "unexpected '" + extra.text() + "' after the order: " + OrderSyntax.usage(kind),
          extra.column());
    }
    if (order.kind() == OrderKind.ORG_PROPOSAL
        || order.kind() == OrderKind.OBJECT
        || order.kind() == OrderKind.STAND_ASIDE) {
      if (!order.option().equals("BUDGET") && order.target().isEmpty()) {
        return OrderCheck.notUnderstood(
            "a "
                + order.option()
                + " proposal names the actor it concerns: "
                + OrderSyntax.usage(kind),
            endColumn(line));
      }
    }
    return OrderCheck.accepted(normalise(order), "");
  }

  private Object fill(Order order, Slot slot, Token t) {
    String word = t.text().toUpperCase(Locale.ROOT);
    switch (slot.type()) {
      case TEXT:
        if (!t.quoted()) {
          return OrderCheck.notUnderstood(
              "expected quoted text for the "
                  + slot.label()
                  + ", e.g. \"We will decide when to leave\"",
              t.column());
        }
        if (t.text().length() > OrderSyntax.MAX_TEXT) {
          return OrderCheck.notUnderstood(
              "text too long: "
                  + t.text().length()
                  + " characters, at most "
                  + OrderSyntax.MAX_TEXT,
              t.column());
        }
        return order.withText(t.text());
      case ORG:
        if (scenario.organisationIndex(word) < 0) {
          return unknown(t, "an organisation", orgIds());
        }
        return order.withOrg(word);
      case TARGET:
      case OTHER:
        if (scenario.actorIndex(word) < 0) {
          return unknown(t, "an actor", actorIds());
        }
        return slot.type() == SlotType.TARGET ? order.withTarget(word) : order.withOther(word);
      case PRESENCE:
        if (scenario.presenceIndex(word) < 0) {
          return unknown(t, "a presence", presenceIds());
        }
        return order.withPresence(word);
      case OPTION:
        if (!slot.words().contains(word)) {
          return OrderCheck.notUnderstood(
              "'"
                  + t.text()
                  + "' is not a "
                  + slot.label()
                  + " of "
                  + order.kind()
                  + "; expected one of "
                  + String.join(", ", slot.words())
                  + Suggest.didYouMean(t.text(), slot.words()),
              t.column());
        }
        return order.withOption(word);
      case DIRECTION:
        if (!slot.words().contains(word)) {
          return OrderCheck.notUnderstood(
              "expected SELL or BUY after ARMS_DEAL, found '" + t.text() + "'", t.column());
        }
        // The seller is known once the counterpart is: mark the direction for now.
        return order.withOther(word.equals("SELL") ? order.actor() : "?BUY");
      default:
        throw new AssertionError(slot.type());
    }
  }

  private OrderCheck unknown(Token t, String what, Set<String> ids) {
    return OrderCheck.notUnderstood(
        "'"
            + t.text()
            + "' is not "
            + what
            + " in this scenario; known: "
            + String.join(", ", ids)
            + Suggest.didYouMean(t.text(), ids),
        t.column());
  }

  /** Resolves ARMS_DEAL's BUY direction once the counterpart is known. */
  public static Order normalise(Order order) {
    if (order.kind() == OrderKind.ARMS_DEAL && order.other().equals("?BUY")) {
      return order.withOther(order.target());
    }
    return order;
  }

  private static String describe(Slot slot) {
    return slot.words().isEmpty()
        ? slot.label()
        : slot.label() + " (" + String.join("|", slot.words()) + ")";
  }

  private static int endColumn(String line) {
    return line.stripTrailing().length() + 1;
  }

  private static OrderKind kindOf(String word) {
    try {
      return OrderKind.valueOf(word.toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static Set<String> kindNames() {
    return Arrays.stream(OrderKind.values())
        .map(Enum::name)
        .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
  }

  private Set<String> actorIds() {
    return scenario.actors().stream()
        .map(Actor::id)
        .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
  }

  private Set<String> orgIds() {
    return scenario.organisations().stream()
        .map(Organisation::id)
        .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
  }

  private Set<String> presenceIds() {
    return scenario.presences().stream()
        .map(Presence::id)
        .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
  }

  /** Splits into words and quoted strings; returns the refusal, or null when the line reads. */
  private static OrderCheck tokenize(String line, List<Token> out) {
    int n = line.length();
    int i = 0;
    while (i < n) {
      char c = line.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
        continue;
      }
      int start = i;
      if (c == '"') {
        StringBuilder b = new StringBuilder();
        i++;
        boolean closed = false;
        while (i < n) {
          char d = line.charAt(i);
          if (d == '\\' && i + 1 < n) {
            b.append(line.charAt(i + 1));
            i += 2;
          } else if (d == '"') {
            closed = true;
            i++;
            break;
          } else {
            b.append(d);
            i++;
          }
        }
        if (!closed) {
          return OrderCheck.notUnderstood(
              "unclosed quote: the text starting at column " + (start + 1) + " needs a closing \"",
              start + 1);
        }
        out.add(new Token(b.toString(), start + 1, true));
      } else {
        while (i < n && !Character.isWhitespace(line.charAt(i)) && line.charAt(i) != '"') {
          i++;
        }
        out.add(new Token(line.substring(start, i), start + 1, false));
      }
    }
    return null;
  }
}
