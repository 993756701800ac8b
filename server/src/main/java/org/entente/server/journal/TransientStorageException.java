package org.entente.server.journal;

import java.io.IOException;

/**
 * A journal command failed before it touched anything already acknowledged: a file could not
 * be opened (for instance "Too many open files"), or a snapshot could not be written while the
 * journal it would replace still holds everything. Only that command failed; the session's
 * journal goes on, and the command may be tried again.
 */
public final class TransientStorageException extends IOException {
  private static final long serialVersionUID = 1L;

  TransientStorageException(String message, IOException cause) {
    super(message, cause);
  }
}
