package org.entente.engine.order;

import static org.entente.engine.model.OrderKind.ARMS_DEAL;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.entente.engine.model.OrderKind;

/**
 * The text syntax of orders: one signature per kind, shared by the parser, the formatter, the
 * command line's completion and help. See docs/design.md.
 */
public final class OrderSyntax {
  /** What one positional argument of an order is. */
  public enum SlotType {
    ORG,
    TARGET,
    OTHER,
    OPTION,
    PRESENCE,
    TEXT,
    /** ARMS_DEAL's SELL or BUY, which decides the {@code other} slot (the seller). */
    DIRECTION
  }

  /** One positional argument: its type, the words it accepts (for options), and whether it may be left out. */
  public record Slot(SlotType type, ImmutableSet<String> words, boolean optional, String label) {}

  public static final ImmutableSet<String> ANSWERS =
      ImmutableSet.of("MILITARY", "MONITORS", "DIPLOMATIC", "DECLINE");
  public static final ImmutableSet<String> PROPOSALS =
      ImmutableSet.of("ASSISTANCE_PACKAGE", "CONDEMNATION", "BUDGET", "SUSPEND_MEMBER", "ADMIT");
  public static final ImmutableSet<String> LEVELS =
      ImmutableSet.of("DIALOGUE", "STRATEGIC_PARTNERSHIP", "DEFENCE_COOPERATION", "MUTUAL_DEFENCE");
  public static final ImmutableSet<String> SIZES = ImmutableSet.of("SMALL", "MEDIUM", "LARGE");
  public static final ImmutableSet<String> STEPS =
      ImmutableSet.of(
          "DELIMIT_BORDER",
          "CONSTITUTION_PLEDGE",
          "DROP_CLAIMS",
          "NO_THIRD_PARTY_FORCES",
          "UNBLOCK_TRANSPORT",
          "SIGN");
  public static final ImmutableSet<String> ESCALATIONS =
      ImmutableSet.of("INCIDENT", "INCURSION", "OFFENSIVE");
  public static final ImmutableSet<String> PRESENCE_ACTIONS =
      ImmutableSet.of("DEPLOY", "WITHDRAW", "DELAY", "REQUEST_LEAVE");
  public static final ImmutableSet<String> LOBBY_OPTIONS =
      ImmutableSet.of("RENEW", "EXPAND", "FUNDS");
  public static final ImmutableSet<String> TONES =
      ImmutableSet.of("CRITICISE", "REASSURE", "CONDEMN");
  public static final ImmutableSet<String> DIRECTIONS = ImmutableSet.of("SELL", "BUY");

  /** Maximum length of an order's free text, in characters. */
  public static final int MAX_TEXT = 1000;

  private static final Map<OrderKind, ImmutableList<Slot>> SIGNATURES =
      new EnumMap<>(OrderKind.class);

