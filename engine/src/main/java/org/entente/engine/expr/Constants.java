package org.entente.engine.expr;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;

/** The fixed constant names of the language. Iteration order is the documented order. */
final class Constants {
  private Constants() {}

  static final ImmutableList<String> STATUSES =
      ImmutableList.of(
          "ACTIVE", "FROZEN", "NOTICE", "WITHDRAWN", "SUSPENDED", "EXPELLED", "APPLICANT", "NONE");

  static final ImmutableMap<String, Integer> LEVELS =
      ImmutableMap.of("INCIDENT", 1, "INCURSION", 2, "OFFENSIVE", 3);

  static final ImmutableList<String> PEACE_STEPS =
      ImmutableList.of(
          "DELIMIT_BORDER",
          "CONSTITUTION_PLEDGE",
          "DROP_CLAIMS",
          "NO_THIRD_PARTY_FORCES",
          "UNBLOCK_TRANSPORT",
          "SIGN");

  static final ImmutableMap<String, Integer> PARTNERSHIPS =
      ImmutableMap.of(
          "PARTNERSHIP_NONE",
          0,
          "DIALOGUE",
          1,
          "STRATEGIC_PARTNERSHIP",
          2,
          "DEFENCE_COOPERATION",
          3,
          "MUTUAL_DEFENCE",
          4);
}
