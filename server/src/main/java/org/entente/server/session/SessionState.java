package org.entente.server.session;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.entente.proto.scenario.v1.Press;
import org.entente.server.rules.ScenarioInfo;

/**
 * A session's state, changed only by {@link #apply}. Confined to the session's thread.
 * Per-session memory is the seats, one small draft per country and a few counters: the events
 * themselves are the {@link History}'s, which keeps few of them in memory.
 */
final class SessionState {
  final String sessionId;
  final String joinCode;
  final ScenarioInfo scenario;
  final int totalTurns;
  final Press press;
  final DeadlinePolicy deadlinePolicy;
  final long seed;

  Phase phase = Phase.WAITING;
  int turn = 0;
  long deadlineEpochMillis;
  long pausedMillisLeft;

  /** The seq of the newest event applied. */
  private long lastSeq;

  private final Map<Long, Seat> seats = new LinkedHashMap<>();
  private final Map<String, Draft> drafts = new LinkedHashMap<>();

  /**
   * What each author did, for students.csv: key {@link #authorKey}, value orders added to a
   * draft, orders sealed, first and last turn with an added order. Follows from the events.
   */
  private final Map<String, int[]> authorship = new LinkedHashMap<>();

  /** Playable countries a bot plays (none of them has players). */
  final Set<String> bots = new java.util.TreeSet<>();

  private long nextSeatId = 1;

  /** When the last connection left (or the session was made or restored): how long it has had nobody. */
  long nobodySinceMillis;

  private long nextOrderId = 1;

  /** Chat messages posted so far (the messages are in the history, not here). */
  long messagesPosted;

  /** Responses to keyed create/join/spectate requests, by key: the seat they made and the response. */
  final Map<Long, EntryOutcome> entryOutcomes = new LinkedHashMap<>();

  /**
   * {@code response}: the ServerMessage encoded (a few times smaller than parsed; it is parsed
   * only for a retry); {@code secretSha256}: the hash of the idempotency secret a retry must
   * carry.
   */
  record EntryOutcome(
      long seatId,
      com.google.protobuf.ByteString response,
      com.google.protobuf.ByteString secretSha256) {}

  SessionState(
      String sessionId,
      String joinCode,
      ScenarioInfo scenario,
      int totalTurns,
      Press press,
      DeadlinePolicy deadlinePolicy,
      long seed) {
    this.sessionId = sessionId;
    this.joinCode = joinCode;
    this.scenario = scenario;
    this.totalTurns = totalTurns;
    this.press = press;
    this.deadlinePolicy = deadlinePolicy;
    this.seed = seed;
    for (String country : scenario.playableCountryIds()) {
      drafts.put(country, Draft.empty(country, 0));
    }
  }

  /** Orders added, orders sealed, first and last turn with an added order, of one author of a country (zeros if none). */
  int[] authorship(String country, String author) {
    return authorship.getOrDefault(authorKey(country, author), new int[4]).clone();
  }

  /** One author's counts as {@link #authorship} gives them, for snapshots. */
  record Authorship(String country, String author, int[] counts) {}

  /** Every author's counts, in the order they first authored, for snapshots. */
  List<Authorship> authorships() {
    List<Authorship> all = new ArrayList<>();
    authorship.forEach(
        (key, counts) -> {
          int split = key.indexOf('\u0000');
          all.add(
              new Authorship(key.substring(0, split), key.substring(split + 1), counts.clone()));
        });
    return all;
  }

  private static String authorKey(String country, String author) {
    return country + "\u0000" + author;
  }

  /** The ids the next seat and the next order will get, for snapshots. */
  long peekNextSeatId() {
    return nextSeatId;
  }

  long peekNextOrderId() {
    return nextOrderId;
  }

  /**
   * Puts back what a snapshot kept, into a state that has applied nothing yet: the fields
   * {@link #apply} would have set from the events up to the snapshot's. Recovery only.
   */
  void restore(
      long restoredLastSeq,
      Collection<Seat> restoredSeats,
      Collection<Draft> restoredDrafts,
      Collection<Authorship> restoredAuthorship,
      long restoredNextSeatId,
      long restoredNextOrderId) {
    restoredSeats.forEach(seat -> seats.put(seat.id, seat));
    restoredDrafts.forEach(draft -> drafts.put(draft.country(), draft));
    restoredAuthorship.forEach(
        a -> authorship.put(authorKey(a.country(), a.author()), a.counts().clone()));
    nextSeatId = restoredNextSeatId;
    nextOrderId = restoredNextOrderId;
    lastSeq = restoredLastSeq;
  }

  long lastSeq() {
    return lastSeq;
  }

  /** Every country and author name that added an order, first seen first, seated or not. */
  List<Map.Entry<String, String>> authors() {
    return authorship.keySet().stream()
        .map(
            k ->
                Map.entry(
                    k.substring(0, k.indexOf('\u0000')), k.substring(k.indexOf('\u0000') + 1)))
        .toList();
  }

