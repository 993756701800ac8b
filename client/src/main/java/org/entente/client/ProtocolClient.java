package org.entente.client;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.protobuf.ProtobufDecoder;
import io.netty.handler.codec.protobuf.ProtobufEncoder;
import io.netty.handler.codec.protobuf.ProtobufVarint32FrameDecoder;
import io.netty.handler.codec.protobuf.ProtobufVarint32LengthFieldPrepender;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.concurrent.Future;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.entente.proto.protocol.v1.ClientMessage;
import org.entente.proto.protocol.v1.Event;
import org.entente.proto.protocol.v1.Hello;
import org.entente.proto.protocol.v1.ProtocolVersion;
import org.entente.proto.protocol.v1.ServerMessage;

/**
 * A small Netty client for the Entente protocol: connect (over TLS for a {@code tls://}
 * address), say hello, send requests and get each response as a future, and subscribe to
 * pushed events. Thread-safe. Listeners run on
 * the client's network thread and must not block.
 */
public final class ProtocolClient implements AutoCloseable {
  /** The largest frame body either side may send in protocol version 1 (protocol.proto's header). */
  public static final int MAX_FRAME_BYTES = 64 * 1024;

  private static final long HANDSHAKE_SECONDS = 10;

  private final EventLoopGroup group;

  /** Whether {@link #close()} shuts {@link #group} down (not when it was lent by the caller). */
  private final boolean ownsGroup;

  private volatile Channel channel;
  private final AtomicLong nextRequestId = new AtomicLong(1);
  private final Map<Long, CompletableFuture<ServerMessage>> pending = new ConcurrentHashMap<>();
  private final CopyOnWriteArrayList<Consumer<Event>> eventListeners = new CopyOnWriteArrayList<>();
  private final CopyOnWriteArrayList<Consumer<ServerMessage>> unsolicited =
      new CopyOnWriteArrayList<>();
  private final CompletableFuture<Void> closed = new CompletableFuture<>();

  private ProtocolClient(EventLoopGroup group, boolean ownsGroup) {
    this.group = group;
    this.ownsGroup = ownsGroup;
  }

