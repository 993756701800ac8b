package org.entente.scenarios;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

/**
 * One problem found in a scenario file, at a 1-based line and column.
 *
 * <p>{@link #toString()} follows the compiler convention, {@code FILE:LINE:COL: error: CODE:
 * message}, so editors and CI logs can jump to it.
 */
public record Problem(
    String file, int line, int column, Severity severity, String code, String message) {
  public Problem {
    checkNotNull(file);
    checkArgument(line >= 1 && column >= 1, "line and column are 1-based: %s:%s", line, column);
    checkNotNull(severity);
    checkNotNull(code);
    checkNotNull(message);
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  @Override
  public String toString() {
    return file
        + ":"
        + line
        + ":"
        + column
        + ": "
        + severity.label()
        + ": "
        + code
        + ": "
        + message;
  }
}
