package org.entente.server.rules;

import com.google.common.collect.ImmutableList;
import java.util.Optional;

/**
 * Where sessions get their rules: built-in scenarios by id, or a scenario file sent over
 * the protocol and validated by the scenario validator.
 */
public interface ScenarioCatalog {

  ImmutableList<ScenarioInfo> builtIns();

  /** Loads a built-in scenario, or empty if no scenario has this id. */
  Optional<Loaded> loadBuiltIn(String id);

  /** Loads a scenario file: the rules, or every problem the validator found. */
  Loaded loadFile(String fileName, String text);

  /** A loaded scenario, ready to start sessions; or the problems that prevent it. */
  interface Loaded {
    /** Problems as {@code FILE:LINE:COL: error: CODE: message}; empty when the scenario loaded. */
    ImmutableList<String> problems();

    ScenarioInfo info();

    /** Fresh rules at the scenario's initial state, for one new session. */
    SessionRules newSession();
  }
}
