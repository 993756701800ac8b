package org.entente.server.net;

import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.protobuf.ProtobufDecoder;
import io.netty.handler.codec.protobuf.ProtobufEncoder;
import io.netty.handler.codec.protobuf.ProtobufVarint32FrameDecoder;
import io.netty.handler.codec.protobuf.ProtobufVarint32LengthFieldPrepender;
import org.entente.proto.protocol.v1.ClientMessage;
import org.entente.server.connection.ConnectionHandler;
import org.entente.server.lobby.Lobby;

/** The server's pipeline, top to bottom: framing, protobuf, then the connection's state machine. */
public final class ServerInitializer extends ChannelInitializer<Channel> {
  private static final ProtobufVarint32LengthFieldPrepender PREPENDER = new ProtobufVarint32LengthFieldPrepender();
  private static final ProtobufEncoder ENCODER = new ProtobufEncoder();
  private static final ProtobufDecoder DECODER = new ProtobufDecoder(ClientMessage.getDefaultInstance());

  private final Lobby lobby;
  private final String serverName;

  public ServerInitializer(Lobby lobby, String serverName) {
    this.lobby = lobby;
    this.serverName = serverName;
  }

  @Override
  protected void initChannel(Channel channel) {
    ChannelPipeline p = channel.pipeline();
    p.addLast("frameDecoder", new ProtobufVarint32FrameDecoder(Frames.MAX_FRAME_BYTES));
    p.addLast("protobufDecoder", DECODER);
    p.addLast("framePrepender", PREPENDER);
    p.addLast("protobufEncoder", ENCODER);
    p.addLast("connection", new ConnectionHandler(lobby, serverName));
  }
}
