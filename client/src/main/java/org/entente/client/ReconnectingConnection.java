package org.entente.client;

import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.entente.proto.protocol.v1.ClientMessage;
import org.entente.proto.protocol.v1.Event;
import org.entente.proto.protocol.v1.ServerMessage;

/**
 * A connection to one server that comes back by itself: when it drops, it tries again after
 * 1, 2, 4... up to {@value #MAX_BACKOFF_SECONDS} s, says hello, and lets its {@link Owner}
 * take the seat back ({@code resume} with the last seq) before anything else is sent.
 *
 * <p>Thread-safe. The owner's methods run on Netty's thread (events, unsolicited messages,
 * loss) or on the reconnecting thread ({@link Owner#reconnected}); none may block the former.
 */
final class ReconnectingConnection implements AutoCloseable {
  static final int MAX_BACKOFF_SECONDS = 30;

  /** What the connection tells the session that owns it. */
  interface Owner {
    void event(Event e);

    void unsolicited(ServerMessage m);

    /** The connection went up or down (waiters may want to look again). */
    void connectionChanged();

    /** A sentence about the connection; {@code problem} if it is bad news. */
    void notice(String text, boolean problem);

    /** False once nothing should reconnect (the seat was taken or removed). */
    boolean wantsReconnect();

    /** A new connection said hello: take the seat back. A failure counts as a failed attempt. */
    void reconnected() throws Exception;
  }

  private final ServerAddress address;
  private final ServerTrust trust;
  private final String clientName;
  private final Owner owner;
  private final ScheduledExecutorService reconnector =
      Executors.newSingleThreadScheduledExecutor(
          new DefaultThreadFactory("entente-reconnect", true));
  private final Object lock = new Object();
  // Guarded by lock.
  private ProtocolClient client;
  private boolean connected;
  private boolean closing;

  private ReconnectingConnection(
      ServerAddress address, ServerTrust trust, String clientName, Owner owner) {
    this.address = address;
    this.trust = trust;
    this.clientName = clientName;
    this.owner = owner;
  }

  /**
   * Connects (with TLS for a {@code tls://} address, every reconnect checked by {@code trust}
   * again) and says hello.
   *
   * @throws UntrustedServerException if the server's TLS certificate is not trusted
   * @throws IOException with a sentence for the user if the server cannot be reached
   */
  static ReconnectingConnection open(
      ServerAddress address, ServerTrust trust, String clientName, Owner owner) throws IOException {
    ReconnectingConnection c = new ReconnectingConnection(address, trust, clientName, owner);
    try {
      c.attach(ProtocolClient.connectAndHello(address, trust, clientName));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while connecting to " + address, e);
    } catch (UntrustedServerException e) {
      c.close();
      throw e;
    } catch (Exception e) {
      throw new IOException("cannot reach the server at " + address + ": " + reason(e), e);
    }
    return c;
  }

  private void attach(ProtocolClient c) {
    c.onEvent(owner::event);
    c.onUnsolicited(owner::unsolicited);
    c.closeFuture().thenRun(() -> onClosed(c));
    synchronized (lock) {
      client = c;
      connected = true;
    }
    owner.connectionChanged();
  }

  /**
   * Sends a request on the current connection.
   *
   * @throws ConnectionLost if the connection is down and coming back
   * @throws IOException if it is down for good (closed by this side)
   */
  CompletableFuture<ServerMessage> request(ClientMessage.Builder request)
      throws IOException, ConnectionLost {
    ProtocolClient c;
    synchronized (lock) {
      if (!connected) {
        if (closing || client == null) {
          throw new IOException("not connected to " + address);
        }
        throw new ConnectionLost(
            new IOException("not connected to " + address + " (reconnecting...)"));
      }
      c = client;
    }
    return c.request(request);
  }

  /** Sends a request if connected, for answers nobody waits for; a failed future otherwise. */
  CompletableFuture<ServerMessage> requestIfConnected(ClientMessage.Builder request) {
    try {
      return request(request);
    } catch (IOException | ConnectionLost e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  boolean isConnected() {
    synchronized (lock) {
      return connected;
    }
  }

  /** No reconnection after this (a 'leave' was accepted, or the user is closing). */
  void stopReconnecting() {
    synchronized (lock) {
      closing = true;
    }
  }

  private void onClosed(ProtocolClient c) {
    synchronized (lock) {
      if (client != c) {
        return;
      }
      connected = false;
    }
    owner.connectionChanged();
    if (!shouldReconnect()) {
      return;
    }
    owner.notice("connection to " + address + " lost; reconnecting in 1 s...", true);
    reconnector.schedule(() -> reconnect(1), 1, TimeUnit.SECONDS);
  }

  private void reconnect(int delaySeconds) {
    if (!shouldReconnect()) {
      return;
    }
    try {
      attach(ProtocolClient.connectAndHello(address, trust, clientName));
      owner.reconnected();
    } catch (Exception e) {
      int next = Math.min(delaySeconds * 2, MAX_BACKOFF_SECONDS);
      owner.notice(
          "still cannot reach " + address + " (" + reason(e) + "); retrying in " + next + " s...",
          true);
      reconnector.schedule(() -> reconnect(next), next, TimeUnit.SECONDS);
    }
  }

  /** Asks the owner outside this lock: the owner's lock may be held while calling {@link #request}. */
  private boolean shouldReconnect() {
    synchronized (lock) {
      if (closing) {
        return false;
      }
    }
    return owner.wantsReconnect();
  }

  /** Closes the connection; no reconnection follows. */
  @Override
  public void close() {
    ProtocolClient c;
    synchronized (lock) {
      closing = true;
      c = client;
    }
    reconnector.shutdownNow();
    if (c != null) {
      c.close();
    }
  }

  /** For tests of reconnection: drops the network connection as a failing network would. */
  void drop() {
    ProtocolClient c;
    synchronized (lock) {
      c = client;
    }
    c.close();
  }

  /** The part of a failure a person understands. */
  static String reason(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && (t.getMessage() == null || t instanceof ExecutionException)) {
      t = t.getCause();
    }
    String m = t.getMessage();
    if (m == null || m.isBlank()) {
      return t.getClass().getSimpleName();
    }
    int colon = m.indexOf(": ");
    // Netty prefixes "Connection refused: host/1.2.3.4:7777"; keep the part people understand.
    return colon > 0 && m.startsWith("Connection refused")
        ? "connection refused (is the server running?)"
        : m;
  }
}
