package org.entente.engine.expr;

import java.util.Locale;

/** The context variables a {@link Bindings} can hold, and what kind of symbol each names. */
enum Variable {
  SELF(SymbolKind.ACTOR),
  TARGET(SymbolKind.ACTOR),
  OTHER(SymbolKind.ACTOR),
  ORG(SymbolKind.ORGANISATION),
  REQUESTER(SymbolKind.ACTOR),
  AGGRESSOR(SymbolKind.ACTOR),
  PROPOSER(SymbolKind.ACTOR),
  PROPOSAL(SymbolKind.FREE),
  LOBBYIST(SymbolKind.ACTOR),
  OPTION(SymbolKind.FREE);

  private static final Variable[] ALL = values();

  final SymbolKind kind;
  final String text;

  Variable(SymbolKind kind) {
    this.kind = kind;
    this.text = name().toLowerCase(Locale.ROOT);
  }

  /** The variable spelled {@code name}, or null. */
  static Variable byName(String name) {
    for (Variable v : ALL) {
      if (v.text.equals(name)) {
        return v;
      }
    }
    return null;
  }
}
