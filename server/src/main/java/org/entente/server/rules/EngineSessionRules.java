package org.entente.server.rules;

import static com.google.common.base.Preconditions.checkState;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.entente.debrief.DebriefRenderer;
import org.entente.debrief.GameRecord;
import org.entente.debrief.GradingCsv;
import org.entente.engine.Engine;
import org.entente.engine.Score;
import org.entente.engine.TurnResult;
import org.entente.engine.bot.Bot;
import org.entente.engine.bot.OfferAnswer;
import org.entente.engine.expr.ExprError;
import org.entente.engine.expr.QuantityRef;
import org.entente.engine.model.Actor;
import org.entente.engine.model.Effect;
import org.entente.engine.model.MemberStatus;
import org.entente.engine.model.OrderKind;
import org.entente.engine.model.Organisation;
import org.entente.engine.model.Scenario;
import org.entente.engine.model.ScheduledEvent;
import org.entente.engine.model.Track;
import org.entente.engine.order.Order;
import org.entente.engine.order.OrderCheck;
import org.entente.engine.report.Viewer;
import org.entente.engine.state.GameState;
import org.entente.engine.state.OpenRequest;
import org.entente.proto.protocol.v1.Briefing;
import org.entente.proto.scenario.v1.Press;

/**
 * The session rules backed by the engine: one game's scenario and current state. Every
 * call to {@link Engine} the server makes is in this class. Confined to the session's thread.
 *
 * <p>A game-master inject becomes a scheduled event of the turn in progress, added to this
 * session's copy of the scenario: the engine applies its effects at the upkeep of the coming
 * resolution, exactly as it applies a scenario file's events, and reports it publicly.
 *
 * <p>A session's rules keep the current state only, not the game so far: the debrief is
 * rebuilt when asked, by making the game's calls again on fresh rules of the scenario as loaded
 * (the engine is deterministic), which collect the record as they go.
 */
public final class EngineSessionRules implements SessionRules {
  /** The scenario as loaded, before any inject: what the briefing describes. */
  private final Scenario loaded;

  private Scenario scenario;
  private GameState state;
  private final ScenarioInfo info;
  private int injected;

  /**
   * The last snapshot made, and of which state and scenario: both are immutable and replaced
   * when they change, so the snapshot stays right until then. Every join, resume and view
   * needs one, and making it scores every objective.
   */
  private volatile Snapshot last;

  private record Snapshot(GameState state, Scenario scenario, GameSnapshot snapshot) {}

  /**
   * The game so far (states, sealed orders, reports) in the rules a debrief replays the game on;
   * null in a session's rules.
   */
  private final GameRecord.Builder replayed;

  public EngineSessionRules(Scenario scenario) {
    this(scenario, false);
  }

  private EngineSessionRules(Scenario scenario, boolean recording) {
    this.loaded = scenario;
    this.scenario = scenario;
    this.state = GameState.initial(scenario);
    this.info = describe(scenario);
    this.replayed = recording ? GameRecord.builder(scenario, state) : null;
  }

  /** What the lobby shows about an engine scenario. */
  public static ScenarioInfo describe(Scenario scenario) {
    return new ScenarioInfo(
        scenario.metadata().id(),
        scenario.metadata().title(),
        scenario.metadata().summary(),
        scenario.metadata().defaultTurns(),
        scenario.metadata().defaultPress() == null
            ? Press.FULL
            : Press.valueOf(scenario.metadata().defaultPress().name()),
        scenario.actors().stream()
            .map(a -> new ScenarioInfo.CountryInfo(a.id(), a.name(), a.playable()))
            .collect(ImmutableList.toImmutableList()));
  }

  @Override
  public ScenarioInfo scenario() {
    return info;
  }

  /** The current game state (for views and tests). */
  public GameState state() {
    return state;
  }

  /** The scenario the engine plays: as loaded, with the game master's injects so far. */
  public Scenario playedScenario() {
    return scenario;
  }

  @Override
  public OrderCheck check(String actor, List<Order> draft, String text) {
    return Engine.check(scenario, state, actor, draft, text);
  }

  /** The structured form goes through the same parser as typed text, so both are checked alike. */
  @Override
  public OrderCheck check(List<Order> draft, Order candidate) {
    return check(candidate.actor(), draft, normalised(candidate).toText());
  }

  @Override
  public ResolvedTurn resolve(
      Map<String, List<Order>> ordersByActor, long seed, boolean finalTurn) {
    Map<String, List<Order>> orders = new LinkedHashMap<>(ordersByActor);
    Engine.Options options =
        finalTurn ? Engine.Options.DEFAULT.asFinalTurn() : Engine.Options.DEFAULT;
    TurnResult result = Engine.resolve(scenario, state, orders, seed, options);
    state = result.state();
    if (replayed != null) {
      replayed.turn(orders, result);
    }
    return new ResolvedTurn(result.report().turn(), ImmutableList.copyOf(result.report().lines()));
  }

