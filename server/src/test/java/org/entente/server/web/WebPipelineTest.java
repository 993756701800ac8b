package org.entente.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import com.google.protobuf.util.JsonFormat;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import org.entente.proto.protocol.v1.ClientMessage;
import org.entente.proto.protocol.v1.Hello;
import org.entente.proto.protocol.v1.ProtocolVersion;
import org.entente.proto.protocol.v1.ServerMessage;
import org.entente.protocol.Requests;
import org.entente.server.testing.EmbeddedHarness;
import org.entente.server.testing.Frames;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Port unification and the web client's HTTP rules, on the real pipeline in an EmbeddedChannel. */
class WebPipelineTest {
  private static final String CSP =
      "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self'; "
          + "img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'";
  private final EmbeddedHarness harness = new EmbeddedHarness();

  @AfterEach
  void releaseBuffers() {
    harness.close();
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static String get(String path, String... headers) {
    return "GET "
        + path
        + " HTTP/1.1\r\nHost: localhost:7777\r\n"
        + String.join("", headers)
        + "\r\n";
  }

  /** Writes bytes in and returns what the server wrote back, as text. */
  private static String exchange(EmbeddedChannel channel, byte[]... parts) {
    for (byte[] part : parts) {
      channel.writeInbound(Unpooled.wrappedBuffer(part));
    }
    return new String(outbound(channel), StandardCharsets.UTF_8);
  }

  private static byte[] outbound(EmbeddedChannel channel) {
    channel.runPendingTasks();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Object o; (o = channel.readOutbound()) != null; ) {
      ByteBuf buf = (ByteBuf) o;
      byte[] bytes = new byte[buf.readableBytes()];
      buf.readBytes(bytes);
      buf.release();
      out.writeBytes(bytes);
    }
    return out.toByteArray();
  }

  @Test
  void anHttpRequestSplitAtEveryByteGetsThePageWithItsPolicy() {
    byte[] request = ascii(get("/"));
    for (int split = 1; split < request.length; split++) {
      EmbeddedChannel channel = harness.client().channel;
      String answer =
          exchange(
              channel,
              Arrays.copyOfRange(request, 0, split),
              Arrays.copyOfRange(request, split, request.length));
      assertThat(answer).as("split at %s", split).startsWith("HTTP/1.1 200 OK\r\n");
      assertThat(answer)
          .contains("content-security-policy: " + CSP + "\r\n")
          .contains("x-content-type-options: nosniff\r\n")
          .contains("content-type: text/html; charset=utf-8\r\n")
          .contains("<script type=\"module\" src=\"/play.js\"></script>")
          .doesNotContain("<script>");
    }
  }

  @Test
  void aNativeHelloWhoseLengthByteIsTheLetterGIsStillTheNativeProtocol() {
    ClientMessage.Builder hello =
        ClientMessage.newBuilder()
            .setRequestId(1)
            .setHello(Hello.newBuilder().setProtocolVersion(ProtocolVersion.PROTOCOL_VERSION_1));
    hello
        .getHelloBuilder()
        .setClientName(
            "x".repeat(71 - hello.build().getSerializedSize() - 2)); // tag and length byte
    byte[] frame = Frames.frame(hello.build());
    assertThat(frame[0]).isEqualTo((byte) 'G');
    for (int split = 1; split < frame.length; split++) {
      EmbeddedHarness.Client client = harness.client();
      client.channel.writeInbound(Unpooled.wrappedBuffer(Arrays.copyOfRange(frame, 0, split)));
      var got = client.send(Arrays.copyOfRange(frame, split, frame.length));
      assertThat(got)
          .as("split at %s", split)
          .extracting(ServerMessage::hasWelcome)
          .containsExactly(true);
    }
  }

  @Test
  void everyPageIsKnownAndEverythingElseIsNotFound() {
    assertThat(exchange(harness.client().channel, ascii(get("/gm"))))
        .startsWith("HTTP/1.1 200 OK")
        .contains("/gm.js");
    assertThat(exchange(harness.client().channel, ascii(get("/watch/ABC-DEF"))))
        .startsWith("HTTP/1.1 200 OK")
        .contains("/watch.js");
    assertThat(exchange(harness.client().channel, ascii(get("/play.js?v=1"))))
        .startsWith("HTTP/1.1 200 OK")
        .contains("content-type: text/javascript; charset=utf-8");
    String missing = exchange(harness.client().channel, ascii(get("/web/play.html")));
    assertThat(missing)
        .startsWith("HTTP/1.1 404 Not Found")
        .contains("content-security-policy: " + CSP);
    assertThat(exchange(harness.client().channel, ascii(get("/watch/../gm"))))
        .startsWith("HTTP/1.1 404 Not Found");
    assertThat(exchange(harness.client().channel, ascii(get("/entente.js/"))))
        .startsWith("HTTP/1.1 404 Not Found");
  }

