package org.entente.engine.report;

import java.util.List;

/** Everything a turn produced, in the order it happened; {@link #linesFor} is each viewer's view. */
public record Report(int turn, List<ReportLine> lines) {
  public Report {
    lines = List.copyOf(lines);
  }

  /** The lines the viewer may see, in order. */
  public List<ReportLine> linesFor(Viewer viewer) {
    return lines.stream().filter(l -> l.visibility().visibleTo(viewer)).toList();
  }
}