  @Override
  public GameSnapshot snapshot() {
    Snapshot made = last;
    if (made == null || made.state() != state || made.scenario() != scenario) {
      made = new Snapshot(state, scenario, makeSnapshot());
      last = made;
    }
    return made.snapshot();
  }

  /** The snapshot kept for the next join goes: an idle session holds none (docs/performance.md). */
  @Override
  public void quiet() {
    last = null;
  }

  private GameSnapshot makeSnapshot() {
    ImmutableList.Builder<GameSnapshot.CountryQuantities> countries = ImmutableList.builder();
    ImmutableList.Builder<GameSnapshot.Trust> trust = ImmutableList.builder();
    for (Actor a : scenario.actors()) {
      String id = a.id();
      countries.add(
          new GameSnapshot.CountryQuantities(
              id, state.sec(id), state.dom(id), state.std(id), state.rf(id), state.grievance(id)));
      for (Actor b : scenario.actors()) {
        if (!a.id().equals(b.id())) {
          trust.add(new GameSnapshot.Trust(id, b.id(), state.trust(id, b.id())));
        }
      }
    }
    ImmutableList.Builder<GameSnapshot.OrganisationState> orgs = ImmutableList.builder();
    for (Organisation o : scenario.organisations()) {
      ImmutableList.Builder<GameSnapshot.Member> members = ImmutableList.builder();
      for (Actor a : scenario.actors()) {
        MemberStatus status = state.memberStatus(a.id(), o.id());
        if (status != MemberStatus.NONE) {
          members.add(
              new GameSnapshot.Member(a.id(), status.name(), state.noticeLeft(a.id(), o.id())));
        }
      }
      orgs.add(
          new GameSnapshot.OrganisationState(
              o.id(), o.name(), state.cred(o.id()), state.coh(o.id()), members.build()));
    }
    ImmutableList.Builder<GameSnapshot.TrackValue> tracks = ImmutableList.builder();
    for (Track t : scenario.tracks()) {
      tracks.add(new GameSnapshot.TrackValue(t.id(), t.name(), state.track(t.id())));
    }
    ImmutableList.Builder<GameSnapshot.Obligation> obligations = ImmutableList.builder();
    for (OpenRequest r : state.openRequests()) {
      for (String debtor : r.owed()) {
        if (!r.answeredBy(debtor)) {
          obligations.add(
              new GameSnapshot.Obligation(
                  debtor,
                  debtor
                      + " owes "
                      + r.requester()
                      + " an answer in the "
                      + r.org()
                      + " by the end of T"
                      + r.deadlineTurn()
                      + "."));
        }
      }
    }
    ImmutableList.Builder<GameSnapshot.ObjectiveScore> objectives = ImmutableList.builder();
    for (Score score : Engine.score(scenario, state)) {
      String summary = scenario.objectiveOf(score.actor()).map(o -> o.summary()).orElse("");
      objectives.add(
          new GameSnapshot.ObjectiveScore(
              score.actor(),
              summary,
              score.points(),
              score.criteria().stream()
                  .map(c -> new GameSnapshot.Criterion(c.description(), c.points(), c.met()))
                  .collect(ImmutableList.toImmutableList())));
    }
    return new GameSnapshot(
        state.turn(),
        scenario.metadata().dateOf(state.turn()).toString(),
        countries.build(),
        trust.build(),
        orgs.build(),
        tracks.build(),
        obligations.build(),
        objectives.build());
  }

  @Override
  public ImmutableList<String> validate(InjectedEvent event) {
    ImmutableList.Builder<String> problems = ImmutableList.builder();
    boolean hasActor = !event.actor().isEmpty();
    if (hasActor && scenario.actorIndex(event.actor()) < 0) {
      problems.add("actor: '" + event.actor() + "' is not an actor in this scenario");
    }
    for (int i = 0; i < event.effects().size(); i++) {
      InjectedEvent.Effect effect = event.effects().get(i);
      String where = "effect " + (i + 1) + " ('" + effect.target() + "'): ";
      QuantityRef.ParseResult parsed = QuantityRef.parse(effect.target(), scenario.names());
      if (!parsed.ok()) {
        for (ExprError error : parsed.errors()) {
          problems.add(where + error.code() + ": " + error.message());
        }
        continue;
      }
      for (String arg : parsed.ref().args()) {
        if (arg.equals("target") || arg.equals("other") || arg.equals("org")) {
          problems.add(
              where + "an injected event can only use 'self' (its actor), not '" + arg + "'");
        } else if (arg.equals("self") && !hasActor) {
          problems.add(where + "'self' needs the event's actor");
        }
      }
    }
    return problems.build();
  }

