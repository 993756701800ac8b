package org.entente.server.fullstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.entente.client.ProtocolClient;
import org.entente.proto.protocol.v1.ClientMessage;
import org.entente.proto.protocol.v1.Event;
import org.entente.proto.protocol.v1.ServerMessage;

/** One test participant over a real socket: a ProtocolClient and every event it received. */
final class Participant implements AutoCloseable {
  static final long TIMEOUT_SECONDS = 10;

  final String name;
  final ProtocolClient client;
  final List<Event> events = new CopyOnWriteArrayList<>();
  final List<ServerMessage> unsolicited = new CopyOnWriteArrayList<>();
  String country = "";
  String token = "";
  long seatId;
  long joinedAtSeq;

  Participant(String name, int port) throws Exception {
    this.name = name;
    this.client = ProtocolClient.connectAndHello("127.0.0.1", port, name);
    client.onEvent(events::add);
    client.onUnsolicited(unsolicited::add);
  }

  ServerMessage call(ClientMessage.Builder request) throws Exception {
    return client.request(request).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
  }

  /** Sends a request that must succeed (no Error). */
  ServerMessage ok(ClientMessage.Builder request) throws Exception {
    ServerMessage response = call(request);
    assertThat(response.hasError())
        .as("%s: %s -> %s", name, request.getBodyCase(), response)
        .isFalse();
    return response;
  }

  /** Waits until an event matching {@code condition} has arrived. */
  Event await(Predicate<Event> condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
    while (System.nanoTime() < deadline) {
      for (Event e : events) {
        if (condition.test(e)) {
          return e;
        }
      }
      Thread.sleep(5);
    }
    throw new AssertionError(
        name + " did not receive the expected event; got " + new ArrayList<>(events));
  }

  @Override
  public void close() {
    client.close();
  }
}
