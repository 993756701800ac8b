package org.entente.server.testing;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.entente.engine.model.OrderKind;
import org.entente.engine.order.Order;
import org.entente.engine.order.OrderCheck;
import org.entente.engine.order.OrderSyntax;
import org.entente.engine.report.ReportLine;
import org.entente.engine.report.Visibility;
import org.entente.proto.scenario.v1.Press;
import org.entente.server.rules.Debrief;
import org.entente.server.rules.GameSnapshot;
import org.entente.server.rules.InjectedEvent;
import org.entente.server.rules.RecordedMessage;
import org.entente.server.rules.RecordedSeat;
import org.entente.server.rules.ResolvedTurn;
import org.entente.server.rules.ScenarioCatalog;
import org.entente.server.rules.ScenarioInfo;
import org.entente.server.rules.SessionRules;

/**
 * A test double for the rules seam, so the server's tests do not depend on the engine's
 * rules (only on its value types): orders are "KIND ARG" in text, ARG filling the kind's first
 * slot; ESCALATE against oneself is not allowed; and each resolved turn reports a public line, one private line per country with orders (naming
 * them), and a game-master line with the seed.
 */
public final class FakeRules implements SessionRules {
  public static final ScenarioInfo SCENARIO =
      new ScenarioInfo(
          "test-crisis",
          "Test crisis",
          "A crisis for tests.",
          3,
          Press.FULL,
          ImmutableList.of(
              new ScenarioInfo.CountryInfo("ARM", "Armenia", true),
              new ScenarioInfo.CountryInfo("RUS", "Russia", true),
              new ScenarioInfo.CountryInfo("AZE", "Azerbaijan", true),
              new ScenarioInfo.CountryInfo("USA", "United States", true),
              new ScenarioInfo.CountryInfo("FRA", "France", true),
              new ScenarioInfo.CountryInfo("KAZ", "Kazakhstan", false)));

  private int turn = 1;
  public final List<String> appliedEvents = new ArrayList<>();

  /** How many debriefs were rendered. */
  public int debriefRenders;

  @Override
  public ScenarioInfo scenario() {
    return SCENARIO;
  }