  @Override
  public void apply(InjectedEvent event) {
    List<Effect> effects = new ArrayList<>();
    for (InjectedEvent.Effect e : event.effects()) {
      effects.add(new Effect(QuantityRef.parse(e.target(), scenario.names()).ref(), e.delta()));
    }
    List<ScheduledEvent> events = new ArrayList<>(scenario.events());
    events.add(
        new ScheduledEvent(
            GameRecord.INJECT_PREFIX + (++injected),
            state.turn() + 1,
            event.title(),
            event.text(),
            null,
            false,
            effects,
            event.actor(),
            List.of(),
            List.of()));
    scenario =
        new Scenario(
            scenario.metadata(),
            scenario.actors(),
            scenario.organisations(),
            scenario.relations(),
            scenario.partnerships(),
            scenario.tracks(),
            scenario.presences(),
            scenario.orderRules(),
            scenario.mechanics(),
            events,
            scenario.objectives(),
            scenario.notes());
    if (replayed != null) {
      replayed.scenario(scenario);
    }
  }

  @Override
  public BotTurn botTurn(String actor, long seed, List<Order> offers) {
    List<Order> promised = new ArrayList<>();
    ImmutableList.Builder<OfferReply> replies = ImmutableList.builder();
    for (Order offer : offers) {
      if (offer.kind().group() != OrderKind.Group.BILATERAL) {
        continue;
      }
      OfferAnswer answer = Bot.answerOffer(scenario, state, actor, offer);
      replies.add(new OfferReply(offer.actor(), offer.toText(), answer.accept(), answer.reason()));
      if (answer.accept()) {
        answer.reply().ifPresent(promised::add);
      }
    }
    return new BotTurn(
        ImmutableList.copyOf(Bot.orders(scenario, state, actor, seed, promised)), replies.build());
  }

  /**
   * Makes the game's calls again on fresh rules of the scenario as loaded, which collect the
   * record, and renders it: as long as the game took to resolve, once per export.
   */
  @Override
  public Debrief debrief(
      GameInputs game, List<RecordedMessage> messages, int plannedTurns, List<RecordedSeat> seats) {
    EngineSessionRules replay = new EngineSessionRules(loaded, true);
    game.replayOn(replay);
    checkState(
        replay.state.equals(state),
        "the game's inputs rebuild a different state (turn %s) from this game's (turn %s)",
        replay.state.turn(),
        state.turn());
    return render(replay.replayed.plannedTurns(plannedTurns).build(), messages, seats);
  }

  /** The debrief of {@code game} with the session's messages (the included ones shown) and roster. */
  public static Debrief render(
      GameRecord game, List<RecordedMessage> messages, List<RecordedSeat> seats) {
    List<GameRecord.Message> shown = new ArrayList<>();
    for (RecordedMessage m : messages) {
      shown.add(
          new GameRecord.Message(
              m.turn(),
              GameRecord.Channel.valueOf(m.channel()),
              m.from(),
              m.fromName(),
              m.to(),
              m.text(),
              m.included()));
    }
    List<GameRecord.Seat> roster = new ArrayList<>();
    for (RecordedSeat s : seats) {
      roster.add(
          new GameRecord.Seat(
              s.seat(),
              s.country(),
              s.name(),
              s.bot(),
              s.ordersAuthored(),
              s.ordersSealed(),
              s.firstOrderTurn(),
              s.lastOrderTurn(),
              s.left()));
    }
    GameRecord shownGame = game.withMessages(shown).withRoster(roster);
    return new Debrief(
        shownGame.turns().size(),
        DebriefRenderer.markdown(shownGame),
        DebriefRenderer.html(shownGame),
        GradingCsv.students(shownGame),
        GradingCsv.quantities(shownGame));
  }

  /** Ids upper-cased and trimmed, as the text syntax reads them (ARMS_DEAL's direction depends on it). */
  private static Order normalised(Order o) {
    return new Order(
        up(o.actor()),
        o.kind(),
        up(o.org()),
        up(o.target()),
        up(o.other()),
        up(o.option()),
        up(o.presence()),
        o.text());
  }

  private static String up(String id) {
    return id.trim().toUpperCase(Locale.ROOT);
  }

  /** The scenario as loaded: injects are news of the game, not part of the briefing. */
  @Override
  public Briefing briefing(Viewer viewer, int turns) {
    return Briefings.of(loaded, viewer, turns);
  }

  /** The playable actors' ids, in scenario order. */
  public ImmutableList<String> playable() {
    return scenario.playableActors().stream()
        .map(Actor::id)
        .collect(ImmutableList.toImmutableList());
  }
}
