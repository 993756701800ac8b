package org.entente.engine.report;

import java.util.Objects;

/**
 * Who is looking: the public (spectators), one actor (a country's team), or the game master.
 * Every view of a report is computed for a viewer; nothing else decides what a viewer sees.
 */
public record Viewer(Kind kind, String actor) {
  /** The three kinds of viewer. */
  public enum Kind {
    PUBLIC,
    ACTOR,
    GAME_MASTER
  }

  public static final Viewer PUBLIC = new Viewer(Kind.PUBLIC, "");
  public static final Viewer GAME_MASTER = new Viewer(Kind.GAME_MASTER, "");

  public Viewer {
    Objects.requireNonNull(kind);
    actor = Objects.requireNonNullElse(actor, "");
    if ((kind == Kind.ACTOR) == actor.isEmpty()) {
      throw new IllegalArgumentException("an ACTOR viewer names exactly one actor");
    }
  }

  public static Viewer actor(String id) {
    return new Viewer(Kind.ACTOR, id);
  }

  /** Parses {@code PUBLIC}, {@code GM} or an actor id. */
  public static Viewer parse(String s) {
    if (s.equalsIgnoreCase("PUBLIC")) {
      return PUBLIC;
    }
    if (s.equalsIgnoreCase("GM") || s.equalsIgnoreCase("GAME_MASTER")) {
      return GAME_MASTER;
    }
    return actor(s);
  }

  @Override
  public String toString() {
    return kind == Kind.ACTOR ? actor : kind == Kind.PUBLIC ? "PUBLIC" : "GM";
  }
}
