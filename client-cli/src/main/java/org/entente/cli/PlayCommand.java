package org.entente.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.entente.engine.TurnResult;
import org.entente.engine.model.Actor;
import org.entente.engine.model.Scenario;
import org.entente.engine.order.Order;
import org.entente.engine.order.OrderCheck;
import org.entente.engine.report.ReportLine;
import org.entente.engine.report.Viewer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code entente play}: a complete game in this terminal. By default a server runs in this
 * process and the player uses the same shell as a class ({@link PlayOnServer}); {@code
 * --hot-seat} plays without a server, switching countries in one terminal.
 */
@Command(
    name = "play",
    mixinStandardHelpOptions = true,
    description = {
      "Play a game in this terminal: the built-in scenario, you seated as a country, bots",
      "playing the others. A server runs inside this command and you get the shell students",
      "use in class ('help' lists its commands). --hot-seat plays without a server and lets",
      "you switch countries with 'as COUNTRY' ('bot COUNTRY' hands one back; 'debrief')."
    },
    footer = {
      "",
      "Examples:",
      "  entente play",
      "  entente play --as RUS --turns 6 --debrief out/",
      "  entente play --scenario my-crisis.textproto",
      "  entente play --hot-seat              (one terminal, every country, for a projector)",
      "  entente play --script turn1.txt      (commands from a file, one per line)"
    })
final class PlayCommand implements Callable<Integer> {
  @Option(names = "--scenario", paramLabel = "FILE", description = "A scenario file instead of the built-in one.")
  Path scenarioFile;

  @Option(names = "--as", paramLabel = "COUNTRY", description = "The country you play (default: the first playable).")
  String as;