  static {
    Slot org = slot(SlotType.ORG, "organisation");
    for (OrderKind k :
        List.of(
            OrderKind.REQUEST_CONSULTATION,
            OrderKind.FREEZE,
            OrderKind.RESUME,
            OrderKind.WITHHOLD_DUES,
            OrderKind.GIVE_NOTICE,
            OrderKind.RESCIND_NOTICE,
            OrderKind.APPLY_MEMBERSHIP)) {
      SIGNATURES.put(k, ImmutableList.of(org));
    }
    SIGNATURES.put(
        OrderKind.REQUEST_ASSISTANCE, ImmutableList.of(org, slot(SlotType.TARGET, "aggressor")));
    SIGNATURES.put(
        OrderKind.RESPOND,
        ImmutableList.of(org, slot(SlotType.TARGET, "requester"), option(ANSWERS, "answer")));
    for (OrderKind k : List.of(OrderKind.ORG_PROPOSAL, OrderKind.OBJECT, OrderKind.STAND_ASIDE)) {
      SIGNATURES.put(
          k,
          ImmutableList.of(
              org,
              option(PROPOSALS, "proposal"),
              new Slot(SlotType.TARGET, ImmutableSet.of(), true, "member or actor concerned")));
    }
    SIGNATURES.put(
        OrderKind.ANNOUNCE_INTENT, ImmutableList.of(org, slot(SlotType.TEXT, "\"text\"")));
    SIGNATURES.put(
        OrderKind.PROPOSE_PARTNERSHIP,
        ImmutableList.of(slot(SlotType.TARGET, "partner"), option(LEVELS, "level")));
    SIGNATURES.put(OrderKind.JOINT_EXERCISE, ImmutableList.of(slot(SlotType.TARGET, "partner")));
    SIGNATURES.put(
        ARMS_DEAL,
        ImmutableList.of(
            new Slot(SlotType.DIRECTION, DIRECTIONS, false, "SELL|BUY"),
            slot(SlotType.TARGET, "counterpart"),
            option(SIZES, "size")));
    SIGNATURES.put(
        OrderKind.MEDIATE,
        ImmutableList.of(slot(SlotType.TARGET, "party"), slot(SlotType.OTHER, "other party")));
    SIGNATURES.put(
        OrderKind.ACCEPT_MEDIATION,
        ImmutableList.of(slot(SlotType.TARGET, "mediator"), slot(SlotType.OTHER, "counterpart")));
    SIGNATURES.put(
        OrderKind.PEACE_STEP,
        ImmutableList.of(slot(SlotType.TARGET, "counterpart"), option(STEPS, "step")));
    SIGNATURES.put(OrderKind.ECONOMIC_PRESSURE, ImmutableList.of(slot(SlotType.TARGET, "target")));
    SIGNATURES.put(
        OrderKind.ESCALATE,
        ImmutableList.of(slot(SlotType.TARGET, "target"), option(ESCALATIONS, "level")));
    SIGNATURES.put(
        OrderKind.PRESENCE,
        ImmutableList.of(slot(SlotType.PRESENCE, "presence"), option(PRESENCE_ACTIONS, "action")));
    // LOBBY's last slot depends on the option; the parser handles it (presence or beneficiary).
    SIGNATURES.put(
        OrderKind.LOBBY,
        ImmutableList.of(slot(SlotType.TARGET, "institution"), option(LOBBY_OPTIONS, "option")));
    SIGNATURES.put(
        OrderKind.STATEMENT,
        ImmutableList.of(
            slot(SlotType.TARGET, "actor"),
            option(TONES, "tone"),
            new Slot(SlotType.TEXT, ImmutableSet.of(), true, "\"text\"")));
    for (OrderKind k : OrderKind.values()) {
      if (!SIGNATURES.containsKey(k)) {
        throw new AssertionError("no signature for " + k);
      }
    }
  }

  private OrderSyntax() {}

  private static Slot slot(SlotType type, String label) {
    return new Slot(type, ImmutableSet.of(), false, label);
  }

  private static Slot option(ImmutableSet<String> words, String label) {
    return new Slot(SlotType.OPTION, words, false, label);
  }

  /** The positional arguments of a kind. */
  public static List<Slot> signature(OrderKind kind) {
    return SIGNATURES.get(kind);
  }

  /** The option words a kind accepts (empty if it has no option). */
  public static Set<String> options(OrderKind kind) {
    for (Slot s : SIGNATURES.get(kind)) {
      if (s.type() == SlotType.OPTION) {
        return s.words();
      }
    }
    return ImmutableSet.of();
  }

  /** A one-line usage string, e.g. {@code ESCALATE <target> INCIDENT|INCURSION|OFFENSIVE}. */
  public static String usage(OrderKind kind) {
    StringBuilder b = new StringBuilder(kind.name());
    for (Slot s : SIGNATURES.get(kind)) {
      b.append(' ');
      String body = s.words().isEmpty() ? "<" + s.label() + ">" : String.join("|", s.words());
      if (s.type() == SlotType.TEXT) {
        body = s.label();
      }
      b.append(s.optional() ? "[" + body + "]" : body);
    }
    if (kind == OrderKind.LOBBY) {
      b.append(" <presence>|<beneficiary>");
    }
    return b.toString();
  }

  /** Formats an order in the text syntax, without the actor. */
  static String format(Order o) {
    StringBuilder b = new StringBuilder(o.kind().name());
    for (Slot s : SIGNATURES.get(o.kind())) {
      String v;
      switch (s.type()) {
        case ORG:
          v = o.org();
          break;
        case TARGET:
          v = o.target();
          break;
        case OTHER:
          v = o.other();
          break;
        case OPTION:
          v = o.option();
          break;
        case PRESENCE:
          v = o.presence();
          break;
        case TEXT:
          v = o.text().isEmpty() ? "" : quote(o.text());
          break;
        case DIRECTION:
          v = o.other().equals(o.actor()) ? "SELL" : "BUY";
          break;
        default:
          throw new AssertionError(s.type());
      }
      if (!v.isEmpty()) {
        b.append(' ').append(v);
      }
    }
    if (o.kind() == OrderKind.LOBBY) {
      String last = o.option().equals("FUNDS") ? o.other() : o.presence();
      if (!last.isEmpty()) {
        b.append(' ').append(last);
      }
    }
    return b.toString();
  }

  static String quote(String text) {
    return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }
}
