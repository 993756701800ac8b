package org.entente.engine.model;

import com.google.common.collect.ImmutableMap;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.entente.engine.expr.Names;

/**
 * A validated scenario: the static data of a game, built once and shared by every session
 * that plays it. Actors, organisations, tracks and presences are kept in file order, which is
 * also the index order the game state uses.
 */
public final class Scenario {
  private final Metadata metadata;
  private final List<Actor> actors;
  private final List<Organisation> organisations;
  private final List<Relation> relations;
  private final List<Partnership> partnerships;
  private final List<Track> tracks;
  private final List<Presence> presences;
  private final Map<OrderKind, OrderRule> orderRules;
  private final Mechanics mechanics;
  private final List<ScheduledEvent> events;
  private final List<Objective> objectives;
  private final List<HistoricalNote> notes;
  private final ImmutableMap<String, Integer> actorIndex;
  private final ImmutableMap<String, Integer> orgIndex;
  private final ImmutableMap<String, Integer> trackIndex;
  private final ImmutableMap<String, Integer> presenceIndex;
  private final Names names;

  /** Starting trust, [from * n + to]: the value trust drifts back toward. */
  private final int[] startTrust;

  public Scenario(
      Metadata metadata,
      List<Actor> actors,
      List<Organisation> organisations,
      List<Relation> relations,
      List<Partnership> partnerships,
      List<Track> tracks,
      List<Presence> presences,
      Map<OrderKind, OrderRule> orderRules,
      Mechanics mechanics,
      List<ScheduledEvent> events,
      List<Objective> objectives,
      List<HistoricalNote> notes) {
    this.metadata = metadata;
    this.actors = List.copyOf(actors);
    this.organisations = List.copyOf(organisations);
    this.relations = List.copyOf(relations);
    this.partnerships = List.copyOf(partnerships);
    this.tracks = List.copyOf(tracks);
    this.presences = List.copyOf(presences);
    EnumMap<OrderKind, OrderRule> rules = new EnumMap<>(OrderKind.class);
    for (OrderKind kind : OrderKind.values()) {
      rules.put(kind, orderRules.getOrDefault(kind, OrderRule.defaultFor(kind)));
    }
    this.orderRules = java.util.Collections.unmodifiableMap(rules);
    this.mechanics = mechanics;
    this.events = List.copyOf(events);
    this.objectives = List.copyOf(objectives);
    this.notes = List.copyOf(notes);
    this.actorIndex = index(this.actors.stream().map(Actor::id).toList());
    this.orgIndex = index(this.organisations.stream().map(Organisation::id).toList());
    this.trackIndex = index(this.tracks.stream().map(Track::id).toList());
    this.presenceIndex = index(this.presences.stream().map(Presence::id).toList());
    this.names =
        Names.of(
            actorIndex.keySet(), orgIndex.keySet(), trackIndex.keySet(), presenceIndex.keySet());
    int n = this.actors.size();
    this.startTrust = new int[n * n];
    for (Relation r : this.relations) {
      startTrust[actorIndex(r.from()) * n + actorIndex(r.to())] = r.trust();
    }
  }

  /** Starting trust of actor index {@code from} toward actor index {@code to}. */
  public int startTrust(int from, int to) {
    return startTrust[from * actors.size() + to];
  }

  private static ImmutableMap<String, Integer> index(List<String> ids) {
    ImmutableMap.Builder<String, Integer> b = ImmutableMap.builder();
    for (int i = 0; i < ids.size(); i++) {
      b.put(ids.get(i), i);
    }
    return b.buildOrThrow();
  }

  public Metadata metadata() {
    return metadata;
  }

  public List<Actor> actors() {
    return actors;
  }

  public List<Organisation> organisations() {
    return organisations;
  }

  public List<Relation> relations() {
    return relations;
  }

  public List<Partnership> partnerships() {
    return partnerships;
  }

  public List<Track> tracks() {
    return tracks;
  }

  public List<Presence> presences() {
    return presences;
  }

  public Map<OrderKind, OrderRule> orderRules() {
    return orderRules;
  }

  public OrderRule rule(OrderKind kind) {
    return orderRules.get(kind);
  }

  public Mechanics mechanics() {
    return mechanics;
  }

  public List<ScheduledEvent> events() {
    return events;
  }

  public List<Objective> objectives() {
    return objectives;
  }

  public List<HistoricalNote> notes() {
    return notes;
  }

  /** The ids the expression language knows, for compiling expressions against this scenario. */
  public Names names() {
    return names;
  }

  public int actorCount() {
    return actors.size();
  }

  public int organisationCount() {
    return organisations.size();
  }

  /** Index of an actor id, or -1. */
  public int actorIndex(String id) {
    Integer i = actorIndex.get(id);
    return i == null ? -1 : i;
  }

  public int organisationIndex(String id) {
    Integer i = orgIndex.get(id);
    return i == null ? -1 : i;
  }

  public int trackIndex(String id) {
    Integer i = trackIndex.get(id);
    return i == null ? -1 : i;
  }

  public int presenceIndex(String id) {
    Integer i = presenceIndex.get(id);
    return i == null ? -1 : i;
  }

  public Optional<Actor> actor(String id) {
    int i = actorIndex(id);
    return i < 0 ? Optional.empty() : Optional.of(actors.get(i));
  }

  public Optional<Organisation> organisation(String id) {
    int i = organisationIndex(id);
    return i < 0 ? Optional.empty() : Optional.of(organisations.get(i));
  }

  public Optional<Presence> presence(String id) {
    int i = presenceIndex(id);
    return i < 0 ? Optional.empty() : Optional.of(presences.get(i));
  }

  public Optional<Objective> objectiveOf(String actorId) {
    return objectives.stream().filter(o -> o.actor().equals(actorId)).findFirst();
  }

  /** Display name of an actor or organisation id, or the id itself. */
  public String nameOf(String id) {
    int a = actorIndex(id);
    if (a >= 0) {
      return actors.get(a).name();
    }
    int o = organisationIndex(id);
    return o >= 0 ? organisations.get(o).name() : id;
  }

  /** The playable actors, in file order. */
  public List<Actor> playableActors() {
    return actors.stream().filter(Actor::playable).toList();
  }
}
