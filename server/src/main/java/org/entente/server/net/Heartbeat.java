package org.entente.server.net;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.util.concurrent.AbstractScheduledEventExecutor;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.entente.proto.protocol.v1.ClientMessage;
import org.entente.proto.protocol.v1.ErrorCode;
import org.entente.proto.protocol.v1.Ping;
import org.entente.proto.protocol.v1.ServerMessage;
import org.entente.server.limits.Limits;
import org.entente.server.session.Wire;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a connection honest about being alive: no Hello within {@link Limits#helloTimeout()},
 * silence for two {@link Limits#heartbeat()} intervals (the first ends with a Ping), or a frame
 * left half sent for {@link Limits#partialFrameTimeout()} closes it with TIMED_OUT. Pongs are
 * consumed here. One timer per connection, rescheduled for the nearest deadline. While the
 * server holds a connection's bytes unread because its own answers are late (too many of the
 * connection's requests in flight), the silence and the half frame are not the client's and
 * their clocks wait.
 */
public final class Heartbeat extends ChannelDuplexHandler {
  private static final Logger log = LoggerFactory.getLogger(Heartbeat.class);
  private final Limits limits;
  private final LongSupplier partialSinceNanos;
  private ChannelHandlerContext ctx;
  private ScheduledFuture<?> timer;
  private long openedAt;
  private long lastReadAt;
  private long pingNonce;
  private boolean pinged;
  private boolean helloSeen;

  /** The last check at which the server itself held this connection's bytes unread. */
  private long heldAt;

  public Heartbeat(Limits limits, TimedFrameDecoder frames) {
    this(limits, frames::partialSinceNanos);
  }

  /** {@code partialSinceNanos}: since when a frame has waited half received, 0 if none (a WebSocket's is always 0). */
  public Heartbeat(Limits limits, LongSupplier partialSinceNanos) {
    this.limits = limits;
    this.partialSinceNanos = partialSinceNanos;
  }

  /** The event loop's clock (a test's EmbeddedChannel moves it with {@code advanceTimeBy}). */
  static long nanoTime(ChannelHandlerContext ctx) {
    return ctx.executor() instanceof AbstractScheduledEventExecutor e
        ? e.ticker().nanoTime()
        : System.nanoTime();
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    this.ctx = ctx;
    if (ctx.channel().isActive()) {
      start();
    }
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    start();
    ctx.fireChannelActive();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    stop();
    ctx.fireChannelInactive();
  }

  @Override
  public void handlerRemoved(ChannelHandlerContext ctx) {
    stop();
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    lastReadAt = nanoTime(ctx);
    pinged = false;
    if (msg instanceof ClientMessage m) {
      if (m.hasPong()) {
        return; // any word counts as a sign of life; the nonce is not checked
      }
      if (m.hasHello()) {
        helloSeen = true;
      }
    }
    ctx.fireChannelRead(msg);
  }

  private void start() {
    if (timer == null && openedAt == 0) {
      openedAt = nanoTime(ctx);
      lastReadAt = openedAt;
      schedule(nextWake(openedAt));
    }
  }

  private void stop() {
    if (timer != null) {
      timer.cancel(false);
      timer = null;
    }
  }

  /**
   * Nanoseconds from {@code now} to the nearest deadline: Hello, the ping, the close after it,
   * or the partial frame's; never longer than half the partial-frame timeout, since a frame may
   * begin at any time.
   */
  private long nextWake(long now) {
    long wake = now + limits.partialFrameTimeout().toNanos() / 2;
    if (!helloSeen) {
      wake = Math.min(wake, openedAt + limits.helloTimeout().toNanos());
    }
    long interval = limits.heartbeat().toNanos();
    wake = Math.min(wake, lastReadAt + (pinged ? 2 * interval : interval));
    long partial = partialSince();
    if (partial != 0) {
      wake = Math.min(wake, partial + limits.partialFrameTimeout().toNanos());
    }
    return wake - now;
  }

  /** Since when a frame waits half received, not counting while the server held it unread. */
  private long partialSince() {
    long partial = partialSinceNanos.getAsLong();
    return partial == 0 ? 0 : Math.max(partial, heldAt);
  }

  /**
   * Whether the server itself holds this connection's bytes unread: it stopped reading while
   * its answers still leave (the connection's requests in flight are at their limit: the
   * server is slow, not the client). A client that does not read its answers is not excused.
   */
  private boolean serverHolding() {
    return !ctx.channel().config().isAutoRead() && ctx.channel().isWritable();
  }

  private void schedule(long delayNanos) {
    timer =
        ctx.executor()
            .schedule(this::check, Math.max(delayNanos, 1_000_000L), TimeUnit.NANOSECONDS);
  }

  private void check() {
    timer = null;
    if (!ctx.channel().isActive()) {
      return;
    }
    long now = nanoTime(ctx);
    if (!helloSeen && now - openedAt >= limits.helloTimeout().toNanos()) {
      timedOut("No hello within " + limits.helloTimeout().toSeconds() + " s; closing.");
      return;
    }
    if (serverHolding()) {
      // What the client sent waits in the server's buffers: no silence, no frame left
      // unfinished by the client, until the server reads again.
      heldAt = now;
      lastReadAt = now;
      pinged = false;
    }
    long partial = partialSince();
    if (partial != 0 && now - partial >= limits.partialFrameTimeout().toNanos()) {
      timedOut(
          "A frame was left unfinished for "
              + limits.partialFrameTimeout().toSeconds()
              + " s; closing.");
      return;
    }
    long silent = now - lastReadAt;
    long interval = limits.heartbeat().toNanos();
    if (silent >= 2 * interval) {
      timedOut(
          "No answer to the server's ping for "
              + limits.heartbeat().multipliedBy(2).toSeconds()
              + " s; closing.");
      return;
    }
    if (silent >= interval && !pinged) {
      pinged = true;
      ctx.writeAndFlush(
          ServerMessage.newBuilder().setPing(Ping.newBuilder().setNonce(++pingNonce)).build(),
          ctx.voidPromise());
    }
    schedule(nextWake(now));
  }

  private void timedOut(String why) {
    log.info("closing {}: {}", ctx.channel().remoteAddress(), why);
    ctx.writeAndFlush(Wire.error(0, ErrorCode.TIMED_OUT, why))
        .addListener(ChannelFutureListener.CLOSE);
  }
}
