package org.entente.cli.connect;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.entente.cli.connect.CommandParser.Usage;
import org.entente.proto.protocol.v1.Phase;

/**
 * What {@code wait} waits for, so a script can follow the game: {@code wait turn 2} (turn 2 is
 * open, or the game is over), {@code wait phase ENDED}, {@code wait report 1} (turn 1's report
 * arrived), {@code wait players 2} (two players have joined), {@code wait message} (a message
 * arrived that no earlier {@code wait message} answered). An optional last word is the timeout.
 */
record WaitFor(Kind kind, int number, Phase phase, Duration timeout) {
  enum Kind {
    TURN,
    PHASE,
    REPORT,
    PLAYERS,
    MESSAGE
  }

  static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);

  static WaitFor parse(List<String> words) throws Usage {
    if (words.isEmpty()) {
      throw new Usage("wait needs what to wait for.");
    }
    String what = words.get(0).toLowerCase(Locale.ROOT);
    int used;
    WaitFor w;
    switch (what) {
      case "turn":
      case "report":
        if (words.size() < 2) {
          throw new Usage("wait " + what + " needs a turn number.");
        }
        int n = CommandParser.number(words.get(1), 1, 121, "the turn");
        w =
            new WaitFor(
                what.equals("turn") ? Kind.TURN : Kind.REPORT,
                n,
                Phase.PHASE_UNSPECIFIED,
                DEFAULT_TIMEOUT);
        used = 2;
        break;
      case "players":
        if (words.size() < 2) {
          throw new Usage("wait players needs a number of players.");
        }
        w =
            new WaitFor(
                Kind.PLAYERS,
                CommandParser.number(words.get(1), 1, 1000, "the number of players"),
                Phase.PHASE_UNSPECIFIED,
                DEFAULT_TIMEOUT);
        used = 2;
        break;
      case "phase":
        if (words.size() < 2) {
          throw new Usage("wait phase needs WAITING, RUNNING, PAUSED or ENDED.");
        }
        Phase p;
        try {
          p = Phase.valueOf(words.get(1).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
          p = Phase.UNRECOGNIZED;
        }
        if (p == Phase.UNRECOGNIZED || p == Phase.PHASE_UNSPECIFIED) {
          throw new Usage(
              "'" + words.get(1) + "' is not a phase (WAITING, RUNNING, PAUSED or ENDED).");
        }
        w = new WaitFor(Kind.PHASE, 0, p, DEFAULT_TIMEOUT);
        used = 2;
        break;
      case "message":
        w = new WaitFor(Kind.MESSAGE, 0, Phase.PHASE_UNSPECIFIED, DEFAULT_TIMEOUT);
        used = 1;
        break;
      default:
        throw new Usage(
            "'"
                + words.get(0)
                + "' is not something to wait for (turn, phase, report, players or message).");
    }
    if (words.size() == used + 1) {
      return new WaitFor(
          w.kind,
          w.number,
          w.phase,
          Duration.ofSeconds(CommandParser.seconds(words.get(used), 1, 86400)));
    }
    if (words.size() > used + 1) {
      throw new Usage("too many words after 'wait " + what + "'.");
    }
    return w;
  }

  String describe() {
    switch (kind) {
      case TURN:
        return "turn " + number;
      case REPORT:
        return "the report of turn " + number;
      case PHASE:
        return "phase " + phase;
      case PLAYERS:
        return number + " player(s)";
      default:
        return "a message";
    }
  }
}
