package org.entente.server.connection;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.TooLongFrameException;
import org.entente.proto.protocol.v1.ClientMessage;
import org.entente.proto.protocol.v1.ErrorCode;
import org.entente.server.lobby.Lobby;
import org.entente.server.session.SessionLink;
import org.entente.server.session.Wire;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The business handler at the end of the pipeline: holds the connection's current state
 * and hands each decoded message to it. A frame that is too long or does not parse gets
 * an error and the connection is closed.
 */
public final class ConnectionHandler extends SimpleChannelInboundHandler<ClientMessage> {
  private static final Logger log = LoggerFactory.getLogger(ConnectionHandler.class);
  /** A connection that has not said hello by then is closed. */
  static final long HELLO_TIMEOUT_SECONDS = 30;

  private final Lobby lobby;
  private final String serverName;
  private ChannelHandlerContext ctx;
  private Connection link;
  private ConnectionState state;

  public ConnectionHandler(Lobby lobby, String serverName) {
    this.lobby = lobby;
    this.serverName = serverName;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    this.ctx = ctx;
    this.link = new Connection(ctx.channel());
    this.state = new AwaitingHello(this);
    ctx.executor().schedule(() -> {
      if (state instanceof AwaitingHello) {
        ctx.close();
      }
    }, HELLO_TIMEOUT_SECONDS, java.util.concurrent.TimeUnit.SECONDS);
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, ClientMessage message) {
    state.dispatch(message);
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) {
    if (ctx.channel().isWritable()) {
      state.onWritable();
    }
    ctx.fireChannelWritabilityChanged();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    state.onClosed();
    ctx.fireChannelInactive();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (cause instanceof TooLongFrameException) {
      link.close(Wire.error(0, ErrorCode.FRAME_TOO_LARGE, "A frame was longer than 65536 bytes; closing."));
    } else if (cause instanceof CorruptedFrameException || cause instanceof DecoderException) {
      link.close(Wire.error(0, ErrorCode.MALFORMED_FRAME, "A frame did not parse as a ClientMessage; closing."));
    } else if (cause instanceof java.io.IOException) {
      log.debug("closing {} after {}", ctx.channel().remoteAddress(), cause.toString());
      ctx.close();
    } else {
      log.warn("closing {} after an unexpected failure", ctx.channel().remoteAddress(), cause);
      link.close(Wire.error(0, ErrorCode.UNAVAILABLE, "The server failed; closing."));
    }
  }

  void become(ConnectionState next) {
    assert ctx.executor().inEventLoop();
    state = next;
    if (!ctx.channel().isActive()) {
      next.onClosed(); // closed while the session was seating us
    }
  }

  void onEventLoop(Runnable task) {
    ctx.executor().execute(task);
  }

  SessionLink link() {
    return link;
  }

  Lobby lobby() {
    return lobby;
  }

  /** The peer's host address, the unit that limits on guessing apply to. */
  String remoteHost() {
    java.net.SocketAddress a = ctx.channel().remoteAddress();
    if (a instanceof java.net.InetSocketAddress) {
      java.net.InetAddress ip = ((java.net.InetSocketAddress) a).getAddress();
      return ip == null ? ((java.net.InetSocketAddress) a).getHostString() : ip.getHostAddress();
    }
    return String.valueOf(a);
  }

  /** Closes the connection after the current task, so a response written just before goes out first. */
  void closeSoon() {
    ctx.channel().eventLoop().execute(ctx::close);
  }

  String serverName() {
    return serverName;
  }
}
