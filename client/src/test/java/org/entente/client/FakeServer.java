package org.entente.client;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.protobuf.ProtobufDecoder;
import io.netty.handler.codec.protobuf.ProtobufEncoder;
import io.netty.handler.codec.protobuf.ProtobufVarint32FrameDecoder;
import io.netty.handler.codec.protobuf.ProtobufVarint32LengthFieldPrepender;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.entente.proto.protocol.v1.ClientMessage;
import org.entente.proto.protocol.v1.ServerMessage;

/**
 * A stand-in server on a loopback port with the real framing: it answers each request with
 * what its {@link Script} says and records every request it received, for tests of the client
 * at its own layer (the real server is not a dependency of this module).
 */
final class FakeServer implements AutoCloseable {
  /** The answer to one request; {@code channel} lets a script push events or close. */
  interface Script {
    ServerMessage.Builder answer(ClientMessage request, Channel channel);
  }

  private final EventLoopGroup group =
      new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
  private final ChannelGroup open = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
  private final List<ClientMessage> received = new CopyOnWriteArrayList<>();
  private final Channel listener;

  FakeServer(Script script) throws InterruptedException {
    listener =
        new ServerBootstrap()
            .group(group)
            .channel(NioServerSocketChannel.class)
            .childHandler(
                new ChannelInitializer<Channel>() {
                  @Override
                  protected void initChannel(Channel ch) {
                    open.add(ch);
                    ch.pipeline()
                        .addLast(new ProtobufVarint32FrameDecoder(ProtocolClient.MAX_FRAME_BYTES))
                        .addLast(new ProtobufDecoder(ClientMessage.getDefaultInstance()))
                        .addLast(new ProtobufVarint32LengthFieldPrepender())
                        .addLast(new ProtobufEncoder())
                        .addLast(
                            new SimpleChannelInboundHandler<ClientMessage>() {
                              @Override
                              protected void channelRead0(
                                  ChannelHandlerContext ctx, ClientMessage m) {
                                received.add(m);
                                ServerMessage.Builder answer = script.answer(m, ctx.channel());
                                if (answer != null) {
                                  ctx.writeAndFlush(answer.setRequestId(m.getRequestId()).build());
                                }
                              }
                            });
                  }
                })
            .bind("127.0.0.1", 0)
            .sync()
            .channel();
  }

  int port() {
    return ((java.net.InetSocketAddress) listener.localAddress()).getPort();
  }

  /** Every request received so far, in order, over every connection. */
  List<ClientMessage> received() {
    return List.copyOf(received);
  }

  /** Pushes an event to every connected client. */
  void push(org.entente.proto.protocol.v1.Event.Builder event) {
    open.writeAndFlush(ServerMessage.newBuilder().setEvent(event).build())
        .awaitUninterruptibly(2, TimeUnit.SECONDS);
  }

  /** Closes every client connection, as a failing network would. */
  void dropConnections() {
    open.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
  }

  @Override
  public void close() {
    listener.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
    open.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(2, TimeUnit.SECONDS);
  }
}
