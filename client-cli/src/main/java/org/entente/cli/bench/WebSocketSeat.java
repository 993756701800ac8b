package org.entente.cli.bench;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.entente.proto.protocol.v1.ClientMessage;
import org.entente.proto.protocol.v1.Event;
import org.entente.proto.protocol.v1.Pong;
import org.entente.proto.protocol.v1.ServerMessage;

/**
 * A seat as a browser holds it: a WebSocket at {@code /ws} with the page's Origin, one text
 * frame per envelope in the proto3 JSON mapping (docs/protocol.md, section 10), answering the
 * server's pings. The JDK's WebSocket client: one {@link HttpClient} serves every seat.
 */
final class WebSocketSeat implements SeatConnection, WebSocket.Listener {
  private static final JsonFormat.Printer PRINTER =
      JsonFormat.printer().omittingInsignificantWhitespace();
  private static final JsonFormat.Parser PARSER = JsonFormat.parser();

  private final AtomicLong ids = new AtomicLong();
  private final Map<Long, CompletableFuture<ServerMessage>> pending = new ConcurrentHashMap<>();
  private final List<Consumer<Event>> listeners = new CopyOnWriteArrayList<>();
  private final StringBuilder partial = new StringBuilder();
  private volatile WebSocket socket;

  /** The JDK allows one send at a time per WebSocket: each waits for the one before. */
  private CompletableFuture<?> sending = CompletableFuture.completedFuture(null);

  private WebSocketSeat() {}

  /** Opens the WebSocket and says hello, as the page does. */
  static WebSocketSeat connect(HttpClient http, String host, int port) throws Exception {
    WebSocketSeat seat = new WebSocketSeat();
    String origin = "http://" + host + ":" + port;
    seat.socket =
        http.newWebSocketBuilder()
            .header("Origin", origin)
            .buildAsync(URI.create("ws://" + host + ":" + port + "/ws"), seat)
            .get(Meter.ANSWER_WAIT_SECONDS, TimeUnit.SECONDS);
    try {
      Classroom.ok(
          seat.request(
                  ClientMessage.newBuilder()
                      .setHello(
                          org.entente.proto.protocol.v1.Hello.newBuilder()
                              .setProtocolVersion(
                                  org.entente.proto.protocol.v1.ProtocolVersion.PROTOCOL_VERSION_1)
                              .setClientName("entente-bench-web")))
              .get(Meter.ANSWER_WAIT_SECONDS, TimeUnit.SECONDS));
      return seat;
    } catch (Exception e) {
      seat.close();
      throw e;
    }
  }

  @Override
  public CompletableFuture<ServerMessage> request(ClientMessage.Builder request) {
    long id = ids.incrementAndGet();
    CompletableFuture<ServerMessage> answer = new CompletableFuture<>();
    pending.put(id, answer);
    send(request.clone().setRequestId(id).build(), answer);
    return answer;
  }

  @Override
  public void onEvent(Consumer<Event> listener) {
    listeners.add(listener);
  }

  private synchronized void send(ClientMessage message, CompletableFuture<ServerMessage> answer) {
    String text;
    try {
      text = PRINTER.print(message);
    } catch (InvalidProtocolBufferException e) {
      answer.completeExceptionally(e);
      return;
    }
    sending =
        sending
            .thenCompose(x -> socket.sendText(text, true))
            .exceptionally(
                e -> {
                  answer.completeExceptionally(e);
                  return null;
                });
  }

  @Override
  public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
    partial.append(data);
    if (last) {
      String text = partial.toString();
      partial.setLength(0);
      received(text);
    }
    webSocket.request(1);
    return null;
  }

  private void received(String text) {
    ServerMessage.Builder message = ServerMessage.newBuilder();
    try {
      PARSER.merge(text, message);
    } catch (InvalidProtocolBufferException e) {
      failAll(new IOException("not a ServerMessage: " + text, e));
      return;
    }
    if (message.hasPing()) {
      send(
          ClientMessage.newBuilder()
              .setPong(Pong.newBuilder().setNonce(message.getPing().getNonce()))
              .build(),
          new CompletableFuture<>());
    } else if (message.getRequestId() != 0) {
      CompletableFuture<ServerMessage> answer = pending.remove(message.getRequestId());
      if (answer != null) {
        answer.complete(message.build());
      }
    } else if (message.hasEvent()) {
      Event event = message.getEvent();
      listeners.forEach(l -> l.accept(event));
    } else if (message.hasError()) { // the server closes the connection after this one
      failAll(
          new IOException(
              "connection closed: "
                  + message.getError().getCode()
                  + ": "
                  + message.getError().getMessage()));
    }
  }

  @Override
  public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
    failAll(new IOException("the WebSocket closed: " + statusCode + " " + reason));
    return null;
  }

  @Override
  public void onError(WebSocket webSocket, Throwable error) {
    failAll(new IOException("the WebSocket failed: " + error, error));
  }

  private void failAll(Throwable cause) {
    pending.values().forEach(f -> f.completeExceptionally(cause));
    pending.clear();
  }

  @Override
  public boolean isOpen() {
    return !socket.isInputClosed() && !socket.isOutputClosed();
  }

  @Override
  public void close() {
    socket.abort();
  }
}
