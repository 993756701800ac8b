package org.entente.server.session;

import java.util.List;
import org.entente.proto.protocol.v1.ErrorCode;

/** A request refused with a typed code and a message for people; becomes an Error response. */
public final class RequestException extends Exception {
  private static final long serialVersionUID = 1L;
  private final ErrorCode code;
  private final List<String> problems;

  public RequestException(ErrorCode code, String message) {
    this(code, message, List.of());
  }

  public RequestException(ErrorCode code, String message, List<String> problems) {
    super(message, null, false, false);
    this.code = code;
    this.problems = List.copyOf(problems);
  }

  public ErrorCode code() {
    return code;
  }

  public List<String> problems() {
    return problems;
  }
}