  long newSeatId() {
    return nextSeatId++;
  }

  long newOrderId() {
    return nextOrderId++;
  }

  Collection<Seat> seats() {
    return seats.values();
  }

  Optional<Seat> seat(long id) {
    return Optional.ofNullable(seats.get(id));
  }

  Draft draft(String country) {
    return drafts.get(country);
  }

  Collection<Draft> drafts() {
    return drafts.values();
  }

  long playersOf(String country) {
    return seats.values().stream()
        .filter(s -> s.role == Role.PLAYER && s.country.equals(country))
        .count();
  }

  /**
   * Whether {@code country}'s team is ready: every connected member said ready for the open turn
   * (a member who dropped does not hold the team back), and at least one did.
   */
  boolean teamReady(String country) {
    List<Seat> connected =
        seats.values().stream()
            .filter(s -> s.role == Role.PLAYER && s.country.equals(country) && s.link != null)
            .toList();
    return !connected.isEmpty() && connected.stream().allMatch(s -> s.readyTurn == turn);
  }

  /** Countries that have players: the ones whose readiness a turn waits for. */
  ImmutableList<String> staffedCountries() {
    return drafts.keySet().stream()
        .filter(c -> playersOf(c) > 0)
        .collect(ImmutableList.toImmutableList());
  }

  /**
   * Applies one accepted event; returns its seq. Everything a session must
   * remember follows from its events in order (ids included), so replaying a journal of
   * them through this method rebuilds the state; the rules' state follows from the same
   * events (TurnResolved carries its seed, the drafts hold the sealed orders, NewsPublished
   * the inject's effects).
   */
  long apply(SessionEvent event) {
    long seq = ++lastSeq;
    if (event instanceof SessionEvent.SeatJoined e) {
      nextSeatId = Math.max(nextSeatId, e.seatId() + 1);
      seats.put(e.seatId(), new Seat(e.seatId(), e.token(), e.name(), e.role(), e.country()));
    } else if (event instanceof SessionEvent.SeatMoved e) {
      seats.get(e.seatId()).country = e.toCountry();
    } else if (event instanceof SessionEvent.SeatRemoved e) {
      seats.remove(e.seatId());
    } else if (event instanceof SessionEvent.SeatMuted e) {
      seats.get(e.seatId()).muted = e.muted();
    } else if (event instanceof SessionEvent.DraftEdited e) {
      Draft before = drafts.get(e.draft().country());
      Set<Long> known = new java.util.HashSet<>();
      if (before != null) {
        before.orders().forEach(o -> known.add(o.id()));
      }
      for (DraftOrder o : e.draft().orders()) {
        if (!known.contains(o.id())) {
          int[] counts =
              authorship.computeIfAbsent(
                  authorKey(e.draft().country(), o.author()), k -> new int[4]);
          counts[0]++;
          counts[2] = counts[2] == 0 ? e.draft().turn() : Math.min(counts[2], e.draft().turn());
          counts[3] = Math.max(counts[3], e.draft().turn());
        }
      }
      drafts.put(e.draft().country(), e.draft());
      e.draft().orders().forEach(o -> nextOrderId = Math.max(nextOrderId, o.id() + 1));
    } else if (event instanceof SessionEvent.ReadinessChanged e) {
      drafts.put(e.country(), drafts.get(e.country()).withReady(e.ready()));
    } else if (event instanceof SessionEvent.SeatStatusChanged e) {
      // The connection itself is the link's (not journalled); readiness is the seat's.
      Seat seat = seats.get(e.seatId());
      if (seat != null) {
        seat.readyTurn = e.readyTurn();
      }
    } else if (event instanceof SessionEvent.MessagePosted) {
      messagesPosted++;
    } else if (event instanceof SessionEvent.PhaseChanged e) {
      phase = e.phase();
      deadlineEpochMillis = e.deadlineEpochMillis();
      pausedMillisLeft = e.pausedMillisLeft();
      if (e.turn() != turn) {
        turn = e.turn();
        drafts.replaceAll((country, draft) -> Draft.empty(country, turn));
      }
    } else if (event instanceof SessionEvent.BotChanged e) {
      if (e.bot()) {
        bots.add(e.country());
      } else {
        bots.remove(e.country());
      }
    } else if (event instanceof SessionEvent.TurnResolved) {
      // The drafts still hold the orders just sealed.
      for (Draft d : drafts.values()) {
        d.orders()
            .forEach(
                o ->
                    authorship
                        .computeIfAbsent(authorKey(d.country(), o.author()), k -> new int[4])[1]++);
      }
    } else if (event instanceof SessionEvent.NewsPublished) {
      // Recorded for the views; the rules hold the game state itself.
    }
    return seq;
  }
}
