package org.entente.server.journal;

import java.io.IOException;

/** A journal or snapshot is damaged before its last record: the server refuses to start. */
public final class CorruptJournalException extends IOException {
  private static final long serialVersionUID = 1L;
  private final String file;
  private final long offset;

  public CorruptJournalException(String file, long offset, String problem) {
    super(
        "corrupt record in "
            + file
            + " at offset "
            + offset
            + ": "
            + problem
            + "; refusing to start (restore the file from a backup or move the session's directory away)");
    this.file = file;
    this.offset = offset;
  }

  public String file() {
    return file;
  }

  public long offset() {
    return offset;
  }
}
