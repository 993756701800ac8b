package org.entente.server.session;

import java.util.Optional;
import java.util.function.Function;
import org.entente.engine.report.ReportLine;
import org.entente.engine.report.Viewer;
import org.entente.proto.protocol.v1.BotChanged;
import org.entente.proto.protocol.v1.CountryQuantities;
import org.entente.proto.protocol.v1.CountryStatus;
import org.entente.proto.protocol.v1.CriterionStatus;
import org.entente.proto.protocol.v1.DraftUpdated;
import org.entente.proto.protocol.v1.Event;
import org.entente.proto.protocol.v1.GameStateView;
import org.entente.proto.protocol.v1.MemberState;
import org.entente.proto.protocol.v1.NewsEvent;
import org.entente.proto.protocol.v1.ObjectiveScore;
import org.entente.proto.protocol.v1.OrganisationState;
import org.entente.proto.protocol.v1.PhaseChanged;
import org.entente.proto.protocol.v1.ReadinessChanged;
import org.entente.proto.protocol.v1.SeatInfo;
import org.entente.proto.protocol.v1.SeatMoved;
import org.entente.proto.protocol.v1.SeatRemoved;
import org.entente.proto.protocol.v1.SeatsChanged;
import org.entente.proto.protocol.v1.SessionView;
import org.entente.proto.protocol.v1.TrackValue;
import org.entente.proto.protocol.v1.TrustValue;
import org.entente.proto.protocol.v1.TurnReport;
import org.entente.server.rules.GameSnapshot;
import org.entente.server.rules.ScenarioInfo;

/**
 * The one place that decides what each viewer sees: every event, message, draft, report
 * line and session view goes to a client through here, projected for that client.
 *
 * <p>Players see public things, their own team's drafts and chat, private messages their
 * country sent or received, and report lines addressed to their country. Spectators see
 * public things only. The game master sees everything. Viewers are the engine's: a player is
 * an actor viewer, a spectator the public, and whether a report line is for a viewer is the
 * engine's rule ({@code Visibility.visibleTo}), applied in {@link Wire#shows}.
 *
 * <p>A delivery pass sends each event to every connected seat: {@link PassViews} makes each
 * view once and gives it to every seat whose viewer is the same.
 */
public final class Views {
  private Views() {}

  /** The event as {@code viewer} may see it, or empty if it is not for them. */
  public static Optional<Event> project(long seq, SessionEvent event, Viewer viewer) {
    return project(seq, event, viewer, Wire::reportLine);
  }

