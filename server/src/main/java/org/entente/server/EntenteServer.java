package org.entente.server;

import static com.google.common.base.Preconditions.checkNotNull;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.entente.server.journal.FileStorage;
import org.entente.server.journal.JournalWriter;
import org.entente.server.journal.SessionFiles;
import org.entente.server.journal.Storage;
import org.entente.server.limits.NetworkGuards;
import org.entente.server.lobby.Lobby;
import org.entente.server.net.ServerInitializer;
import org.entente.server.rules.EngineScenarioCatalog;
import org.entente.server.rules.ScenarioCatalog;
import org.entente.server.session.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Entente game server. Start it in one line:
 *
 * <pre>{@code
 * try (EntenteServer server = EntenteServer.builder().config(config).start()) { ... }
 * }</pre>
 *
 * <p>Netty NIO event loops carry the connections; sessions run on a separate worker pool
 * (one serial executor each), so rules and scenario loading never run on an event loop.
 */
public final class EntenteServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(EntenteServer.class);
  public static final String NAME = "entente-server";

  /** Above this many queued outbound bytes a connection stops receiving events until it drains. */
  static final WriteBufferWaterMark WATER_MARK = new WriteBufferWaterMark(32 * 1024, 128 * 1024);

  private final EventLoopGroup bossGroup;
  private final EventLoopGroup workerGroup;
  private final ExecutorService sessionWorkers;
  private final ScheduledExecutorService timers;
  private final Channel serverChannel;
  private final Lobby lobby;
  private final JournalWriter journal;
  private final NetworkGuards guards;

  private EntenteServer(
      EventLoopGroup boss,
      EventLoopGroup workers,
      ExecutorService sessionWorkers,
      ScheduledExecutorService timers,
      Channel serverChannel,
      Lobby lobby,
      JournalWriter journal,
      NetworkGuards guards) {
    this.guards = guards;
    this.journal = journal;
    this.bossGroup = boss;
    this.workerGroup = workers;
    this.sessionWorkers = sessionWorkers;
    this.timers = timers;
    this.serverChannel = serverChannel;
    this.lobby = lobby;
  }

  /** A server for the built-in scenarios (and scenario files sent by game masters). */
  public static Builder builder() {
    return new Builder(new EngineScenarioCatalog());
  }

  /** A server whose sessions get their rules from {@code catalog}. */
  public static Builder builder(ScenarioCatalog catalog) {
    return new Builder(catalog);
  }

  /** The port the server listens on (useful after binding port 0). */
  public int port() {
    return ((InetSocketAddress) serverChannel.localAddress()).getPort();
  }

  /** Blocks until the server is closed (by {@link #close()} from another thread). */
  public void awaitClosed() throws InterruptedException {
    serverChannel.closeFuture().sync();
  }

  public Lobby lobby() {
    return lobby;
  }

  /** The connection limits in force, with the count of open connections. */
  public NetworkGuards guards() {
    return guards;
  }

  /** Stops accepting, closes every connection and stops the threads; waits at most a few seconds. */
  @Override
  public void close() {
    serverChannel.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
    workerGroup
        .shutdownGracefully(0, 2, TimeUnit.SECONDS)
        .awaitUninterruptibly(3, TimeUnit.SECONDS);
    bossGroup.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(3, TimeUnit.SECONDS);
    timers.shutdownNow();
    lobby.close();
    sessionWorkers.shutdown();
    try {
      sessionWorkers.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (journal != null) {
      journal.close();
    }
    log.info("server stopped");
  }

  /** Builds and starts a server. */
  public static final class Builder {
    private final ScenarioCatalog catalog;
    private ServerConfig config = ServerConfig.defaults();
    private Clock clock = Clock.systemUTC();
    private Storage storage = new FileStorage();
    private NetworkGuards guards;
    private Lobby.Admission admission = Lobby.Admission.defaults();
    private io.netty.handler.ssl.SslContext tls;

    private Builder(ScenarioCatalog catalog) {
      this.catalog = checkNotNull(catalog);
    }

    public Builder config(ServerConfig newConfig) {
      this.config = checkNotNull(newConfig);
      return this;
    }

    /** The file layer under the data directory (tests substitute one that fails on demand). */
    public Builder storage(Storage newStorage) {
      this.storage = checkNotNull(newStorage);
      return this;
    }

    /** Connection limits, timeouts and rate limits (default: {@link NetworkGuards#defaults()}). */
    public Builder guards(NetworkGuards newGuards) {
      this.guards = checkNotNull(newGuards);
      return this;
    }

    /** Speak TLS on the port (see {@link org.entente.server.net.Tls}); plain TCP by default. */
    public Builder tls(io.netty.handler.ssl.SslContext context) {
      this.tls = checkNotNull(context);
      return this;
    }

    /** Who may create sessions, and the bounds on validating uploaded scenarios. */
    public Builder admission(Lobby.Admission newAdmission) {
      this.admission = checkNotNull(newAdmission);
      return this;
    }

    public Builder clock(Clock newClock) {
      this.clock = checkNotNull(newClock);
      return this;
    }

    /**
     * Recovers the sessions of the data directory (if any), then binds and starts; throws if
     * the journal is damaged ({@link org.entente.server.journal.CorruptJournalException}) or
     * the address cannot be bound.
     */
    public EntenteServer start() throws InterruptedException, IOException {
      int cores = Runtime.getRuntime().availableProcessors();
      ExecutorService sessionWorkers =
          Executors.newFixedThreadPool(
              config.workerThreads() == 0 ? cores : config.workerThreads(),
              new DefaultThreadFactory("entente-session", true));
      ScheduledExecutorService timers =
          Executors.newSingleThreadScheduledExecutor(
              new DefaultThreadFactory("entente-timer", true));
      Scheduler scheduler =
          (delay, task) -> {
            var future = timers.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
            return () -> future.cancel(false);
          };
      JournalWriter journal = null;
      Lobby lobby;
      if (config.dataDir().isPresent()) {
        Path dir = config.dataDir().get().toAbsolutePath();
        log.info(
            "data dir {}: sessions are journalled under {}", dir, SessionFiles.sessionsDir(dir));
        journal = JournalWriter.start(storage, dir, config.maxOpenFiles());
        lobby =
            new Lobby(
                catalog, sessionWorkers, scheduler, clock, new SecureRandom(), journal, admission);
        try {
          Lobby.Recovery recovery = lobby.recover();
          log.info(
              "recovery: {} commit log entries of {} sessions put back into their segments; {} sessions found, {} journal records replayed, {} torn bytes cut",
              recovery.commitLog().entries(),
              recovery.commitLog().sessions(),
              recovery.sessions(),
              recovery.records(),
              recovery.tornBytes());
        } catch (IOException | RuntimeException e) {
          log.error("recovery failed: {}", e.getMessage());
          journal.close();
          timers.shutdownNow();
          sessionWorkers.shutdown();
          throw e;
        }
      } else {
        log.warn(
            "no data dir: sessions are kept in memory only and are lost when the server stops");
        lobby =
            new Lobby(
                catalog, sessionWorkers, scheduler, clock, new SecureRandom(), null, admission);
      }
      NetworkGuards netGuards = guards != null ? guards : NetworkGuards.defaults();
      EventLoopGroup boss = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
      EventLoopGroup workers =
          new MultiThreadIoEventLoopGroup(config.eventLoopThreads(), NioIoHandler.newFactory());
      try {
        Channel channel =
            new ServerBootstrap()
                .group(boss, workers)
                .channel(NioServerSocketChannel.class)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, WATER_MARK)
                .childHandler(new ServerInitializer(lobby, NAME, netGuards, tls))
                .bind(config.bindAddress(), config.port())
                .sync()
                .channel();
        EntenteServer server =
            new EntenteServer(
                boss, workers, sessionWorkers, timers, channel, lobby, journal, netGuards);
        log.info("listening on {}:{}", config.bindAddress(), server.port());
        return server;
      } catch (RuntimeException | InterruptedException e) {
        workers.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        boss.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        timers.shutdownNow();
        sessionWorkers.shutdown();
        if (journal != null) {
          journal.close();
        }
        throw e;
      }
    }
  }
}
