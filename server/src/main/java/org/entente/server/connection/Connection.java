package org.entente.server.connection;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import org.entente.proto.protocol.v1.ServerMessage;
import org.entente.server.session.SessionLink;

/** A session's link to one channel. Writes from other threads are queued on the channel's event loop. */
final class Connection implements SessionLink {
  private final Channel channel;

  Connection(Channel channel) {
    this.channel = channel;
  }

  @Override
  public void send(ServerMessage message) {
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
