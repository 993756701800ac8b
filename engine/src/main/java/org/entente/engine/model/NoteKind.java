package org.entente.engine.model;

/** What a historical note records. */
public enum NoteKind {
  /** History before the start. */
  HISTORY,
  /** State at the start. */
  STATE,
  /** Where the source article and the record differ. */
  CORRECTION,
  /** What really happened after the start, for the debrief. */
  AFTERWARDS
}
