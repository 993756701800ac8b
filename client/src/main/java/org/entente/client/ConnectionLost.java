package org.entente.client;

/** The connection closed before a response came: the request may or may not have been applied. */
final class ConnectionLost extends Exception {
  private static final long serialVersionUID = 1L;

  ConnectionLost(Throwable cause) {
    super(cause);
  }
}
