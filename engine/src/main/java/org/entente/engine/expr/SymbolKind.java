package org.entente.engine.expr;

/** What a symbol-valued expression names; FREE symbols compare with anything. */
enum SymbolKind {
  ACTOR("an actor"),
  ORGANISATION("an organisation"),
  STATUS("a status"),
  FREE("a symbol");

  final String description;

  SymbolKind(String description) {
    this.description = description;
  }
}
