package org.entente.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.entente.engine.model.Actor;
import org.entente.engine.model.Scenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code entente play}: a complete game in this terminal. A server runs in this process and the
 * player uses the same shell as a class ({@link PlayOnServer}); with {@code --hot-seat} the shell
 * holds a seat for every country the user takes and switches between them.
 */
@Command(
    name = "play",
    mixinStandardHelpOptions = true,
    description = {
      "Play a game in this terminal: the built-in scenario, you seated as a",
      "country, bots playing the others. A server runs inside this command and",
      "you get the shell students use in class ('help' lists its commands);",
      "'debrief [DIR]' writes the class debrief.",
      "--hot-seat lets one terminal hold several countries' seats: 'as COUNTRY'",
      "switches seat, 'bot COUNTRY' hands one back, 'ready' ends the turn for",
      "every seat you hold."
    },
    footer = {
      "",
      "Examples:",
      "  entente play",
      "  entente play --as RUS --turns 6 --debrief out/",
      "  entente play --scenario my-crisis.textproto",
      "  entente play --hot-seat              (one terminal, several countries)",
      "  entente play --web --no-open         (in a browser; prints the address)",
      "  entente play --script turn1.txt      (commands from a file, one per line)"
    })
final class PlayCommand implements Callable<Integer> {
  @Option(
      names = "--scenario",
      paramLabel = "FILE",
      description = "A scenario file instead of the built-in one.")
  Path scenarioFile;

  @Option(
      names = "--as",
      paramLabel = "COUNTRY",
      description = "The country you play (default: the first playable).")
  String as;

  @Option(
      names = "--turns",
      paramLabel = "N",
      description = "Number of turns (default: the scenario's).")
  Integer turns;

  @Option(
      names = "--script",
      paramLabel = "FILE",
      description = "Read commands from a file instead of the terminal.")
  Path script;

  @Option(
      names = "--hot-seat",
      description = "One terminal for several countries: switch seats with 'as COUNTRY'.")
  boolean hotSeat;

  @Option(
      names = "--debrief",
      paramLabel = "DIR",
      description =
          "When you quit, write debrief.md, debrief.html, students.csv and"
              + " quantities.csv to DIR (the shell's 'debrief DIR' writes the first two at any time).")
  Path debriefDir;

  @Option(names = "--json", description = "One JSON object per event and result.")
  boolean json;

  @Option(
      names = "--web",
      description = "Play in a browser: prints (and opens) the page's address.")
  boolean web;

  @Option(
      names = "--no-open",
      description = "With --web: print the address only, do not open a browser.")
  boolean noOpen;

  @Override
  public Integer call() throws Exception {
    Scenario scenario = Scenarios.loadOrBuiltIn(scenarioFile, System.err);
    if (scenario == null) {
      return 1;
    }
    String seat = as == null ? scenario.playableActors().get(0).id() : as.toUpperCase(Locale.ROOT);
    if (scenario.actor(seat).filter(Actor::playable).isEmpty()) {
      System.err.println(
          "entente: '"
              + as
              + "' is not a playable country; choose one of "
              + String.join(", ", scenario.playableActors().stream().map(Actor::id).toList()));
      return 2;
    }
    if (web) {
      return PlayInBrowser.run(scenario, scenarioFile, seat, turns, !noOpen, System.out);
    }
    return PlayOnServer.run(
        scenario,
        scenarioFile,
        seat,
        new PlayOnServer.Options(turns, script, json, debriefDir, hotSeat),
        System.err);
  }
}
