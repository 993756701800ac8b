package org.entente.server.session;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import org.entente.engine.report.ReportLine;
import org.entente.engine.report.Viewer;
import org.entente.proto.protocol.v1.ServerMessage;

/**
 * The events of one delivery pass as each viewer sees them: each event is projected ({@link
 * Views}) once per viewer and the message shared by every seat with that viewer (a team's
 * members, several spectators), and each report line is put in its wire form once for all the
 * viewers who may read it. Before, every seat had its own projection: a turn's report was
 * rendered and built eight times for a class's eight seats. What each viewer sees is decided
 * exactly as before, by {@link Views}. Session-thread only; one pass, then dropped.
 */
final class PassViews {
  private final Map<Long, Map<Viewer, Optional<ServerMessage>>> bySeq = new HashMap<>();
  private final Map<ReportLine, org.entente.proto.protocol.v1.ReportLine> lines =
      new IdentityHashMap<>();

  /** The message that shows {@code n} to {@code viewer}, or empty if it is not for them. */
  Optional<ServerMessage> of(History.Numbered n, Viewer viewer) {
    return bySeq
        .computeIfAbsent(n.seq(), seq -> new HashMap<>())
        .computeIfAbsent(
            viewer,
            v ->
                Views.project(n.seq(), n.event(), v, this::line)
                    .map(event -> ServerMessage.newBuilder().setEvent(event).build()));
  }

  private org.entente.proto.protocol.v1.ReportLine line(ReportLine line) {
    return lines.computeIfAbsent(line, Wire::reportLine);
  }
}
