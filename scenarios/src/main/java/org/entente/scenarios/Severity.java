package org.entente.scenarios;

import java.util.Locale;

/** How bad a scenario problem is: errors stop a scenario from loading, warnings do not. */
public enum Severity {
  ERROR,
  WARNING;

  /** {@code error} or {@code warning}, as compilers print it. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
