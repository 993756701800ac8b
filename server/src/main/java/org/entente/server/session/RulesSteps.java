package org.entente.server.session;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.protobuf.CodedOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
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
 * turn or per order. While nobody is connected they are kept deflated ({@link #pack}): orders
 * repeat from turn to turn, so 119 turns of five statements, 26 KB, take under 1 KB; the
 * next call that needs them inflates them again.
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

  /** Steps shorter than this are not worth deflating. */
  static final int PACK_AT_LEAST = 512;

  private static final byte[] NONE = new byte[0];

  private final SessionRules rules;

  /** The steps so far, oldest first, encoded: exactly as long as they are; null while packed. */
  private byte[] encoded = NONE;

  /** While packed: {@link #encoded} deflated, and its length; null otherwise. */
  private byte[] packed;

  private int packedLength;

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
    byte[] before = encoded();
    byte[] all = Arrays.copyOf(before, before.length + more.length);
    System.arraycopy(more, 0, all, before.length, more.length);
    encoded = all;
  }

  /**
   * Nobody is connected: keeps the steps deflated until a call needs them again (it inflates
   * them, and they stay so until the next pack). Does nothing if they are packed already, short,
   * or would not shrink.
   */
  void pack() {
    if (encoded == null || encoded.length < PACK_AT_LEAST) {
      return;
    }
    Deflater deflater = new Deflater();
    byte[] out = new byte[encoded.length / 8 + 64];
    int length = 0;
    try {
      deflater.setInput(encoded);
      deflater.finish();
      while (!deflater.finished()) {
        if (length == out.length) {
          out = Arrays.copyOf(out, out.length * 2);
        }
        length += deflater.deflate(out, length, out.length - length);
      }
    } finally {
      deflater.end();
    }
    if (length >= encoded.length) {
      return;
    }
    packed = Arrays.copyOf(out, length);
    packedLength = encoded.length;
    encoded = null;
  }

  /** The steps encoded, inflated first if they were packed. */
  private byte[] encoded() {
    if (encoded == null) {
      Inflater inflater = new Inflater();
      byte[] out = new byte[packedLength];
      try {
        inflater.setInput(packed);
        int length = 0;
        while (length < out.length) {
          int n = inflater.inflate(out, length, out.length - length);
          if (n == 0) { // all the input was given: it ended, or wants more than there is
            throw new IllegalStateException("the session's packed rules steps are cut short");
          }
          length += n;
        }
      } catch (DataFormatException e) {
        throw new IllegalStateException("the session's packed rules steps do not inflate", e);
      } finally {
        inflater.end();
      }
      encoded = out;
      packed = null;
    }
    return encoded;
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
    return StateCodec.steps(encoded());
  }

  /** The bytes the steps take encoded. */
  int encodedBytes() {
    return encoded == null ? packedLength : encoded.length;
  }

  /** The bytes the steps take in memory now: encoded, or less while packed. */
  int heldBytes() {
    return encoded == null ? packed.length : encoded.length;
  }

  /** Writes the steps, encoded as a snapshot's state holds them, to {@code out}. */
  void writeTo(CodedOutputStream out) throws IOException {
    out.writeRawBytes(encoded());
  }
}
