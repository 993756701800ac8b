package org.entente.server.session;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.protobuf.CodedOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.entente.engine.order.Order;
import org.entente.server.rules.InjectedEvent;
import org.entente.server.rules.ResolvedTurn;
import org.entente.server.rules.SessionRules;

/**
 * Every call a session made that changed its rules' state, in order: each resolved turn (its
 * sealed orders, seed and whether it was the last) and each inject. The rules are
 * deterministic, so making the same calls again on fresh rules rebuilds their state: a
 * snapshot keeps these inputs instead of the engine's state or the session's history, and the
 * debrief is rebuilt from them (the rules keep no record of past turns). They
 * are bounded by the game, not by its history: at most {@code Lobby.MAX_TURNS} turns of at most
 * {@link PlayerCommands#MAX_ORDERS} orders per country, and {@link #MAX_INJECTS_PER_TURN}
 * injects per turn.
 *
 * <p>They are kept encoded, as the snapshot's state holds them ({@link StateCodec#stepBytes}):
 * one array of bytes, a few hundred a turn, which a snapshot copies as they are; they are
 * decoded only to be made again (the debrief). A session of many turns holds no object per
 * turn or per order.
 *
 * <p>Confined to the session's thread (or to recovery, before the session is reachable).
 */
final class RulesSteps {
  /** Game-master injects per turn: enough for any lesson, and they keep the steps bounded. */
  static final int MAX_INJECTS_PER_TURN = 10;

  /** One call to the rules. */
  sealed interface Step {}

  /** {@link SessionRules#resolve} of {@code turn}; {@code orders}: every country's, in scenario order. */
  record Resolved(int turn, long seed, boolean finalTurn, ImmutableMap<String, List<Order>> orders)
      implements Step {}

  /** {@link SessionRules#apply} of an inject made during {@code turn}. */
  record Injected(InjectedEvent event, int turn) implements Step {}

  private static final byte[] NONE = new byte[0];

  private final SessionRules rules;

  /** The steps so far, oldest first, encoded: exactly as long as they are. */
  private byte[] encoded = NONE;

  /** The turn of the newest inject (-1: none yet), and the injects made during it. */
  private int injectTurn = -1;

  private int injectsInTurn;

  RulesSteps(SessionRules rules) {
    this.rules = rules;
  }

  /** Resolves turn {@code turn} with the rules, and keeps the inputs. */
  ResolvedTurn resolve(int turn, Map<String, List<Order>> orders, long seed, boolean finalTurn) {
    ImmutableMap.Builder<String, List<Order>> copy = ImmutableMap.builder();
    orders.forEach((actor, list) -> copy.put(actor, ImmutableList.copyOf(list)));
    Resolved step = new Resolved(turn, seed, finalTurn, copy.build());
    ResolvedTurn result = rules.resolve(step.orders(), seed, finalTurn);
    keep(step);
    return result;
  }

  /** Applies a valid inject made during {@code turn}, and keeps it. */
  void inject(InjectedEvent event, int turn) {
    rules.apply(event);
    keep(new Injected(event, turn));
    if (turn != injectTurn) {
      injectTurn = turn;
      injectsInTurn = 0;
    }
    injectsInTurn++;
  }

  private void keep(Step step) {
    byte[] more = StateCodec.stepBytes(step);
    byte[] all = Arrays.copyOf(encoded, encoded.length + more.length);
    System.arraycopy(more, 0, all, encoded.length, more.length);
    encoded = all;
  }

  /** Makes {@code step} again (recovery from a snapshot), and keeps it. */
  void replay(Step step) {
    if (step instanceof Resolved r) {
      resolve(r.turn(), r.orders(), r.seed(), r.finalTurn());
    } else if (step instanceof Injected i) {
      inject(i.event(), i.turn());
    }
  }

  /**
   * Makes every step again, in order, on {@code fresh} rules and keeps nothing (the debrief
   * rebuilds the game so: {@link SessionRules.GameInputs}).
   */
  void replayOn(SessionRules fresh) {
    for (Step step : steps()) {
      if (step instanceof Resolved r) {
        fresh.resolve(r.orders(), r.seed(), r.finalTurn());
      } else if (step instanceof Injected i) {
        fresh.apply(i.event());
      }
    }
  }

  /**
   * Injects made during {@code turn}, the session's current one (turns only go forward, and
   * an inject is made during the current turn).
   */
  int injectsIn(int turn) {
    return turn == injectTurn ? injectsInTurn : 0;
  }

  /** The steps so far, oldest first, decoded. */
  List<Step> steps() {
    return StateCodec.steps(encoded);
  }

  /** The bytes the steps take encoded. */
  int encodedBytes() {
    return encoded.length;
  }

  /** Writes the steps, encoded as a snapshot's state holds them, to {@code out}. */
  void writeTo(CodedOutputStream out) throws IOException {
    out.writeRawBytes(encoded);
  }
}
