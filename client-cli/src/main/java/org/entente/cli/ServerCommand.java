package org.entente.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.entente.server.EntenteServer;
import org.entente.server.ServerConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code entente server}: runs a game server for a class until interrupted. */
@Command(
    name = "server",
    mixinStandardHelpOptions = true,
    description = {
      "Run a game server: a teacher creates sessions, students join with a code.",
      "The wire protocol is in docs/protocol.md. Stop with Ctrl-C."
    },
    footer = {
      "",
      "Examples:",
      "  entente server                         listen on port 7777, all interfaces",
      "  entente server --port 9000 --bind 127.0.0.1",
      "  entente server --data-dir /var/lib/entente   journal sessions there (default ./entente-data)",
      "  entente server --in-memory                   keep nothing on disk"
    })
final class ServerCommand implements Callable<Integer> {
  @Option(names = "--port", paramLabel = "PORT", defaultValue = "7777", description = "TCP port (default ${DEFAULT-VALUE}; 0 picks a free one).")
  int port;

  @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "0.0.0.0", description = "Address to listen on (default ${DEFAULT-VALUE}).")
  String bind;

  @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "entente-data",
      description = "Where sessions are journalled and recovered from at start (default ./${DEFAULT-VALUE}); see docs/operations.md.")
  Path dataDir;

  @Option(names = "--in-memory", description = "Keep sessions in memory only: a restart loses them (for trying things out).")
  boolean inMemory;

  @Override
  public Integer call() throws Exception {
    ServerConfig config = ServerConfig.defaults().withPort(port).withBindAddress(bind);
    if (!inMemory) {
      config = config.withDataDir(dataDir);
    }
    EntenteServer server = EntenteServer.builder().config(config).start();
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "entente-shutdown"));
    System.out.println("entente server listening on " + bind + ":" + server.port() + " (Ctrl-C to stop)");
    server.awaitClosed();
    return 0;
  }
}
