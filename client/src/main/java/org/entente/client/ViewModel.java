package org.entente.client;

import org.entente.proto.protocol.v1.CountryStatus;
import org.entente.proto.protocol.v1.Draft;
import org.entente.proto.protocol.v1.Event;
import org.entente.proto.protocol.v1.PhaseChanged;
import org.entente.proto.protocol.v1.SeatInfo;
import org.entente.proto.protocol.v1.SessionView;

/** Keeps a {@link SessionView} current between fetches by applying the server's events to it. */
public final class ViewModel {
  private ViewModel() {}

  public static SessionView apply(SessionView v, Event e) {
    SessionView.Builder b = v.toBuilder().setLastSeq(Math.max(v.getLastSeq(), e.getSeq()));
    switch (e.getKindCase()) {
      case SEATS_CHANGED:
        // The event carries the seats that joined (or came back): upsert them by id.
        for (SeatInfo joined : e.getSeatsChanged().getSeatsList()) {
          boolean found = false;
          for (int i = 0; i < b.getSeatsCount(); i++) {
            if (b.getSeats(i).getSeatId() == joined.getSeatId()) {
              b.setSeats(i, joined);
              found = true;
            }
          }
          if (!found) {
            b.addSeats(joined);
          }
        }
        recount(b);
        break;
      case SEAT_MOVED:
        for (int i = 0; i < b.getSeatsCount(); i++) {
          if (b.getSeats(i).getSeatId() == e.getSeatMoved().getSeatId()) {
            b.setSeats(i, b.getSeats(i).toBuilder().setCountry(e.getSeatMoved().getToCountry()));
          }
        }
        recount(b);
        break;
      case SEAT_MUTED:
        for (int i = 0; i < b.getSeatsCount(); i++) {
          if (b.getSeats(i).getSeatId() == e.getSeatMuted().getSeatId()) {
            b.setSeats(i, b.getSeats(i).toBuilder().setMuted(e.getSeatMuted().getMuted()));
          }
        }
        break;
      case SEAT_REMOVED:
        for (int i = b.getSeatsCount() - 1; i >= 0; i--) {
          if (b.getSeats(i).getSeatId() == e.getSeatRemoved().getSeatId()) {
            b.removeSeats(i);
          }
        }
        recount(b);
        break;
      case DRAFT_UPDATED:
        return withDraft(b.build(), e.getDraftUpdated().getDraft());
      case BOT_CHANGED:
        for (int i = 0; i < b.getCountriesCount(); i++) {
          if (b.getCountries(i).getId().equals(e.getBotChanged().getCountry())) {
            b.setCountries(i, b.getCountries(i).toBuilder().setBot(e.getBotChanged().getBot()));
          }
        }
        break;
      case SEAT_STATUS:
        for (int i = 0; i < b.getSeatsCount(); i++) {
          if (b.getSeats(i).getSeatId() == e.getSeatStatus().getSeatId()) {
            b.setSeats(
                i,
                b.getSeats(i).toBuilder()
                    .setConnected(e.getSeatStatus().getConnected())
                    .setReady(
                        e.getSeatStatus().getReadyTurn() != 0
                            && e.getSeatStatus().getReadyTurn() == v.getTurn()));
          }
        }
        break;
      case READINESS_CHANGED:
        if (e.getReadinessChanged().getTurn() == v.getTurn()) {
          for (int i = 0; i < b.getCountriesCount(); i++) {
            if (b.getCountries(i).getId().equals(e.getReadinessChanged().getCountry())) {
              b.setCountries(
                  i, b.getCountries(i).toBuilder().setReady(e.getReadinessChanged().getReady()));
            }
          }
        }
        break;
      case PHASE_CHANGED:
        {
          PhaseChanged p = e.getPhaseChanged();
          if (p.getTurn() != v.getTurn()) {
            b.clearDrafts();
            for (int i = 0; i < b.getCountriesCount(); i++) {
              b.setCountries(i, b.getCountries(i).toBuilder().setReady(false));
            }
            for (int i = 0; i < b.getSeatsCount(); i++) {
              b.setSeats(i, b.getSeats(i).toBuilder().setReady(false));
            }
          }
          b.setPhase(p.getPhase())
              .setTurn(p.getTurn())
              .setDeadlineEpochMillis(p.getDeadlineEpochMillis())
              .setPausedSecondsLeft(p.getPausedSecondsLeft());
          break;
        }
      default:
        break;
    }
    return b.build();
  }

  /** The view with {@code draft} in place of the same country's draft. */
  public static SessionView withDraft(SessionView v, Draft draft) {
    if (v == null) {
      return null;
    }
    SessionView.Builder b = v.toBuilder();
    for (int i = 0; i < b.getDraftsCount(); i++) {
      if (b.getDrafts(i).getCountry().equals(draft.getCountry())) {
        b.setDrafts(i, draft);
        return b.build();
      }
    }
    return b.addDrafts(draft).build();
  }

  private static void recount(SessionView.Builder b) {
    for (int i = 0; i < b.getCountriesCount(); i++) {
      CountryStatus c = b.getCountries(i);
      long players =
          b.getSeatsList().stream()
              .filter(
                  s ->
                      s.getRole() == org.entente.proto.protocol.v1.Role.PLAYER
                          && s.getCountry().equals(c.getId()))
              .count();
      b.setCountries(i, c.toBuilder().setPlayers((int) players));
    }
  }

  /** The viewer's own draft, if the view has it. */
  public static Draft ownDraft(SessionView v) {
    for (Draft d : v.getDraftsList()) {
      if (d.getCountry().equals(v.getViewerCountry())) {
        return d;
      }
    }
    return Draft.newBuilder().setCountry(v.getViewerCountry()).setTurn(v.getTurn()).build();
  }

  public static String nameOf(SessionView v, String countryId) {
    for (CountryStatus c : v.getCountriesList()) {
      if (c.getId().equals(countryId)) {
        return c.getName();
      }
    }
    return countryId;
  }

  public static String seatName(SessionView v, long seatId) {
    for (SeatInfo s : v.getSeatsList()) {
      if (s.getSeatId() == seatId) {
        return s.getDisplayName();
      }
    }
    return "seat " + seatId;
  }
}