  @Override
  public OrderCheck check(String actor, List<Order> draft, String text) {
    String[] words = text.trim().split("\\s+");
    OrderKind kind;
    try {
      kind = OrderKind.valueOf(words[0].toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return OrderCheck.notUnderstood("Unknown order kind '" + words[0] + "'.", 0);
    }
    String arg = words.length > 1 ? words[1].toUpperCase(Locale.ROOT) : "";
    Order order = Order.of(actor, kind);
    switch (OrderSyntax.signature(kind).get(0).type()) {
      case ORG:
        order = order.withOrg(arg);
        break;
      case PRESENCE:
        order = order.withPresence(arg);
        break;
      default:
        order = order.withTarget(arg);
        break;
    }
    return check(draft, order);
  }

  @Override
  public OrderCheck check(List<Order> draft, Order candidate) {
    if (candidate.kind() == OrderKind.ESCALATE && candidate.target().equals(candidate.actor())) {
      return OrderCheck.notAllowed(candidate, "A country cannot escalate against itself.");
    }
    return OrderCheck.accepted(candidate, "");
  }

  @Override
  public ResolvedTurn resolve(
      Map<String, List<Order>> ordersByActor, long seed, boolean finalTurn) {
    ImmutableList.Builder<ReportLine> lines = ImmutableList.builder();
    lines.add(line(Visibility.PUBLIC, "Turn " + turn + " resolved."));
    ordersByActor.forEach(
        (actor, orders) -> {
          if (!orders.isEmpty()) {
            lines.add(
                line(
                    Visibility.actors(actor),
                    actor + " privately ordered " + orders.size() + " order(s)."));
          }
        });
    lines.add(line(Visibility.GAME_MASTER, "Seed " + seed + "."));
    return new ResolvedTurn(turn++, lines.build());
  }

  private static ReportLine line(Visibility visibility, String text) {
    return new ReportLine(org.entente.engine.Phase.UPKEEP, visibility, text, "", List.of());
  }

  /** ARM and RUS with quantities, mutual trust, the CSTO and a tension track. */
  @Override
  public GameSnapshot snapshot() {
    return new GameSnapshot(
        turn - 1,
        "2024-06-13",
        ImmutableList.of(
            new GameSnapshot.CountryQuantities("ARM", 35, 40, 60, 3, 0),
            new GameSnapshot.CountryQuantities("RUS", 55, 65, 25, 2, 0)),
        ImmutableList.of(
            new GameSnapshot.Trust("ARM", "RUS", -30),
            new GameSnapshot.Trust("RUS", "ARM", -25),
            new GameSnapshot.Trust("RUS", "AZE", 15)),
        ImmutableList.of(
            new GameSnapshot.OrganisationState(
                "CSTO",
                "CSTO",
                25,
                45,
                ImmutableList.of(new GameSnapshot.Member("ARM", "FROZEN", 0)))),
        ImmutableList.of(new GameSnapshot.TrackValue("tension", "Border tension", 35)),
        ImmutableList.of(
            new GameSnapshot.Obligation(
                "RUS", "RUS owes ARM an answer in the CSTO by the end of T2.")),
        ImmutableList.of(
            new GameSnapshot.ObjectiveScore(
                "ARM",
                "Be safe.",
                20,
                ImmutableList.of(new GameSnapshot.Criterion("SEC >= 50", 20, false))),
            new GameSnapshot.ObjectiveScore("RUS", "Keep Armenia.", 50, ImmutableList.of())));
  }

  /**
   * A debrief of three chunks and more: a heading with the resolved turns (counted by replaying
   * the game's inputs on fresh rules, as the engine's rules do), filler, then the included
   * messages (last, so a message that a later rendering adds lands in the last chunk).
   */
  @Override
  public Debrief debrief(
      GameInputs game, List<RecordedMessage> messages, int plannedTurns, List<RecordedSeat> seats) {
    debriefRenders++;
    FakeRules replay = new FakeRules();
    game.replayOn(replay);
    int turns = replay.turn - 1;
    StringBuilder text =
        new StringBuilder("# Debrief after " + turns + " of " + plannedTurns + " turns\n");
    text.append("A line of the debrief.\n".repeat(2_000));
    messages.stream()
        .filter(RecordedMessage::included)
        .forEach(m -> text.append(m.fromName()).append(": ").append(m.text()).append('\n'));
    return new Debrief(turns, text.toString(), "<html>\n" + text + "</html>\n");
  }

  @Override
  public ImmutableList<String> validate(InjectedEvent event) {
    ImmutableList.Builder<String> problems = ImmutableList.builder();
    for (int i = 0; i < event.effects().size(); i++) {
      String target = event.effects().get(i).target();
      if (!target.matches("(sec|dom|std)\\((ARM|RUS|AZE|USA|FRA|KAZ|self)\\)")) {
        problems.add("effect " + (i + 1) + ": unknown quantity '" + target + "'");
      }
    }
    return problems.build();
  }

  @Override
  public void apply(InjectedEvent event) {
    appliedEvents.add(event.title());
  }

  /** A catalog with one built-in scenario, "test-crisis"; a file whose text is "ok" loads it. */
  public static ScenarioCatalog catalog() {
    return new ScenarioCatalog() {
      @Override
      public ImmutableList<ScenarioInfo> builtIns() {
        return ImmutableList.of(SCENARIO);
      }

      @Override
      public Optional<Loaded> loadBuiltIn(String id) {
        return id.equals(SCENARIO.id())
            ? Optional.of(loaded(ImmutableList.of()))
            : Optional.empty();
      }

      @Override
      public Loaded loadFile(String fileName, String text) {
        if (text.strip().equals("ok")) {
          return loaded(ImmutableList.of());
        }
        return loaded(
            ImmutableList.of(
                fileName + ":1:1: error: BAD_FORMAT: not a scenario",
                fileName + ":2:5: error: MISSING_FIELD: metadata.id is required"));
      }
    };
  }

  private static ScenarioCatalog.Loaded loaded(ImmutableList<String> problems) {
    return new ScenarioCatalog.Loaded() {
      @Override
      public ImmutableList<String> problems() {
        return problems;
      }

      @Override
      public ScenarioInfo info() {
        return SCENARIO;
      }

      @Override
      public SessionRules newSession() {
        return new FakeRules();
      }
    };
  }
}