  @Test
  void theRequestContractIsServedForTheBrowserFromTheProtoOptions() throws Exception {
    String answer = exchange(harness.client().channel, ascii(get("/requests.json")));
    assertThat(answer)
        .startsWith("HTTP/1.1 200 OK")
        .contains("content-type: application/json; charset=utf-8\r\n")
        .contains("content-security-policy: " + CSP);
    Struct.Builder json = Struct.newBuilder();
    JsonFormat.parser().merge(answer.substring(answer.indexOf("\r\n\r\n") + 4), json);
    Map<String, Value> served = json.getFieldsOrThrow("requests").getStructValue().getFieldsMap();
    assertThat(served).hasSize(ClientMessage.BodyCase.values().length - 1);
    for (Requests.Kind kind : Requests.all()) {
      String name =
          ClientMessage.getDescriptor().findFieldByNumber(kind.body().getNumber()).getJsonName();
      Map<String, Value> rule = served.get(name).getStructValue().getFieldsMap();
      assertThat(rule.get("changesSession").getBoolValue())
          .as(name)
          .isEqualTo(kind.changesSession());
      assertThat(rule.get("stage").getStringValue()).as(name).isEqualTo(kind.stage().name());
    }
    assertThat(
            served
                .get("editDraft")
                .getStructValue()
                .getFieldsOrThrow("changesSession")
                .getBoolValue())
        .isTrue();
    assertThat(
            served
                .get("getView")
                .getStructValue()
                .getFieldsOrThrow("changesSession")
                .getBoolValue())
        .isFalse();
  }

  @Test
  void onlyGetAndHeadAreAllowed() {
    String answer =
        exchange(
            harness.client().channel,
            ascii("POST / HTTP/1.1\r\nHost: localhost:7777\r\nContent-Length: 2\r\n\r\nhi"));
    assertThat(answer)
        .startsWith("HTTP/1.1 405 Method Not Allowed")
        .contains("allow: GET, HEAD\r\n");
  }

  @Test
  void headAnswersWithTheHeadersOfGetAndNoBody() {
    for (String path : new String[] {"/", "/play.js", "/watch/ABC-DEF", "/requests.json"}) {
      String got = exchange(harness.client().channel, ascii(get(path)));
      String headers = got.substring(0, got.indexOf("\r\n\r\n") + 4);
      assertThat(got.length()).as(path).isGreaterThan(headers.length());
      EmbeddedChannel channel = harness.client().channel;
      String head = exchange(channel, ascii("HEAD" + get(path).substring("GET".length())));
      assertThat(head).as(path).isEqualTo(headers);
      assertThat(head)
          .contains("content-length: " + (ascii(got).length - headers.length()) + "\r\n");
      // The connection stays open and in step: the next request is answered on its own.
      assertThat(exchange(channel, ascii(get(path)))).as(path).isEqualTo(got);
    }
    String missing =
        exchange(
            harness.client().channel,
            ascii("HEAD /nothing HTTP/1.1\r\nHost: localhost:7777\r\n\r\n"));
    assertThat(missing).startsWith("HTTP/1.1 404 Not Found").endsWith("\r\n\r\n");
  }

  @Test
  void anOversizedRequestIsRefused() {
    EmbeddedChannel channel = harness.client().channel;
    String answer =
        exchange(
            channel,
            ascii(get("/", "X-Padding: " + "a".repeat(WebPipeline.MAX_REQUEST_BYTES) + "\r\n")));
    assertThat(answer).doesNotStartWith("HTTP/1.1 200");
    assertThat(answer).startsWith("HTTP/1.1 4");
  }

  private static String upgrade(String origin) {
    return get(
        "/ws",
        "Upgrade: websocket\r\n",
        "Connection: Upgrade\r\n",
        "Sec-WebSocket-Version: 13\r\n",
        "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n",
        origin == null ? "" : "Origin: " + origin + "\r\n");
  }

