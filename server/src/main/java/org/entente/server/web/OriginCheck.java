package org.entente.server.web;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;

/**
 * Refuses (403) a WebSocket handshake whose {@code Origin} is not the page's own
 * ({@code http://HOST} or {@code https://HOST} with the request's {@code Host}), so a page
 * from another site cannot open a seat with the visitor's browser.
 */
final class OriginCheck extends ChannelInboundHandlerAdapter {
  private final String socketPath;

  OriginCheck(String socketPath) {
    this.socketPath = socketPath;
  }

  static boolean sameOrigin(String origin, String host) {
    if (origin == null || host == null || host.isEmpty()) {
      return false;
    }
    return origin.equalsIgnoreCase("http://" + host) || origin.equalsIgnoreCase("https://" + host);
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof FullHttpRequest request
        && StaticFiles.pathOf(request.uri()).equals(socketPath)
        && !sameOrigin(
            request.headers().get(HttpHeaderNames.ORIGIN),
            request.headers().get(HttpHeaderNames.HOST))) {
      ReferenceCountUtil.release(msg);
      FullHttpResponse refusal =
          new DefaultFullHttpResponse(
              request.protocolVersion(),
              HttpResponseStatus.FORBIDDEN,
              Unpooled.copiedBuffer(
                  "This page's origin may not open a seat here.\n", StandardCharsets.UTF_8));
      StaticFiles.secure(refusal, "text/plain; charset=utf-8");
      ctx.writeAndFlush(refusal).addListener(ChannelFutureListener.CLOSE);
      return;
    }
    ctx.fireChannelRead(msg);
  }
}