  @Option(names = "--turns", paramLabel = "N", description = "Number of turns (default: the scenario's).")
  Integer turns;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "0", description = "Seed of a --hot-seat game (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--script", paramLabel = "FILE", description = "Read commands from a file instead of the terminal.")
  Path script;

  @Option(names = "--hot-seat", description = "No server: one terminal, switch countries with 'as COUNTRY'.")
  boolean hotSeat;

  @Option(names = "--debrief", paramLabel = "DIR", description = "When you quit, write debrief.md and debrief.html to DIR (with --hot-seat: type 'debrief').")
  Path debriefDir;

  @Option(names = "--json", description = "With a server (not --hot-seat): one JSON object per event and result.")
  boolean json;

  private final PrintStream out = WrappingPrintStream.forStdout();

  @Override
  public Integer call() throws Exception {
    Scenario scenario = Scenarios.loadOrBuiltIn(scenarioFile, System.err);
    if (scenario == null) {
      return 1;
    }
    LocalGame game = new LocalGame(scenario, turns == null ? scenario.metadata().defaultTurns() : turns, seed);
    String seat = as == null ? scenario.playableActors().get(0).id() : as.toUpperCase(Locale.ROOT);
    if (scenario.actor(seat).filter(Actor::playable).isEmpty()) {
      System.err.println("entente: '" + as + "' is not a playable country; choose one of "
          + String.join(", ", scenario.playableActors().stream().map(Actor::id).toList()));
      return 2;
    }
    if (!hotSeat) {
      return PlayOnServer.run(scenario, scenarioFile, seat, turns, script, json, debriefDir, System.err);
    }
    game.takeSeat(seat);
    out.println(Safe.text(scenario.metadata().title()));
    out.println(Safe.text(scenario.metadata().summary()));
    out.println();
    out.println("You play " + scenario.nameOf(seat) + "; bots play the other countries. Type 'help' for"
        + " commands, 'briefing' to read in.");
    try (BufferedReader in = script != null
        ? java.nio.file.Files.newBufferedReader(script, StandardCharsets.UTF_8)
        : new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
      return new PlayShell(game, seat, out).loop(in, script == null);
    }
  }

  /** The command loop of a hot-seat game. */
  static final class PlayShell {
    private final LocalGame game;
    private final PrintStream out;
    private String seat;

    PlayShell(LocalGame game, String seat, PrintStream out) {
      this.game = game;
      this.seat = seat;
      this.out = out;
    }

    int loop(BufferedReader in, boolean prompt) throws java.io.IOException {
      while (true) {
        if (prompt) {
          out.print(prompt());
          out.flush();
        }
        String line = in.readLine();
        if (line == null) {
          return 0;
        }
        if (!prompt) {
          out.println(prompt() + line);
        }
        if (!handle(line.strip())) {
          return 0;
        }
      }
    }

    private String prompt() {
      if (game.over()) {
        return "[game over, " + seat + "]> ";
      }
      return "[T" + (game.state().turn() + 1) + " " + seat + " " + game.pointsUsed(seat) + "/"
          + game.scenario().actor(seat).orElseThrow().orderPoints() + " pts]> ";
    }

    /** Handles one command; false to quit. */
    boolean handle(String line) {
      if (line.isEmpty() || line.startsWith("#")) {
        return true;
      }
      String[] words = line.split("\\s+", 2);
      String cmd = words[0].toLowerCase(Locale.ROOT);
      String rest = words.length > 1 ? words[1] : "";
      Scenario sc = game.scenario();
      switch (cmd) {
        case "quit":
        case "exit":
          return false;
        case "help":
          out.print(StatusView.HELP);
          break;
        case "briefing":
          out.print(StatusView.briefing(sc, seat));
          break;
        case "status":
          out.print(StatusView.status(sc, game.state(), seat));
          break;
        case "kinds":
          out.print(StatusView.kinds(sc, seat));
          break;
        case "orders":
          printOrders();
          break;
        case "add":
          add(rest);
          break;
        case "remove":
          try {
            out.println(game.remove(seat, Integer.parseInt(rest.trim())) ? "Removed." : "No order number " + rest + ".");
          } catch (NumberFormatException e) {
            out.println("Usage: remove N   (N from 'orders')");
          }
          break;
        case "as":
          takeSeat(rest.trim().toUpperCase(Locale.ROOT));
          break;
        case "bot":
          handToBot(rest.trim().toUpperCase(Locale.ROOT));
          break;
        case "debrief":
          writeDebrief(rest.trim());
          break;
        case "report":
          if (game.last() == null) {
            out.println("No turn has been resolved yet.");
          } else {
            printReport(game.last());
          }
          break;
        case "score":
          out.print(StatusView.score(sc, game.state(), seat));
          break;
        case "ready":
        case "end":
          if (game.over()) {
            out.println("The game is over (" + game.turns() + " turns). Type 'score' or 'quit'.");
            break;
          }
          TurnResult r = game.resolve();
          printReport(r);
          if (game.over()) {
            out.println();
            out.println("The game is over. Final objectives:");
            for (Actor a : sc.playableActors()) {
              out.print(StatusView.score(sc, game.state(), a.id()));
            }
            out.println();
            out.println("Type 'debrief' to write the class debrief (debrief.md and debrief.html) here,"
                + " or 'debrief DIR' to write it elsewhere.");
          }
          break;
        default:
          // An order typed directly: "GIVE_NOTICE CSTO".
          add(line);
          break;
      }
      return true;
    }

    private void writeDebrief(String dir) {
      try {
        for (Path p : DebriefFiles.write(Path.of(dir.isEmpty() ? "." : dir), game.record())) {
          out.println("Wrote " + p);
        }
        if (!game.over()) {
          out.println("(the game is not over: the debrief shows the " + game.state().turn() + " turn(s) played so far)");
        }
      } catch (java.io.IOException | java.nio.file.InvalidPathException e) {
        out.println("Could not write the debrief: " + Safe.text(String.valueOf(e.getMessage())));
      }
    }

    private void takeSeat(String id) {
      Scenario sc = game.scenario();
      if (sc.actor(id).filter(Actor::playable).isEmpty()) {
        out.println("'" + Safe.text(id) + "' is not a playable country: "
            + String.join(", ", sc.playableActors().stream().map(Actor::id).toList()));
        return;
      }
      seat = id;
      game.takeSeat(id);
      out.println("You now play " + sc.nameOf(seat) + " (its bot stands down for this game;"
          + " 'bot " + id + "' hands it back).");
    }

    private void handToBot(String id) {
      Scenario sc = game.scenario();
      if (id.equals(seat)) {
        out.println("You are playing " + sc.nameOf(seat) + "; take another seat with 'as COUNTRY' first.");
      } else if (!game.handToBot(id)) {
        out.println("'" + Safe.text(id) + "' is not a seat you took; bots already play every country you have not.");
      } else {
        out.println("A bot now plays " + sc.nameOf(id) + ".");
      }
    }

    private void add(String text) {
      OrderCheck c = game.add(seat, text);
      switch (c.verdict()) {
        case ACCEPTED:
          Order order = c.order().orElseThrow();
          out.println("Accepted: " + order.toText()
              + (c.reason().isEmpty() ? "" : " (note: " + c.reason() + ")"));
          game.offerToBots(order).forEach((bot, answer) -> out.println("  "
              + game.scenario().nameOf(bot) + " (bot) " + (answer.accept() ? "accepts" : "declines")
              + ": " + Safe.text(answer.reason()) + "."));
          break;
        case NOT_UNDERSTOOD:
          out.println("Not understood" + (c.column() > 0 ? " at column " + c.column() : "") + ": "
              + Safe.text(c.reason()));
          out.println("(type 'help' for commands or 'kinds' for the orders " + seat + " may give)");
          break;
        case NOT_ALLOWED:
          out.println("Not allowed: " + Safe.text(c.reason()) + ".");
          break;
        default:
          throw new AssertionError(c.verdict());
      }
    }

    private void printOrders() {
      List<Order> d = game.draft(seat);
      if (d.isEmpty()) {
        out.println("No orders yet for " + game.scenario().nameOf(seat) + ". Type an order, e.g. STATEMENT RUS CRITICISE.");
        return;
      }
      for (int i = 0; i < d.size(); i++) {
        Order o = d.get(i);
        out.println((i + 1) + ". " + Safe.text(o.toText()) + "   (" + game.scenario().rule(o.kind()).costOf(o.option()) + " pt)");
      }
    }

    private void printReport(TurnResult r) {
      out.println();
      out.println("=== Turn " + r.report().turn() + " (" + game.scenario().metadata().dateOf(r.report().turn())
          + "): what " + game.scenario().nameOf(seat) + " sees ===");
      List<ReportLine> lines = r.report().linesFor(Viewer.actor(seat));
      if (lines.isEmpty()) {
        out.println("A quiet month: nothing public happened.");
      }
      for (ReportLine l : lines) {
        out.println("- " + Safe.text(l.render()));
      }
      out.println();
    }
  }
}
