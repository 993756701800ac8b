package org.entente.engine.report;

import com.google.common.collect.ImmutableSortedSet;
import java.util.Collection;

/** Who may see a report line: everyone, some actors (and the game master), or the game master only. */
public record Visibility(Scope scope, ImmutableSortedSet<String> actors) {
  /** The three scopes. */
  public enum Scope {
    PUBLIC,
    ACTORS,
    GAME_MASTER
  }

  public static final Visibility PUBLIC = new Visibility(Scope.PUBLIC, ImmutableSortedSet.of());
  public static final Visibility GAME_MASTER =
      new Visibility(Scope.GAME_MASTER, ImmutableSortedSet.of());

  public static Visibility actors(String... ids) {
    return new Visibility(Scope.ACTORS, ImmutableSortedSet.copyOf(ids));
  }

  public static Visibility actors(Collection<String> ids) {
    return new Visibility(Scope.ACTORS, ImmutableSortedSet.copyOf(ids));
  }

  /** Whether the viewer may see a line with this visibility. */
  public boolean visibleTo(Viewer viewer) {
    switch (viewer.kind()) {
      case GAME_MASTER:
        return true;
      case PUBLIC:
        return scope == Scope.PUBLIC;
      case ACTOR:
        return scope == Scope.PUBLIC || (scope == Scope.ACTORS && actors.contains(viewer.actor()));
      default:
        throw new AssertionError(viewer.kind());
    }
  }
}
