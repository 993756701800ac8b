package org.entente.server.connection;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import org.entente.proto.protocol.v1.ErrorCode;
import org.entente.proto.protocol.v1.ServerMessage;
import org.entente.server.net.Frames;
import org.entente.server.session.Wire;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.entente.server.session.SessionLink;

/** A session's link to one channel. Writes from other threads are queued on the channel's event loop. */
final class Connection implements SessionLink {
  private static final Logger log = LoggerFactory.getLogger(Connection.class);
  private final Channel channel;

  Connection(Channel channel) {
    this.channel = channel;
  }

  @Override
  public void send(ServerMessage message) {
    if (message.getSerializedSize() > Frames.MAX_FRAME_BYTES) {
      // Never send a frame the client must refuse; this is a server bug, not the client's.
      log.error("dropping a {}-byte {} to {}", message.getSerializedSize(), message.getBodyCase(), channel.remoteAddress());
      message = Wire.error(message.getRequestId(), ErrorCode.UNAVAILABLE, "The answer was too large to send.");
    }
    channel.writeAndFlush(message, channel.voidPromise());
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
    }
  }

  Channel channel() {
    return channel;
  }
}
