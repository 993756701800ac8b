package org.entente.server.session;

import com.google.common.collect.ImmutableList;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.entente.engine.order.Order;
import org.entente.engine.order.OrderCheck;
import org.entente.proto.protocol.v1.Channel;
import org.entente.proto.protocol.v1.ErrorCode;
import org.entente.server.rules.ResolvedTurn;
import org.entente.server.rules.SessionRules;

/**
 * The turn cycle of one session: opening turns, deadlines, pausing, and resolution when
 * every staffed country is ready, when the deadline passes, or when the game master
 * forces it. Session-thread only: each entry point checks it.
 */
final class Turns {
  static final String ALL_READY = "ALL_READY";
  static final String DEADLINE = "DEADLINE";
  static final String FORCED = "FORCED";

  private final GameSession session;
  private final SessionState state;
  private final Scheduler scheduler;
  private Scheduler.Cancellable timer;

  /** Bumped whenever the deadline changes, so that a stale timer does nothing. */
  private long timerGeneration;

  Turns(GameSession session, Scheduler scheduler) {
    this.session = session;
    this.state = session.state;
    this.scheduler = scheduler;
  }

  void start() throws RequestException {
    session.checkThread("starting the game");
    requirePhase(Phase.WAITING, "The game has already started.");
    openTurn(1, "started");
  }

  void pause() throws RequestException {
    session.checkThread("pausing the game");
    requirePhase(Phase.RUNNING, "Only a running game can be paused.");
    long left =
        state.deadlinePolicy.perTurn().isPresent()
            ? Math.max(0, state.deadlineEpochMillis - now())
            : 0;
    cancelTimer();
    session.commit(new SessionEvent.PhaseChanged(Phase.PAUSED, state.turn, 0, left, "paused"));
  }

  void resume() throws RequestException {
    session.checkThread("resuming the game");
    requirePhase(Phase.PAUSED, "Only a paused game can be resumed.");
    long deadline = state.deadlinePolicy.perTurn().isPresent() ? now() + state.pausedMillisLeft : 0;
    session.commit(
        new SessionEvent.PhaseChanged(Phase.RUNNING, state.turn, deadline, 0, "resumed"));
    scheduleDeadline();
  }

  void extend(int seconds) throws RequestException {
    session.checkThread("extending the deadline");
    if (state.deadlinePolicy.perTurn().isEmpty()) {
      throw new RequestException(
          ErrorCode.WRONG_PHASE, "This session has no deadline: the game master advances turns.");
    }
    String reason = "deadline extended by " + seconds + " s";
    if (state.phase == Phase.RUNNING) {
      session.commit(
          new SessionEvent.PhaseChanged(
              Phase.RUNNING, state.turn, state.deadlineEpochMillis + seconds * 1000L, 0, reason));
      scheduleDeadline();
    } else if (state.phase == Phase.PAUSED) {
      session.commit(
          new SessionEvent.PhaseChanged(
              Phase.PAUSED, state.turn, 0, state.pausedMillisLeft + seconds * 1000L, reason));
    } else {
      throw new RequestException(
          ErrorCode.WRONG_PHASE, "The deadline can be extended only while a turn is open.");
    }
  }

  void force(int turn) throws RequestException {
    session.checkThread("forcing a resolution");
    if (state.phase != Phase.RUNNING && state.phase != Phase.PAUSED) {
      throw new RequestException(ErrorCode.WRONG_PHASE, "No turn is open.");
    }
    if (turn != 0 && turn != state.turn) {
      throw new RequestException(
          ErrorCode.WRONG_TURN,
          "Turn " + turn + " is not open; the current turn is " + state.turn + ".");
    }
    resolve(FORCED);
  }

  void end() throws RequestException {
    session.checkThread("ending the game");
    if (state.phase == Phase.ENDED) {
      throw new RequestException(ErrorCode.WRONG_PHASE, "The game has already ended.");
    }
    cancelTimer();
    session.commit(
        new SessionEvent.PhaseChanged(Phase.ENDED, state.turn, 0, 0, "ended by the game master"));
  }

  /** Makes {@code country}'s readiness what its members say (see {@link SessionState#teamReady}). */
  void syncTeamReadiness(String country) {
    if (state.phase != Phase.RUNNING || state.playersOf(country) == 0) {
      return;
    }
    boolean ready = state.teamReady(country);
    if (state.draft(country).ready() != ready) {
      session.commit(new SessionEvent.ReadinessChanged(country, state.turn, ready));
    }
  }

  /** Resolves the turn if every country with players is ready. */
  void resolveIfAllReady() {
    session.checkThread("resolving a turn");
    if (state.phase != Phase.RUNNING) {
      return;
    }
    ImmutableList<String> staffed = state.staffedCountries();
    if (!staffed.isEmpty() && staffed.stream().allMatch(c -> state.draft(c).ready())) {
      resolve(ALL_READY);
    }
  }

