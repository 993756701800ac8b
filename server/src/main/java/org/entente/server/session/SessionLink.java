package org.entente.server.session;

import org.entente.proto.protocol.v1.ServerMessage;

/**
 * A session's handle on one client connection. Implementations are safe to call from the
 * session's thread; writes are queued on the connection's event loop.
 */
public interface SessionLink {

  /** Queues a message for the client. */
  void send(ServerMessage message);

  /** False while the connection's outbound buffer is above its high-water mark. */
  boolean isWritable();

  /** Sends {@code lastWords} (if not null) and closes the connection. */
  void close(ServerMessage lastWords);
}
