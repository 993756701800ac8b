package org.entente.engine.expr;

import com.google.common.collect.ImmutableSet;
import com.google.common.collect.ImmutableSortedSet;
import java.util.Set;

/**
 * The ids a scenario declares, known when expressions are compiled. Actor and organisation ids
 * share one namespace; tracks and presences each have their own.
 *
 * <p>The {@code *Ids()} methods only feed "did you mean" suggestions and lists of valid names in
 * error messages; an implementation that cannot enumerate its ids may leave them empty.
 */
public interface Names {
  boolean isActor(String id);

  boolean isOrganisation(String id);

  boolean isTrack(String id);

  boolean isPresence(String id);

  default Set<String> actorIds() {
    return ImmutableSet.of();
  }

  default Set<String> organisationIds() {
    return ImmutableSet.of();
  }

  default Set<String> trackIds() {
    return ImmutableSet.of();
  }

  default Set<String> presenceIds() {
    return ImmutableSet.of();
  }

  /** Names backed by copies of the given sets; enumeration is in sorted order. */
  static Names of(
      Set<String> actors, Set<String> organisations, Set<String> tracks, Set<String> presences) {
    ImmutableSortedSet<String> a = ImmutableSortedSet.copyOf(actors);
    ImmutableSortedSet<String> o = ImmutableSortedSet.copyOf(organisations);
    ImmutableSortedSet<String> t = ImmutableSortedSet.copyOf(tracks);
    ImmutableSortedSet<String> p = ImmutableSortedSet.copyOf(presences);
    return new Names() {
      @Override
      public boolean isActor(String id) {
        return a.contains(id);
      }

      @Override
      public boolean isOrganisation(String id) {
        return o.contains(id);
      }

      @Override
      public boolean isTrack(String id) {
        return t.contains(id);
      }

      @Override
      public boolean isPresence(String id) {
        return p.contains(id);
      }

      @Override
      public Set<String> actorIds() {
        return a;
      }

      @Override
      public Set<String> organisationIds() {
        return o;
      }

      @Override
      public Set<String> trackIds() {
        return t;
      }

      @Override
      public Set<String> presenceIds() {
        return p;
      }
    };
  }
}
