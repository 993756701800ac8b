package org.entente.server.limits;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.AttributeKey;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.entente.proto.protocol.v1.ErrorCode;
import org.entente.proto.protocol.v1.ServerMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first handler of every connection: counts connections in all and per address
 * ({@link AddressKey}) and refuses one past a cap, or when file descriptors run short, with a
 * TOO_MANY_CONNECTIONS frame and a close, before any other work. One instance serves every
 * channel.
 */
@ChannelHandler.Sharable
public final class ConnectionGate extends ChannelInboundHandlerAdapter {
  private static final Logger log = LoggerFactory.getLogger(ConnectionGate.class);
  private static final AttributeKey<String> COUNTED = AttributeKey.valueOf("entente.counted");

  /** Log a refusal at most this often, so a flood cannot flood the log too. */
  private static final long LOG_EVERY_NANOS = 10_000_000_000L;

  private final Limits limits;
  private final Descriptors descriptors;
  private final AtomicInteger open = new AtomicInteger();
  private final ConcurrentHashMap<String, Integer> byAddress = new ConcurrentHashMap<>();
  private final AtomicInteger refusedSinceLog = new AtomicInteger();
  private volatile long lastLog = System.nanoTime() - LOG_EVERY_NANOS;

  public ConnectionGate(Limits limits, Descriptors descriptors) {
    this.limits = limits;
    this.descriptors = descriptors;
  }

  /** Connections open now. */
  public int open() {
    return open.get();
  }

  /** Connections open now from the address unit {@code key}. */
  public int openFrom(String key) {
    return byAddress.getOrDefault(key, 0);
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    String key = AddressKey.of(ctx.channel().remoteAddress());
    String refusal = admit(key);
    if (refusal != null) {
      refused(key, refusal);
      ctx.writeAndFlush(frame(refusal)).addListener(ChannelFutureListener.CLOSE);
      return;
    }
    ctx.channel().attr(COUNTED).set(key);
    ctx.fireChannelActive();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    String key = ctx.channel().attr(COUNTED).getAndSet(null);
    if (key != null) {
      release(key);
      ctx.fireChannelInactive();
    }
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (ctx.channel().attr(COUNTED).get() == null) {
      io.netty.util.ReferenceCountUtil.release(msg); // a refused connection: read nothing
      return;
    }
    ctx.fireChannelRead(msg);
  }

  /** Counts the connection in, or says why not. */
  private String admit(String key) {
    if (descriptors.runningShort(limits.descriptorReserve(), open.get())) {
      return "The server is short of file descriptors and accepts no new connections for now; try again in a minute.";
    }
    if (open.incrementAndGet() > limits.maxConnections()) {
      open.decrementAndGet();
      return "The server has as many connections as it accepts ("
          + limits.maxConnections()
          + "); try again in a minute.";
    }
    boolean[] admitted = {false};
    byAddress.compute(
        key,
        (k, n) -> {
          int count = n == null ? 0 : n;
          admitted[0] = count < limits.maxConnectionsPerAddress();
          return admitted[0] ? Integer.valueOf(count + 1) : n;
        });
    if (!admitted[0]) {
      open.decrementAndGet();
      return "This network address has "
          + limits.maxConnectionsPerAddress()
          + " connections open, as many as the server accepts from one address; close some and try again.";
    }
    return null;
  }

  private void release(String key) {
    open.decrementAndGet();
    byAddress.computeIfPresent(key, (k, n) -> n <= 1 ? null : n - 1);
  }

  private void refused(String key, String why) {
    int n = refusedSinceLog.incrementAndGet();
    long now = System.nanoTime();
    if (now - lastLog >= LOG_EVERY_NANOS) {
      lastLog = now;
      refusedSinceLog.set(0);
      log.warn(
          "refused {} connection(s) in the last {} s, the latest from {}: {}",
          n,
          LOG_EVERY_NANOS / 1_000_000_000L,
          key,
          why);
    }
  }

  private static ByteBuf frame(String why) {
    byte[] body =
        ServerMessage.newBuilder()
            .setError(
                org.entente.proto.protocol.v1.Error.newBuilder()
                    .setCode(ErrorCode.TOO_MANY_CONNECTIONS)
                    .setMessage(why))
            .build()
            .toByteArray();
    ByteBuf buf = Unpooled.buffer(5 + body.length);
    int n = body.length;
    while ((n & ~0x7f) != 0) {
      buf.writeByte((n & 0x7f) | 0x80);
      n >>>= 7;
    }
    buf.writeByte(n);
    return buf.writeBytes(body);
  }
}