  @Test
  void aWebSocketFromAnotherOriginIsRefused() {
    for (String origin :
        new String[] {"http://evil.example", "http://localhost:7778", "null", null}) {
      EmbeddedChannel channel = harness.client().channel;
      String answer = exchange(channel, ascii(upgrade(origin)));
      assertThat(answer).as("origin %s", origin).startsWith("HTTP/1.1 403 Forbidden");
      assertThat(channel.isActive()).isFalse();
    }
  }

  @Test
  void aSameOriginWebSocketSpeaksTheProtocolInJson() {
    EmbeddedChannel channel = harness.client().channel;
    String handshake = exchange(channel, ascii(upgrade("http://localhost:7777")));
    assertThat(handshake)
        .startsWith("HTTP/1.1 101 Switching Protocols")
        .contains("sec-websocket-accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=");
    channel.writeInbound(
        Unpooled.wrappedBuffer(
            maskedText(
                "{\"requestId\":\"7\",\"hello\":{\"protocolVersion\":\"PROTOCOL_VERSION_1\",\"clientName\":\"test\"}}")));
    assertThat(unmaskedText(outbound(channel)))
        .isEqualTo(
            "{\"requestId\":\"7\",\"welcome\":{\"protocolVersion\":\"PROTOCOL_VERSION_1\",\"serverName\":\"test-server\"}}");
    channel.writeInbound(
        Unpooled.wrappedBuffer(maskedText("{\"requestId\":\"8\",\"listScenarios\":{}}")));
    assertThat(unmaskedText(outbound(channel)))
        .startsWith(
            "{\"requestId\":\"8\",\"scenarioList\":{\"scenarios\":[{\"id\":\"test-crisis\"");
  }

  @Test
  void aWebSocketFrameThatIsNotAClientMessageClosesLikeAMalformedFrame() {
    EmbeddedChannel channel = harness.client().channel;
    exchange(channel, ascii(upgrade("http://localhost:7777")));
    channel.writeInbound(
        Unpooled.wrappedBuffer(maskedText("{\"requestId\":\"1\",\"noSuchField\":{}}")));
    assertThat(unmaskedText(outbound(channel))).contains("\"code\":\"MALFORMED_FRAME\"");
    assertThat(channel.isActive()).isFalse();
  }

  @Test
  void sameOriginMeansTheSchemeHostAndPortOfTheRequest() {
    assertThat(OriginCheck.sameOrigin("http://localhost:7777", "localhost:7777")).isTrue();
    assertThat(OriginCheck.sameOrigin("https://class.example", "class.example")).isTrue();
    assertThat(OriginCheck.sameOrigin("http://class.example.evil", "class.example")).isFalse();
    assertThat(OriginCheck.sameOrigin("ftp://localhost:7777", "localhost:7777")).isFalse();
    assertThat(OriginCheck.sameOrigin(null, "localhost:7777")).isFalse();
  }

  /** A client's text frame: FIN, opcode 1, masked (RFC 6455 5.3). */
  private static byte[] maskedText(String text) {
    byte[] payload = ascii(text);
    byte[] mask = {0x11, 0x22, 0x33, 0x44};
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(0x81);
    if (payload.length < 126) {
      out.write(0x80 | payload.length);
    } else {
      out.write(0x80 | 126);
      out.write(payload.length >> 8);
      out.write(payload.length & 0xff);
    }
    out.writeBytes(mask);
    for (int i = 0; i < payload.length; i++) {
      out.write(payload[i] ^ mask[i % 4]);
    }
    return out.toByteArray();
  }

  /** The text of the server's (unmasked) frames, concatenated. */
  private static String unmaskedText(byte[] frames) {
    StringBuilder text = new StringBuilder();
    int at = 0;
    while (at < frames.length) {
      int opcode = frames[at] & 0x0f;
      int length = frames[at + 1] & 0x7f;
      at += 2;
      if (length == 126) {
        length = ((frames[at] & 0xff) << 8) | (frames[at + 1] & 0xff);
        at += 2;
      } else if (length == 127) {
        length = (int) java.nio.ByteBuffer.wrap(frames, at, 8).getLong();
        at += 8;
      }
      if (opcode == 1) {
        text.append(new String(frames, at, length, StandardCharsets.UTF_8));
      }
      at += length;
    }
    return text.toString();
  }
}