  /**
   * As {@link #project(long, SessionEvent, Viewer)}, with the wire form of the report lines
   * {@code viewer} may read made by {@code lines} (one made for several viewers, for instance).
   */
  static Optional<Event> project(
      long seq,
      SessionEvent event,
      Viewer viewer,
      Function<ReportLine, org.entente.proto.protocol.v1.ReportLine> lines) {
    Event.Builder out = Event.newBuilder().setSeq(seq);
    if (event instanceof SessionEvent.SeatJoined e) {
      out.setSeatsChanged(
          SeatsChanged.newBuilder()
              .addSeats(seatInfo(e.seatId(), e.name(), e.role(), e.country(), true)));
    } else if (event instanceof SessionEvent.SeatMoved e) {
      out.setSeatMoved(
          SeatMoved.newBuilder()
              .setSeatId(e.seatId())
              .setFromCountry(e.fromCountry())
              .setToCountry(e.toCountry()));
    } else if (event instanceof SessionEvent.SeatRemoved e) {
      out.setSeatRemoved(SeatRemoved.newBuilder().setSeatId(e.seatId()));
    } else if (event instanceof SessionEvent.SeatMuted e) {
      out.setSeatMuted(
          org.entente.proto.protocol.v1.SeatMuted.newBuilder()
              .setSeatId(e.seatId())
              .setMuted(e.muted()));
    } else if (event instanceof SessionEvent.DraftEdited e) {
      if (!speaksFor(viewer, e.draft().country())) {
        return Optional.empty();
      }
      out.setDraftUpdated(
          DraftUpdated.newBuilder().setDraft(Wire.draft(e.draft())).setEditor(e.editor()));
    } else if (event instanceof SessionEvent.ReadinessChanged e) {
      out.setReadinessChanged(
          ReadinessChanged.newBuilder()
              .setCountry(e.country())
              .setTurn(e.turn())
              .setReady(e.ready()));
    } else if (event instanceof SessionEvent.SeatStatusChanged e) {
      if (!speaksFor(viewer, e.country())) {
        return Optional.empty();
      }
      out.setSeatStatus(
          org.entente.proto.protocol.v1.SeatStatus.newBuilder()
              .setSeatId(e.seatId())
              .setCountry(e.country())
              .setConnected(e.connected())
              .setReadyTurn(e.readyTurn())
              .setReason(e.reason()));
    } else if (event instanceof SessionEvent.MessagePosted e) {
      if (!mayRead(e.message(), viewer)) {
        return Optional.empty();
      }
      out.setMessage(Wire.chat(seq, e.message()));
    } else if (event instanceof SessionEvent.PhaseChanged e) {
      out.setPhaseChanged(
          PhaseChanged.newBuilder()
              .setPhase(Wire.phase(e.phase()))
              .setTurn(e.turn())
              .setDeadlineEpochMillis(e.deadlineEpochMillis())
              .setPausedSecondsLeft((int) (e.pausedMillisLeft() / 1000))
              .setReason(e.reason()));
    } else if (event instanceof SessionEvent.TurnResolved e) {
      TurnReport.Builder report = TurnReport.newBuilder().setTurn(e.turn()).setCause(e.cause());
      for (ReportLine line : e.lines()) {
        if (Wire.shows(line, viewer)) {
          report.addLines(lines.apply(line));
        }
      }
      out.setTurnReport(report);
    } else if (event instanceof SessionEvent.BotChanged e) {
      out.setBotChanged(
          BotChanged.newBuilder().setCountry(e.country()).setBot(e.bot()).setReason(e.reason()));
    } else if (event instanceof SessionEvent.NewsPublished e) {
      out.setNews(
          NewsEvent.newBuilder()
              .setTitle(e.event().title())
              .setText(e.event().text())
              .setTurn(e.turn()));
    } else {
      throw new AssertionError("no view for " + event);
    }
    return Optional.of(out.build());
  }

  public static boolean mayRead(ChatMessage message, Viewer viewer) {
    switch (message.channel()) {
      case PUBLIC:
      case ANNOUNCEMENT:
        return true;
      case TEAM:
        return speaksFor(viewer, message.toCountry());
      case PRIVATE:
        return speaksFor(viewer, message.fromCountry()) || speaksFor(viewer, message.toCountry());
      default:
        return viewer.kind() == Viewer.Kind.GAME_MASTER;
    }
  }

  /** True for the game master and for players of {@code country}. */
  static boolean speaksFor(Viewer viewer, String country) {
    return viewer.kind() == Viewer.Kind.GAME_MASTER
        || (viewer.kind() == Viewer.Kind.ACTOR && viewer.actor().equals(country));
  }

