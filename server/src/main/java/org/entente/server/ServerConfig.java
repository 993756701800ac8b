package org.entente.server;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.nio.file.Path;
import java.util.Optional;
import org.entente.server.journal.JournalWriter;

/**
 * How to run a server: {@code ./entente server [--port 7777] [--bind ADDRESS] [--data-dir DIR]}.
 *
 * @param port TCP port; 0 picks a free one (see {@link EntenteServer#port()})
 * @param bindAddress address to listen on, e.g. {@code 0.0.0.0} or {@code 127.0.0.1}
 * @param dataDir where sessions are journalled (docs/operations.md); empty keeps them in memory only
 * @param workerThreads threads that run sessions (and load scenarios); 0 means one per core
 * @param eventLoopThreads network threads; 0 means one per core
 * @param maxOpenFiles session files the journal keeps open at once (least recently written
 *     closed first); the descriptor reserve of {@code Limits} must be larger
 */
public record ServerConfig(
    int port,
    String bindAddress,
    Optional<Path> dataDir,
    int workerThreads,
    int eventLoopThreads,
    int maxOpenFiles) {
  public static final int DEFAULT_PORT = 7777;

  public ServerConfig {
    checkArgument(port >= 0 && port <= 65535, "port must be 0..65535: %s", port);
    checkNotNull(bindAddress);
    checkNotNull(dataDir);
    checkArgument(workerThreads >= 0 && eventLoopThreads >= 0, "thread counts must be >= 0");
    checkArgument(maxOpenFiles >= 1, "maxOpenFiles must be >= 1");
  }

  public static ServerConfig defaults() {
    return new ServerConfig(
        DEFAULT_PORT, "0.0.0.0", Optional.empty(), 0, 0, JournalWriter.DEFAULT_MAX_OPEN_FILES);
  }

  public ServerConfig withPort(int newPort) {
    return new ServerConfig(
        newPort, bindAddress, dataDir, workerThreads, eventLoopThreads, maxOpenFiles);
  }

  public ServerConfig withBindAddress(String address) {
    return new ServerConfig(port, address, dataDir, workerThreads, eventLoopThreads, maxOpenFiles);
  }

  public ServerConfig withDataDir(Path dir) {
    return new ServerConfig(
        port, bindAddress, Optional.of(dir), workerThreads, eventLoopThreads, maxOpenFiles);
  }

  public ServerConfig withMaxOpenFiles(int files) {
    return new ServerConfig(port, bindAddress, dataDir, workerThreads, eventLoopThreads, files);
  }

  public ServerConfig withThreads(int workers, int eventLoops) {
    return new ServerConfig(port, bindAddress, dataDir, workers, eventLoops, maxOpenFiles);
  }
}
