package org.entente.server.connection;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.TooLongFrameException;
import java.util.ArrayDeque;
import org.entente.proto.protocol.v1.ClientMessage;
import org.entente.proto.protocol.v1.ErrorCode;
import org.entente.protocol.Requests;
import org.entente.server.limits.AddressKey;
import org.entente.server.limits.Limits;
import org.entente.server.limits.NetworkGuards;
import org.entente.server.lobby.Lobby;
import org.entente.server.session.SessionLink;
import org.entente.server.session.Wire;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The business handler at the end of the pipeline: holds the connection's current state
 * and hands each decoded message to it. A frame that is too long or does not parse gets
 * an error and the connection is closed.
 *
 * <p>Bounded work: at most {@link Limits#maxInFlight()} requests are handed on at once; past
 * it, reading pauses and decoded requests wait here (at most {@link Limits#maxPipelined()},
 * then the connection is closed), so a pipelining client slows only itself. Each request first
 * takes a token of its rate class (per seat in a session, per address before): without one it
 * is answered RATE_LIMITED with the time to wait, and a connection refused
 * {@link NetworkGuards#ABUSE_REFUSALS} times in a row is closed.
 */
public final class ConnectionHandler extends SimpleChannelInboundHandler<ClientMessage> {
  private static final Logger log = LoggerFactory.getLogger(ConnectionHandler.class);

  private final Lobby lobby;
  private final String serverName;
  private final NetworkGuards guards;
  private final ArrayDeque<ClientMessage> waiting = new ArrayDeque<>();
  private ChannelHandlerContext ctx;
  private Connection link;
  private ConnectionState state;
  private String addressKey;
  private int refusedInARow;
  private boolean resumeQueued;

  public ConnectionHandler(Lobby lobby, String serverName, NetworkGuards guards) {
    this.lobby = lobby;
    this.serverName = serverName;
    this.guards = guards;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    this.ctx = ctx;
    this.link = new Connection(ctx.channel(), guards.limits().maxQueuedBytes(), this::answered);
    this.state = new AwaitingHello(this);
    this.addressKey = AddressKey.of(ctx.channel().remoteAddress());
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, ClientMessage message) {
    if (!waiting.isEmpty() || !roomFor(ctx)) {
      if (waiting.size() >= guards.limits().maxPipelined()) {
        waiting.clear();
        link.close(
            Wire.error(
                0,
                ErrorCode.RATE_LIMITED,
                "More than "
                    + guards.limits().maxPipelined()
                    + " requests were sent without waiting for answers; closing."));
        return;
      }
      waiting.addLast(message);
      ctx.channel().config().setAutoRead(false);
      return;
    }
    handle(message);
  }

  /**
   * Whether another request may be handed on: fewer than the limit in flight, and the client
   * reading its answers (a client that does not read is throttled, not fed).
   */
  private boolean roomFor(ChannelHandlerContext ctx) {
    return link.inFlight() < guards.limits().maxInFlight() && ctx.channel().isWritable();
  }

  /** Takes the request's rate token, then hands it to the state. */
  private void handle(ClientMessage message) {
    if (message.getBodyCase() != ClientMessage.BodyCase.BODY_NOT_SET) {
      Requests.Kind kind = Requests.of(message.getBodyCase());
      String key = state.limitKey().orElse(addressKey);
      long wait = guards.take(kind.rateClass(), key);
      if (wait > 0) {
        refused(message, kind, wait);
        return;
      }
    }
    refusedInARow = 0;
    link.started();
    state.dispatch(message);
  }

  private void refused(ClientMessage message, Requests.Kind kind, long waitMillis) {
    if (++refusedInARow >= NetworkGuards.ABUSE_REFUSALS) {
      log.info("closing {}: {} requests in a row past their rate limit", addressKey, refusedInARow);
      link.close(
          Wire.error(
              message.getRequestId(),
              ErrorCode.RATE_LIMITED,
              "Too many requests past the limit; closing. Reconnect in a minute."));
      return;
    }
    ctx.writeAndFlush(
        org.entente.proto.protocol.v1.ServerMessage.newBuilder()
            .setRequestId(message.getRequestId())
            .setError(
                org.entente.proto.protocol.v1.Error.newBuilder()
                    .setCode(ErrorCode.RATE_LIMITED)
                    .setMessage(
                        "Too many "
                            + kind.wireName()
                            + " requests; try again in "
                            + seconds(waitMillis)
                            + ".")
                    .setRetryAfterMillis((int) Math.min(Integer.MAX_VALUE, waitMillis)))
            .build(),
        ctx.voidPromise());
  }

  private static String seconds(long millis) {
    return millis <= 1000 ? "a second" : ((millis + 999) / 1000) + " s";
  }

  /** An answer went out (any thread): hand on the requests that waited for room. */
  private void answered() {
    if (ctx.executor().inEventLoop()) {
      drain();
    } else if (!resumeQueued) {
      resumeQueued = true; // a benign race: at worst one extra task
      ctx.executor().execute(this::drain);
    }
  }

  private void drain() {
    resumeQueued = false;
    while (!waiting.isEmpty() && roomFor(ctx) && ctx.channel().isActive()) {
      handle(waiting.pollFirst());
    }
    if (waiting.isEmpty() && ctx.channel().isActive() && !ctx.channel().config().isAutoRead()) {
      ctx.channel().config().setAutoRead(true);
    }
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) {
    if (ctx.channel().isWritable()) {
      state.onWritable();
      drain();
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
      link.close(
          Wire.error(
              0, ErrorCode.FRAME_TOO_LARGE, "A frame was longer than 65536 bytes; closing."));
    } else if (cause instanceof CorruptedFrameException || cause instanceof DecoderException) {
      link.close(
          Wire.error(
              0, ErrorCode.MALFORMED_FRAME, "A frame did not parse as a ClientMessage; closing."));
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

  /** The peer's address unit (an IPv4 address or an IPv6 /64), the unit that limits on guessing apply to. */
  String remoteHost() {
    return addressKey;
  }

  /** Closes the connection after the current task, so a response written just before goes out first. */
  void closeSoon() {
    ctx.channel().eventLoop().execute(ctx::close);
  }

  String serverName() {
    return serverName;
  }
}