  /** What {@code viewer} may see of the game state (see GameStateView in protocol.proto). */
  public static GameStateView game(GameSnapshot g, Viewer viewer) {
    GameStateView.Builder v = GameStateView.newBuilder().setTurn(g.turn()).setDate(g.date());
    for (GameSnapshot.CountryQuantities c : g.countries()) {
      if (speaksFor(viewer, c.country())) {
        v.addCountries(
            CountryQuantities.newBuilder()
                .setCountry(c.country())
                .setSec(c.sec())
                .setDom(c.dom())
                .setStd(c.std())
                .setRf(c.rf())
                .setGrievance(c.grievance()));
      }
    }
    for (GameSnapshot.Trust t : g.trust()) {
      if (speaksFor(viewer, t.from()) || speaksFor(viewer, t.to())) {
        v.addTrust(TrustValue.newBuilder().setFrom(t.from()).setTo(t.to()).setValue(t.value()));
      }
    }
    for (GameSnapshot.OrganisationState o : g.organisations()) {
      OrganisationState.Builder org =
          OrganisationState.newBuilder()
              .setId(o.id())
              .setName(o.name())
              .setCredibility(o.credibility())
              .setCohesion(o.cohesion());
      for (GameSnapshot.Member m : o.members()) {
        org.addMembers(
            MemberState.newBuilder()
                .setActor(m.actor())
                .setStatus(m.status())
                .setNoticeTurnsLeft(m.noticeTurnsLeft()));
      }
      v.addOrganisations(org);
    }
    for (GameSnapshot.TrackValue t : g.tracks()) {
      v.addTracks(TrackValue.newBuilder().setId(t.id()).setName(t.name()).setValue(t.value()));
    }
    for (GameSnapshot.Obligation o : g.obligations()) {
      if (speaksFor(viewer, o.debtor())) {
        v.addObligations(o.text());
      }
    }
    for (GameSnapshot.ObjectiveScore o : g.objectives()) {
      if (speaksFor(viewer, o.country())) {
        ObjectiveScore.Builder score =
            ObjectiveScore.newBuilder()
                .setCountry(o.country())
                .setSummary(o.summary())
                .setPoints(o.points());
        for (GameSnapshot.Criterion c : o.criteria()) {
          score.addCriteria(
              CriterionStatus.newBuilder()
                  .setDescription(c.description())
                  .setPoints(c.points())
                  .setMet(c.met()));
        }
        v.addObjectives(score);
      }
    }
    return v.build();
  }

  static SessionView view(SessionState s, Viewer viewer, GameSnapshot game) {
    SessionView.Builder v =
        SessionView.newBuilder()
            .setSessionId(s.sessionId)
            .setScenarioId(s.scenario.id())
            .setScenarioTitle(s.scenario.title())
            .setPhase(Wire.phase(s.phase))
            .setTurn(s.turn)
            .setTotalTurns(s.totalTurns)
            .setPress(s.press)
            .setDeadlineEpochMillis(s.phase == Phase.RUNNING ? s.deadlineEpochMillis : 0)
            .setPausedSecondsLeft((int) (s.pausedMillisLeft / 1000))
            .setLastSeq(s.lastSeq())
            .setViewerRole(Wire.role(viewer))
            .setViewerCountry(viewer.actor())
            .setGame(game(game, viewer));
    for (ScenarioInfo.CountryInfo c : s.scenario.countries()) {
      Draft draft = s.draft(c.id());
      v.addCountries(
          CountryStatus.newBuilder()
              .setId(c.id())
              .setName(c.name())
              .setPlayable(c.playable())
              .setPlayers((int) s.playersOf(c.id()))
              .setReady(draft != null && draft.ready() || s.bots.contains(c.id()))
              .setBot(s.bots.contains(c.id())));
      if (draft != null && speaksFor(viewer, c.id())) {
        v.addDrafts(Wire.draft(draft));
      }
    }
    for (Seat seat : s.seats()) {
      v.addSeats(
          seatInfo(seat.id, seat.name, seat.role, seat.country, seat.link != null).toBuilder()
              .setMuted(seat.muted)
              .setReady(seat.role == Role.PLAYER && seat.readyTurn == s.turn && s.turn > 0)
              .build());
    }
    return v.build();
  }

  /** The view sent with an entry (create, join, resume): the entering seat is connected, though its link is attached just after. */
  static SessionView connecting(SessionView v, long seatId) {
    SessionView.Builder b = v.toBuilder();
    for (int i = 0; i < b.getSeatsCount(); i++) {
      if (b.getSeats(i).getSeatId() == seatId) {
        b.setSeats(i, b.getSeats(i).toBuilder().setConnected(true));
      }
    }
    return b.build();
  }

  private static SeatInfo seatInfo(
      long id, String name, Role role, String country, boolean connected) {
    return SeatInfo.newBuilder()
        .setSeatId(id)
        .setDisplayName(name)
        .setRole(Wire.role(role))
        .setCountry(country)
        .setConnected(connected)
        .build();
  }
}
