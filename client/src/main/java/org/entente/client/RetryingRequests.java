package org.entente.client;

import java.io.IOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.function.Consumer;
import org.entente.proto.protocol.v1.ClientMessage;
import org.entente.proto.protocol.v1.ConnectionStage;
import org.entente.proto.protocol.v1.ServerMessage;
import org.entente.protocol.Requests;

/**
 * Requests that survive a dropped connection. Which ones are resent is the protocol's
 * contract ({@link Requests#changesSession}), not a list of our own: each of those gets a
 * random idempotency key, and if the connection drops before the answer, it is sent once more
 * with the same key when the seat is back, so the server answers with its first response if
 * it had applied it (docs/protocol.md, "Retrying requests"). Other requests fail with the
 * connection.
 */
final class RetryingRequests {
  /** How long a change whose connection dropped waits for the seat to come back before giving up. */
  static final Duration RETRY_WAIT = Duration.ofSeconds(60);

  private static final SecureRandom KEYS = new SecureRandom();

  /** One attempt on the current connection, and waiting for the next one. */
  interface Transport {
    ServerMessage send(ClientMessage.Builder request, Consumer<ServerMessage> inOrder)
        throws IOException, ConnectionLost;

    /**
     * Waits until a request of {@code stage} may be sent again: connected, and for an
     * in-session request the seat taken back. False on timeout or if the seat is gone.
     */
    boolean awaitReady(ConnectionStage stage, Duration timeout) throws InterruptedException;
  }

  private final ServerAddress address;
  private final Transport transport;

  RetryingRequests(ServerAddress address, Transport transport) {
    this.address = address;
    this.transport = transport;
  }

  /** Should {@code request} be resent after a reconnect (and so carry an idempotency key)? */
  static boolean resentAfterReconnect(ClientMessage.Builder request) {
    return Requests.changesSession(request.getBodyCase());
  }

  /** Sends {@code request}, and once more after a reconnect if the contract says so. */
  ServerMessage call(ClientMessage.Builder request, Consumer<ServerMessage> inOrder)
      throws IOException {
    boolean resend = resentAfterReconnect(request);
    if (resend && request.getIdempotencyKey() == 0) {
      request.setIdempotencyKey(randomKey());
    }
    if (resend
        && request.getIdempotencySecret().isEmpty()
        && Requests.of(request.getBodyCase()).stage() == ConnectionStage.LOBBY) {
      byte[] secret =
          new byte
              [16]; // an entry's key works only with its secret (protocol.md, "Retrying requests")
      KEYS.nextBytes(secret);
      request.setIdempotencySecret(com.google.protobuf.ByteString.copyFrom(secret));
    }
    try {
      return transport.send(request, inOrder);
    } catch (ConnectionLost e) {
      if (!resend) {
        throw new IOException("the connection to " + address + " was lost", e);
      }
      try {
        if (!transport.awaitReady(Requests.of(request.getBodyCase()).stage(), RETRY_WAIT)) {
          throw new IOException(
              "the connection to "
                  + address
                  + " was lost and did not come back within "
                  + RETRY_WAIT.toSeconds()
                  + " s; the command may not have been carried out",
              e);
        }
      } catch (InterruptedException ie) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted", ie);
      }
      try {
        return transport.send(request, inOrder);
      } catch (ConnectionLost again) {
        throw new IOException("the connection to " + address + " was lost again", again);
      }
    }
  }

  private static long randomKey() {
    long k = 0;
    while (k == 0) {
      k = KEYS.nextLong();
    }
    return k;
  }
}
