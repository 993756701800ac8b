package org.entente.engine.expr;

import java.util.Set;

final class TestNames {
  private TestNames() {}

  static final Names NAMES =
      Names.of(
          Set.of("ARM", "AZE", "RUS", "FRA", "EU", "USA"),
          Set.of("CSTO", "EUMA"),
          Set.of("TENSION", "CORRIDOR"),
          Set.of("GYUMRI_BASE", "EUMA_MISSION"));

  static final Set<String> ALL_VARIABLES =
      Set.of(
          "self",
          "target",
          "other",
          "org",
          "requester",
          "aggressor",
          "proposer",
          "proposal",
          "lobbyist",
          "option");
}
