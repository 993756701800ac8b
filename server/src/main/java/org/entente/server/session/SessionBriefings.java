package org.entente.server.session;

import java.util.HashMap;
import java.util.Map;
import org.entente.engine.report.Viewer;
import org.entente.proto.protocol.v1.Briefing;
import org.entente.proto.protocol.v1.ServerMessage;
import org.entente.server.rules.SessionRules;

/**
 * Answers GetBriefing for every role. A session's briefings never change, so each viewer's
 * (the public, each country, the game master) is built once, when first asked, and kept.
 * Session-thread only.
 */
final class SessionBriefings {
  private final SessionRules rules;
  private final int turns;
  private final Map<Viewer, Briefing> built = new HashMap<>();

  SessionBriefings(SessionRules rules, int turns) {
    this.rules = rules;
    this.turns = turns;
  }

  ServerMessage.Builder briefing(Seat seat) {
    return ServerMessage.newBuilder()
        .setBriefing(built.computeIfAbsent(seat.viewer(), v -> rules.briefing(v, turns)));
  }
}