  /** Connects over plain TCP (without saying hello), on a network thread of its own. */
  public static ProtocolClient connect(String host, int port) throws InterruptedException {
    return plain(host, port, new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory()), true);
  }

  /**
   * Connects over plain TCP on {@code shared}, an event loop group the caller owns and shuts
   * down (many connections of one process, e.g. a load test, share a few threads).
   */
  public static ProtocolClient connect(String host, int port, EventLoopGroup shared)
      throws InterruptedException {
    return plain(host, port, shared, false);
  }

  private static ProtocolClient plain(
      String host, int port, EventLoopGroup group, boolean ownsGroup) throws InterruptedException {
    try {
      return connect(
          new ServerAddress(host, port), ServerTrust.authoritiesOnly(), group, ownsGroup);
    } catch (IOException e) {
      throw new IllegalStateException("plain TCP has no TLS handshake to fail", e);
    }
  }

  /**
   * Connects (without saying hello); a {@code tls://} address speaks TLS and checks the server's
   * certificate with {@code trust} before this returns.
   *
   * @throws UntrustedServerException if the server's certificate is not trusted
   * @throws IOException if the TLS handshake fails for another reason
   */
  public static ProtocolClient connect(ServerAddress address, ServerTrust trust)
      throws InterruptedException, IOException {
    return connect(
        address, trust, new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory()), true);
  }

  private static ProtocolClient connect(
      ServerAddress address, ServerTrust trust, EventLoopGroup group, boolean ownsGroup)
      throws InterruptedException, IOException {
    ServerTrust.Check check;
    try {
      check = address.tls() ? trust.check(address) : null;
    } catch (IOException | RuntimeException e) {
      if (ownsGroup) {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
      }
      throw e;
    }
    String host = address.host();
    int port = address.port();
    ProtocolClient client = new ProtocolClient(group, ownsGroup);
    Handler handler = new Handler(client);
    try {
      Channel channel =
          new Bootstrap()
              .group(group)
              .channel(NioSocketChannel.class)
              .option(ChannelOption.TCP_NODELAY, true)
              .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 5000)
              .handler(
                  new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) throws IOException {
                      if (check != null) {
                        ch.pipeline().addLast("tls", check.newHandler(ch.alloc()));
                      }
                      ch.pipeline()
                          .addLast(
                              "frameDecoder", new ProtobufVarint32FrameDecoder(MAX_FRAME_BYTES))
                          .addLast(
                              "protobufDecoder",
                              new ProtobufDecoder(ServerMessage.getDefaultInstance()))
                          .addLast("framePrepender", new ProtobufVarint32LengthFieldPrepender())
                          .addLast("protobufEncoder", new ProtobufEncoder())
                          .addLast("client", handler);
                    }
                  })
              .connect(host, port)
              .sync()
              .channel();
      client.channel = channel;
      channel.closeFuture().addListener(f -> client.onClosed());
      if (check != null) {
        awaitHandshake(address, channel.pipeline().get(SslHandler.class), check);
      }
      return client;
    } catch (RuntimeException | InterruptedException | IOException e) {
      if (ownsGroup) {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
      }
      throw e;
    }
  }

  private static void awaitHandshake(ServerAddress address, SslHandler tls, ServerTrust.Check check)
      throws IOException, InterruptedException {
    Future<Channel> handshake = tls.handshakeFuture();
    if (!handshake.await(HANDSHAKE_SECONDS, TimeUnit.SECONDS)) {
      throw new IOException(
          "the TLS handshake with " + address + " took longer than " + HANDSHAKE_SECONDS + " s");
    }
    if (!handshake.isSuccess()) {
      if (check.refused().isPresent()) {
        throw check.refused().get();
      }
      throw new IOException(
          "the TLS handshake with "
              + address
              + " failed ("
              + handshake.cause().getMessage()
              + "); if the server does not speak TLS, connect to "
              + address
              + " without tls://",
          handshake.cause());
    }
  }

  /** Connects over plain TCP and exchanges hellos. */
  public static ProtocolClient connectAndHello(String host, int port, String clientName)
      throws Exception {
    return connectAndHello(
        new ServerAddress(host, port), ServerTrust.authoritiesOnly(), clientName);
  }

  /** Connects (with TLS for a {@code tls://} address, see {@link #connect(ServerAddress, ServerTrust)}) and exchanges hellos. */
  public static ProtocolClient connectAndHello(
      ServerAddress address, ServerTrust trust, String clientName) throws Exception {
    ProtocolClient client = connect(address, trust);
    ServerMessage answer;
    try {
      answer = client.hello(clientName).get(10, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      client.close();
      if (!address.tls() && e.getCause() instanceof IOException) {
        // A TLS server closes a connection whose first bytes are not a TLS handshake.
        throw new IOException(
            "the server closed the connection at hello; if it speaks TLS (its start-up line"
                + " shows tls://), connect to "
                + ServerAddress.TLS_SCHEME
                + address,
            e.getCause());
      }
      throw e;
    }
    if (!answer.hasWelcome()) {
      client.close();
      throw new IOException("hello refused: " + answer.getError().getMessage());
    }
    return client;
  }

  public CompletableFuture<ServerMessage> hello(String clientName) {
    return request(
        ClientMessage.newBuilder()
            .setHello(
                Hello.newBuilder()
                    .setProtocolVersion(ProtocolVersion.PROTOCOL_VERSION_1)
                    .setClientName(clientName)));
  }

  /** Sends a request with a fresh id; the future completes with the response echoing it. */
  public CompletableFuture<ServerMessage> request(ClientMessage.Builder message) {
    long id = nextRequestId.getAndIncrement();
    CompletableFuture<ServerMessage> response = new CompletableFuture<>();
    pending.put(id, response);
    if (closed.isDone()) {
      pending.remove(id);
      response.completeExceptionally(new IOException("connection closed"));
      return response;
    }
    channel
        .writeAndFlush(message.setRequestId(id).build())
        .addListener(
            f -> {
              if (!f.isSuccess()) {
                pending.remove(id);
                response.completeExceptionally(f.cause());
              }
            });
    return response;
  }

  /** Subscribes to pushed events, in the order the server sent them. */
  public void onEvent(Consumer<Event> listener) {
    eventListeners.add(listener);
  }

  /** Subscribes to messages that answer no request (e.g. REPLACED before the server closes). */
  public void onUnsolicited(Consumer<ServerMessage> listener) {
    unsolicited.add(listener);
  }

  /** Completes when the connection is closed, by either side. */
  public CompletableFuture<Void> closeFuture() {
    return closed;
  }

  public boolean isOpen() {
    return channel.isActive();
  }

  @Override
  public void close() {
    channel.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
    if (ownsGroup) {
      group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(2, TimeUnit.SECONDS);
    }
  }

  private void received(ServerMessage message) {
    if (message.hasPing()) {
      // The heartbeat: answered at once, on the event loop, whatever the application is doing.
      channel.writeAndFlush(
          ClientMessage.newBuilder()
              .setPong(
                  org.entente.proto.protocol.v1.Pong.newBuilder()
                      .setNonce(message.getPing().getNonce()))
              .build());
      return;
    }
    if (message.hasEvent()) {
      eventListeners.forEach(l -> l.accept(message.getEvent()));
      return;
    }
    CompletableFuture<ServerMessage> response =
        message.getRequestId() == 0 ? null : pending.remove(message.getRequestId());
    if (response != null) {
      response.complete(message);
    } else {
      unsolicited.forEach(l -> l.accept(message));
    }
  }

  private void onClosed() {
    closed.complete(null);
    IOException gone = new IOException("connection closed");
    pending.values().forEach(f -> f.completeExceptionally(gone));
    pending.clear();
  }

  private static final class Handler extends SimpleChannelInboundHandler<ServerMessage> {
    private final ProtocolClient client;

    Handler(ProtocolClient client) {
      this.client = client;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, ServerMessage message) {
      client.received(message);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      ctx.close();
    }
  }
}
