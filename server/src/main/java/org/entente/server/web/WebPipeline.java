package org.entente.server.web;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.handler.timeout.ReadTimeoutException;
import io.netty.handler.timeout.ReadTimeoutHandler;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.entente.server.connection.ConnectionHandler;
import org.entente.server.limits.NetworkGuards;
import org.entente.server.lobby.Lobby;
import org.entente.server.net.Frames;
import org.entente.server.net.Heartbeat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The web client's handlers, after the gate (and TLS): HTTP with small bounded requests, the
 * Origin check, the WebSocket handshake at {@value #SOCKET_PATH}, the static pages; once a
 * WebSocket is open, the JSON envelope codec, the heartbeat and the same
 * {@link ConnectionHandler} (and so the same states, roles, limits and views) as a native
 * connection.
 */
public final class WebPipeline {
  private static final Logger log = LoggerFactory.getLogger(WebPipeline.class);
  public static final String SOCKET_PATH = "/ws";

  /** A request line and headers; browsers send under 2 KiB. Requests have no body here. */
  static final int MAX_REQUEST_BYTES = 8 * 1024;

  /** An HTTP connection idle this long before becoming a WebSocket is closed. */
  static final int HTTP_IDLE_SECONDS = 30;

  private static final List<String> NATIVE_HANDLERS =
      List.of(
          "frameDecoder",
          "protobufDecoder",
          "framePrepender",
          "protobufEncoder",
          "heartbeat",
          "connection");

  private WebPipeline() {}

  /** Swaps the native handlers (as ServerInitializer names them) for the web ones. */
  public static void replaceNative(
      ChannelPipeline p, Lobby lobby, String serverName, NetworkGuards guards) {
    for (String name : NATIVE_HANDLERS) {
      if (p.get(name) != null) {
        p.remove(name);
      }
    }
    p.addLast("httpTimeout", new ReadTimeoutHandler(HTTP_IDLE_SECONDS, TimeUnit.SECONDS));
    p.addLast("httpCodec", new HttpServerCodec(4096, MAX_REQUEST_BYTES, 8192));
    p.addLast("httpAggregator", new HttpObjectAggregator(MAX_REQUEST_BYTES));
    p.addLast("origin", new OriginCheck(SOCKET_PATH));
    p.addLast(
        "webSocket",
        new WebSocketServerProtocolHandler(
            WebSocketServerProtocolConfig.newBuilder()
                .websocketPath(SOCKET_PATH)
                .checkStartsWith(false)
                .handleCloseFrames(true)
                .sendCloseFrame(
                    null) // a connection closes with the protocol's Error, as a native one does
                .decoderConfig(
                    WebSocketDecoderConfig.newBuilder()
                        .maxFramePayloadLength(Frames.MAX_FRAME_BYTES)
                        .build())
                .build()));
    p.addLast("pages", new StaticFiles());
    p.addLast("upgrade", new Upgrade(lobby, serverName, guards));
  }

  /** When the handshake completes, installs the protocol's handlers on the WebSocket. */
  private static final class Upgrade extends ChannelInboundHandlerAdapter {
    private final Lobby lobby;
    private final String serverName;
    private final NetworkGuards guards;

    Upgrade(Lobby lobby, String serverName, NetworkGuards guards) {
      this.lobby = lobby;
      this.serverName = serverName;
      this.guards = guards;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
      if (event instanceof WebSocketServerProtocolHandler.HandshakeComplete) {
        ChannelPipeline p = ctx.pipeline();
        p.remove("httpTimeout");
        p.remove("pages");
        p.addLast("frameAggregator", new WebSocketFrameAggregator(Frames.MAX_FRAME_BYTES));
        p.addLast("json", new JsonEnvelopeCodec());
        p.addLast("heartbeat", new Heartbeat(guards.limits(), () -> 0L));
        p.addLast("connection", new ConnectionHandler(lobby, serverName, guards));
        p.remove(this);
        return;
      }
      ctx.fireUserEventTriggered(event);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      if (cause instanceof ReadTimeoutException) {
        log.debug("closing idle HTTP connection {}", ctx.channel().remoteAddress());
      } else {
        log.debug(
            "closing HTTP connection {} after {}", ctx.channel().remoteAddress(), cause.toString());
      }
      ctx.close();
    }
  }
}
