package org.entente.client;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSortedMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.entente.proto.protocol.v1.ChatMessage;
import org.entente.proto.protocol.v1.Event;
import org.entente.proto.protocol.v1.Proposal;
import org.entente.proto.protocol.v1.ReportLine;
import org.entente.proto.protocol.v1.SeatInfo;
import org.entente.proto.protocol.v1.TurnReport;

/**
 * What a seat has heard so far: its inbox of messages, news and offers (and how many were
 * shown), turn reports by turn, and the name of every seat ever seen, so that a removed seat can
 * still be named. The offers to a player's country come from its turn reports: an inbox entry
 * for them is the report's event holding only the lines the server marked {@code
 * PROPOSAL_OFFER}.
 *
 * <p>Immutable: each {@code with...} returns a new log, so a reader never sees a half-applied
 * event. A class hears a few hundred messages in a game; copying on each is cheap enough.
 */
public final class ClientLog {
  static final ClientLog EMPTY =
      new ClientLog(ImmutableList.of(), 0, ImmutableSortedMap.of(), ImmutableMap.of());

  private final ImmutableList<Event> inbox;
  private final int read;
  private final ImmutableSortedMap<Integer, TurnReport> reports;
  private final ImmutableMap<Long, String> seatNames;

  private ClientLog(
      ImmutableList<Event> inbox,
      int read,
      ImmutableSortedMap<Integer, TurnReport> reports,
      ImmutableMap<Long, String> seatNames) {
    this.inbox = inbox;
    this.read = read;
    this.reports = reports;
    this.seatNames = seatNames;
  }

  /** With a message or news event; {@code alreadyShown} for catch-up, which counts as read. */
  ClientLog withInboxEvent(Event e, boolean alreadyShown) {
    ImmutableList<Event> next =
        ImmutableList.<Event>builderWithExpectedSize(inbox.size() + 1).addAll(inbox).add(e).build();
    return new ClientLog(next, alreadyShown ? next.size() : read, reports, seatNames);
  }

  /**
   * With the offers of a turn report event to this seat's country, if it has any, as one inbox
   * entry; {@code alreadyShown} for catch-up.
   */
  ClientLog withOffers(Event report, boolean alreadyShown) {
    List<ReportLine> offers =
        report.getTurnReport().getLinesList().stream()
            .filter(l -> l.getProposal() == Proposal.PROPOSAL_OFFER)
            .toList();
    if (offers.isEmpty()) {
      return this;
    }
    Event entry =
        report.toBuilder()
            .setTurnReport(report.getTurnReport().toBuilder().clearLines().addAllLines(offers))
            .build();
    return withInboxEvent(entry, alreadyShown);
  }

  ClientLog withReport(TurnReport r) {
    Map<Integer, TurnReport> next = new TreeMap<>(reports);
    next.put(r.getTurn(), r);
    return new ClientLog(inbox, read, ImmutableSortedMap.copyOf(next), seatNames);
  }

  ClientLog withSeats(Iterable<SeatInfo> seats) {
    Map<Long, String> next = null;
    for (SeatInfo s : seats) {
      if (!s.getDisplayName().equals(seatNames.get(s.getSeatId()))) {
        if (next == null) {
          next = new HashMap<>(seatNames);
        }
        next.put(s.getSeatId(), s.getDisplayName());
      }
    }
    return next == null ? this : new ClientLog(inbox, read, reports, ImmutableMap.copyOf(next));
  }

  /** Every message shown. */
  ClientLog allRead() {
    return read == inbox.size() ? this : new ClientLog(inbox, inbox.size(), reports, seatNames);
  }

  /** Every message, news event and turn report's offers received, oldest first. */
  public ImmutableList<Event> inbox() {
    return inbox;
  }

  /** Messages, news and offers not yet shown, oldest first. */
  public ImmutableList<Event> unread() {
    return inbox.subList(read, inbox.size());
  }

  public int unreadCount() {
    return inbox.size() - read;
  }

  /** The number of chat messages (not news) received. */
  public int messageCount() {
    return (int) inbox.stream().filter(Event::hasMessage).count();
  }

  public ImmutableList<ChatMessage> messages() {
    return inbox.stream()
        .filter(Event::hasMessage)
        .map(Event::getMessage)
        .collect(ImmutableList.toImmutableList());
  }

  /** Turn reports by turn, in turn order. */
  public ImmutableSortedMap<Integer, TurnReport> reports() {
    return reports;
  }

  /** The display name of a seat, present or removed; "seat N" if never seen. */
  public String seatName(long seatId) {
    return seatNames.getOrDefault(seatId, "seat " + seatId);
  }
}
