package org.entente.client;

import java.io.IOException;
import java.util.Optional;

/**
 * A TLS server presented a certificate the client does not trust: no certificate authority
 * vouches for it and no fingerprint is pinned for the server ({@link #expected} empty: the user
 * may compare {@link #presented} with the one the server printed and pin it), or it differs
 * from the pinned one ({@link #expected} present: refuse, someone may be in the middle).
 */
public final class UntrustedServerException extends IOException {
  private static final long serialVersionUID = 1L;

  private final ServerAddress server;
  private final String presented;
  private final String expected;

  UntrustedServerException(ServerAddress server, String presented, Optional<String> expected) {
    super(
        expected.isEmpty()
            ? "the TLS certificate of "
                + server
                + " ("
                + presented
                + ") is not vouched for by any certificate authority"
                + " and is not pinned; check the fingerprint with whoever runs the server"
            : "the TLS certificate of "
                + server
                + " has CHANGED: it is "
                + presented
                + ", but "
                + expected.get()
                + " was pinned; someone may be intercepting the connection. If the server's operator made a new"
                + " certificate, check its fingerprint with them and connect with --fingerprint NEW");
    this.server = server;
    this.presented = presented;
    this.expected = expected.orElse(null);
  }

  public ServerAddress server() {
    return server;
  }

  /** The fingerprint of the certificate the server presented ({@code SHA256:AB:...}). */
  public String presented() {
    return presented;
  }

  /** The fingerprint that was pinned or given, if one was. */
  public Optional<String> expected() {
    return Optional.ofNullable(expected);
  }
}
