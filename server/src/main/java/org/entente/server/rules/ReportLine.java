package org.entente.server.rules;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableSet;

/**
 * One sentence of a turn report and who may read it: everyone, some actors (and the game
 * master), or the game master only.
 */
public record ReportLine(String text, Visibility visibility, ImmutableSet<String> actors) {

  public enum Visibility {
    PUBLIC,
    ACTORS,
    GAME_MASTER
  }

  public ReportLine {
    checkNotNull(text);
    checkNotNull(visibility);
    checkNotNull(actors);
    checkArgument(visibility != Visibility.ACTORS || !actors.isEmpty(), "ACTORS lines name their actors");
  }

  public static ReportLine publicLine(String text) {
    return new ReportLine(text, Visibility.PUBLIC, ImmutableSet.of());
  }

  public static ReportLine forActors(String text, String... actors) {
    return new ReportLine(text, Visibility.ACTORS, ImmutableSet.copyOf(actors));
  }

  public static ReportLine gameMasterOnly(String text) {
    return new ReportLine(text, Visibility.GAME_MASTER, ImmutableSet.of());
  }
}
