package org.entente.server.net;

import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.protobuf.ProtobufDecoder;
import io.netty.handler.codec.protobuf.ProtobufEncoder;
import io.netty.handler.codec.protobuf.ProtobufVarint32LengthFieldPrepender;
import io.netty.handler.flush.FlushConsolidationHandler;
import io.netty.handler.ssl.SslContext;
import org.entente.proto.protocol.v1.ClientMessage;
import org.entente.server.connection.ConnectionHandler;
import org.entente.server.limits.NetworkGuards;
import org.entente.server.lobby.Lobby;
import org.entente.server.web.WebPipeline;

/**
 * The server's pipeline, top to bottom: the connection gate (caps, before any work), TLS if
 * configured, flush consolidation (see {@link #FLUSHES_PER_WRITE}), the sniffer (a connection that opens with an HTTP request line gets the web
 * client's handlers instead of the next ones: {@link WebPipeline}), framing,
 * protobuf, the heartbeat and timeouts, then the connection's state machine.
 */
public final class ServerInitializer extends ChannelInitializer<Channel> {
  private static final ProtobufVarint32LengthFieldPrepender PREPENDER =
      new ProtobufVarint32LengthFieldPrepender();
  private static final ProtobufEncoder ENCODER = new ProtobufEncoder();
  private static final ProtobufDecoder DECODER =
      new ProtobufDecoder(ClientMessage.getDefaultInstance());

  /**
   * Flushes folded into one socket write at most. A session thread sends each message with
   * its own flush (an answer, each event to each seat); writing each to the socket at once
   * made one system call per message, a fifth of the server's CPU under a class's load. Folded,
   * the messages queued for a connection while its event loop was busy leave in one write at
   * the end of the loop's pass, in the same order; while the loop reads, its answers leave
   * when the read completes.
   */
  static final int FLUSHES_PER_WRITE = 256;

  private final Lobby lobby;
  private final String serverName;
  private final NetworkGuards guards;
  private final SslContext tls;

  /** {@code tls} null: plain TCP. */
  public ServerInitializer(Lobby lobby, String serverName, NetworkGuards guards, SslContext tls) {
    this.lobby = lobby;
    this.serverName = serverName;
    this.guards = guards;
    this.tls = tls;
  }

  public ServerInitializer(Lobby lobby, String serverName, NetworkGuards guards) {
    this(lobby, serverName, guards, null);
  }

  /** With the default limits, plain TCP. */
  public ServerInitializer(Lobby lobby, String serverName) {
    this(lobby, serverName, NetworkGuards.defaults());
  }

  @Override
  protected void initChannel(Channel channel) {
    ChannelPipeline p = channel.pipeline();
    TimedFrameDecoder frames = new TimedFrameDecoder();
    p.addLast("gate", guards.gate());
    if (tls != null) {
      p.addLast("tls", tls.newHandler(channel.alloc()));
    }
    p.addLast("flushes", new FlushConsolidationHandler(FLUSHES_PER_WRITE, true));
    p.addLast(
        "sniffer",
        new ProtocolSniffer(
            ctx -> WebPipeline.replaceNative(ctx.pipeline(), lobby, serverName, guards)));
    p.addLast("frameDecoder", frames);
    p.addLast("protobufDecoder", DECODER);
    p.addLast("framePrepender", PREPENDER);
    p.addLast("protobufEncoder", ENCODER);
    p.addLast("heartbeat", new Heartbeat(guards.limits(), frames));
    p.addLast("connection", new ConnectionHandler(lobby, serverName, guards));
  }
}
