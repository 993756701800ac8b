package org.entente.engine.resolve;

import java.util.ArrayList;
import java.util.List;
import org.entente.engine.CriterionResult;
import org.entente.engine.Phase;
import org.entente.engine.Score;
import org.entente.engine.model.HistoricalNote;
import org.entente.engine.model.NoteKind;

/**
 * The last turn's closing lines, for everyone: the objectives were hidden during the game and
 * are shown at its end (docs/rules.md, section 8), with what really happened next.
 */
final class FinalLines {
  private FinalLines() {}

  static void write(Turn t, List<Score> scores) {
    List<String> totals = new ArrayList<>();
    for (Score s : scores) {
      totals.add(t.name(s.actor()) + " " + s.points() + "/100");
    }
    t.sayPublic(
        Phase.SCORES,
        "The game is over. Final scores: " + String.join(", ", totals) + ".",
        "docs/rules.md, section 8 (objectives and scoring)");
    for (Score s : scores) {
      List<String> met = new ArrayList<>();
      List<String> missed = new ArrayList<>();
      for (CriterionResult c : s.criteria()) {
        (c.met() ? met : missed).add(c.description() + " (" + c.points() + ")");
      }
      t.sayPublic(
          Phase.SCORES,
          t.possessive(s.actor())
              + " objectives: met: "
              + (met.isEmpty() ? "none" : String.join("; ", met))
              + "; missed: "
              + (missed.isEmpty() ? "none" : String.join("; ", missed))
              + ".",
          "");
    }
    for (HistoricalNote n : t.scenario.notes()) {
      if (n.kind() == NoteKind.AFTERWARDS) {
        t.sayPublic(Phase.SCORES, "What really happened next (" + n.date() + "): " + n.text(), "");
      }
    }
  }
}
