package org.entente.cli.bench;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.entente.client.ProtocolClient;
import org.entente.proto.protocol.v1.ClientMessage;
import org.entente.proto.protocol.v1.Event;
import org.entente.proto.protocol.v1.ServerMessage;

/** One student's connection to the server: native frames or the browser's WebSocket and JSON. */
interface SeatConnection extends AutoCloseable {
  /** Sends one request (its id is set here); completes with the answer. */
  CompletableFuture<ServerMessage> request(ClientMessage.Builder request);

  void onEvent(Consumer<Event> listener);

  /** Whether the connection is still up (neither side has closed it). */
  boolean isOpen();

  @Override
  void close();

  /** A native connection's requests and events. */
  static SeatConnection of(ProtocolClient client) {
    return new SeatConnection() {
      @Override
      public CompletableFuture<ServerMessage> request(ClientMessage.Builder request) {
        return client.request(request);
      }

      @Override
      public void onEvent(Consumer<Event> listener) {
        client.onEvent(listener);
      }

      @Override
      public boolean isOpen() {
        return client.isOpen();
      }

      @Override
      public void close() {
        client.close();
      }
    };
  }
}
