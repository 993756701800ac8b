package org.entente.server;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.nio.file.Path;
import java.util.Optional;

/**
 * How to run a server: {@code ./entente server [--port 7777] [--bind ADDRESS] [--data-dir DIR]}.
 *
 * @param port TCP port; 0 picks a free one (see {@link EntenteServer#port()})
 * @param bindAddress address to listen on, e.g. {@code 0.0.0.0} or {@code 127.0.0.1}
 * @param dataDir where sessions are journalled (docs/operations.md); empty keeps them in memory only
 * @param workerThreads threads that run sessions (and load scenarios); 0 means one per core
 * @param eventLoopThreads network threads; 0 means one per core
 */
public record ServerConfig(
    int port, String bindAddress, Optional<Path> dataDir, int workerThreads, int eventLoopThreads) {
  public static final int DEFAULT_PORT = 7777;

  public ServerConfig {
    checkArgument(port >= 0 && port <= 65535, "port must be 0..65535: %s", port);
    checkNotNull(bindAddress);
    checkNotNull(dataDir);
    checkArgument(workerThreads >= 0 && eventLoopThreads >= 0, "thread counts must be >= 0");
  }

  public static ServerConfig defaults() {
    return new ServerConfig(DEFAULT_PORT, "0.0.0.0", Optional.empty(), 0, 0);
  }

  public ServerConfig withPort(int newPort) {
    return new ServerConfig(newPort, bindAddress, dataDir, workerThreads, eventLoopThreads);
  }

  public ServerConfig withBindAddress(String address) {
    return new ServerConfig(port, address, dataDir, workerThreads, eventLoopThreads);
  }

  public ServerConfig withDataDir(Path dir) {
    return new ServerConfig(port, bindAddress, Optional.of(dir), workerThreads, eventLoopThreads);
  }

  public ServerConfig withThreads(int workers, int eventLoops) {
    return new ServerConfig(port, bindAddress, dataDir, workers, eventLoops);
  }
}
