package org.entente.server.connection;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.entente.proto.protocol.v1.ErrorCode;
import org.entente.proto.protocol.v1.ServerMessage;
import org.entente.server.net.Frames;
import org.entente.server.session.SessionLink;
import org.entente.server.session.Wire;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A session's link to one channel. Writes from other threads are queued on the channel's event
 * loop. Counts the requests being handled (each answer ends one) and the bytes waiting to be
 * written: past {@code maxQueuedBytes} the slow reader is closed with SLOW_CONSUMER.
 */
final class Connection implements SessionLink {
  private static final Logger log = LoggerFactory.getLogger(Connection.class);
  private final Channel channel;
  private final long maxQueuedBytes;
  private final Runnable onAnswered;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicLong queuedBytes = new AtomicLong();
  private final AtomicBoolean closing = new AtomicBoolean();

  /** {@code onAnswered} runs (on any thread) after each answer to a request. */
  Connection(Channel channel, long maxQueuedBytes, Runnable onAnswered) {
    this.channel = channel;
    this.maxQueuedBytes = maxQueuedBytes;
    this.onAnswered = onAnswered;
  }

  /** A request was handed to the connection's state; its answer will end it. */
  void started() {
    inFlight.incrementAndGet();
  }

  /** Requests handed on and not answered yet. */
  int inFlight() {
    return inFlight.get();
  }

  /** Bytes queued for the client and not written yet. */
  long queuedBytes() {
    return queuedBytes.get();
  }

  @Override
  public void send(ServerMessage message) {
    if (message.getSerializedSize() > Frames.MAX_FRAME_BYTES) {
      // Never send a frame the client must refuse; this is a server bug, not the client's.
      log.error(
          "dropping a {}-byte {} to {}",
          message.getSerializedSize(),
          message.getBodyCase(),
          channel.remoteAddress());
      message =
          Wire.error(
              message.getRequestId(), ErrorCode.UNAVAILABLE, "The answer was too large to send.");
    }
    int size = message.getSerializedSize() + 5;
    if (queuedBytes.addAndGet(size) > maxQueuedBytes) {
      queuedBytes.addAndGet(-size);
      if (closing.compareAndSet(false, true)) {
        log.info(
            "closing {}: {} bytes waited for a client that does not read",
            channel.remoteAddress(),
            queuedBytes.get());
        channel.close();
      }
      return;
    }
    channel.writeAndFlush(message).addListener(f -> queuedBytes.addAndGet(-size));
    if (isAnswer(message)) {
      answered();
    }
  }

  private static boolean isAnswer(ServerMessage message) {
    return !message.hasEvent() && !message.hasPing();
  }

  private void answered() {
    if (inFlight.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      onAnswered.run();
    }
  }

  @Override
  public boolean isWritable() {
    return channel.isWritable();
  }

  @Override
  public void close(ServerMessage lastWords) {
    if (lastWords == null) {
      channel.close();
    } else {
      channel.writeAndFlush(lastWords).addListener(ChannelFutureListener.CLOSE);
      if (isAnswer(lastWords)) {
        answered();
      }
    }
  }

  Channel channel() {
    return channel;
  }
}