  /** Every country's sealed orders, in scenario order: what a resolution (or its replay) gives the rules. */
  static Map<String, List<Order>> sealedOrders(SessionState state) {
    Map<String, List<Order>> orders = new LinkedHashMap<>();
    for (Draft draft : state.drafts()) {
      orders.put(draft.country(), draft.plainOrders());
    }
    return orders;
  }

  /**
   * After a restart: the clock stopped while the server was down, so a running turn gets
   * back the time it had left when the last record was written, and its timer again.
   */
  void restarted(long lastWrittenMillis) {
    session.checkThread("restarting the clock");
    if (state.phase != Phase.RUNNING || state.deadlinePolicy.perTurn().isEmpty()) {
      return;
    }
    long left = Math.max(0, state.deadlineEpochMillis - lastWrittenMillis);
    session.commit(
        new SessionEvent.PhaseChanged(
            Phase.RUNNING, state.turn, now() + left, 0, "resumed after a server restart"));
    scheduleDeadline();
  }

  private void resolve(String cause) {
    cancelTimer();
    sealBotDrafts();
    Map<String, List<Order>> orders = sealedOrders(state);
    long seed = session.rules.turnSeed(state.seed, state.turn);
    // The last turn's report ends with the final scores and what really happened next.
    ResolvedTurn result =
        session.rulesSteps.resolve(state.turn, orders, seed, state.turn >= state.totalTurns);
    session.commit(new SessionEvent.TurnResolved(state.turn, cause, seed, result.lines()));
    if (state.turn >= state.totalTurns) {
      session.commit(
          new SessionEvent.PhaseChanged(Phase.ENDED, state.turn, 0, 0, "last turn resolved"));
    } else {
      openTurn(state.turn + 1, "turn " + (state.turn + 1) + " opened");
    }
  }

  /** Orders that teams drafted this turn naming {@code botCountry}: offers for the bot to answer. */
  private List<Order> offersTo(String botCountry) {
    List<Order> offers = new java.util.ArrayList<>();
    for (Draft draft : state.drafts()) {
      if (state.bots.contains(draft.country()) || draft.turn() != state.turn) {
        continue;
      }
      for (Order o : draft.plainOrders()) {
        if (o.target().equals(botCountry) || o.other().equals(botCountry)) {
          offers.add(o);
        }
      }
    }
    return offers;
  }

  /**
   * Each bot's orders become its country's draft, recorded like a team's edit: the log then
   * holds every sealed order, whoever gave it (a replay needs no bot).
   */
  private void sealBotDrafts() {
    for (String country : state.bots) {
      SessionRules.BotTurn turn = session.rules.botTurn(country, state.seed, offersTo(country));
      for (SessionRules.OfferReply reply : turn.replies()) {
        // The bot answers each offer privately, as a team would in negotiation.
        String name = state.scenario.nameOf(country) + " (bot)";
        session.commit(
            new SessionEvent.MessagePosted(
                new ChatMessage(
                    Channel.PRIVATE,
                    country,
                    name,
                    reply.offerer(),
                    (reply.accepted() ? "accepts " : "declines ")
                        + reply.offer()
                        + ": "
                        + reply.reason(),
                    state.turn,
                    session.clock.millis())));
      }
      ImmutableList.Builder<DraftOrder> orders = ImmutableList.builder();
      List<Order> accepted = new java.util.ArrayList<>();
      for (Order o : turn.orders()) {
        // Checked like a team's order, for the canonical text and so that a bot never seals what a
        // team could not.
        OrderCheck check = session.rules.check(accepted, o);
        if (check.isAccepted()) {
          Order order = check.order().orElseThrow();
          accepted.add(order);
          orders.add(new DraftOrder(state.newOrderId(), order, order.toText(), "bot"));
        }
      }
      session.commit(
          new SessionEvent.DraftEdited(new Draft(country, state.turn, orders.build(), true)));
    }
  }

  private void openTurn(int turn, String reason) {
    long deadline = state.deadlinePolicy.perTurn().map(d -> now() + d.toMillis()).orElse(0L);
    session.commit(new SessionEvent.PhaseChanged(Phase.RUNNING, turn, deadline, 0, reason));
    scheduleDeadline();
  }

  private void scheduleDeadline() {
    cancelTimer();
    if (state.deadlinePolicy.perTurn().isEmpty()) {
      return;
    }
    long generation = ++timerGeneration;
    Duration delay = Duration.ofMillis(Math.max(0, state.deadlineEpochMillis - now()));
    timer =
        scheduler.schedule(
            delay,
            () ->
                session.execute(
                    () -> {
                      if (generation == timerGeneration && state.phase == Phase.RUNNING) {
                        resolve(DEADLINE);
                      }
                    }));
  }

  private void cancelTimer() {
    timerGeneration++;
    if (timer != null) {
      timer.cancel();
      timer = null;
    }
  }

  private void requirePhase(Phase phase, String message) throws RequestException {
    if (state.phase != phase) {
      throw new RequestException(ErrorCode.WRONG_PHASE, message);
    }
  }

  private long now() {
    return session.clock.millis();
  }
}
