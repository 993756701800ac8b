package org.entente.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.entente.server.EntenteServer;
import org.entente.server.ServerConfig;
import org.entente.server.journal.JournalWriter;
import org.entente.server.limits.Descriptors;
import org.entente.server.limits.Limits;
import org.entente.server.limits.NetworkGuards;
import org.entente.server.limits.RateLimiter;
import org.entente.server.limits.RatePolicy;
import org.entente.server.lobby.Lobby;
import org.entente.server.net.Tls;
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
      "  entente server --in-memory                   keep nothing on disk",
      "  entente server --tls-self-signed             TLS with a certificate made on first start",
      "  entente server --create-key key.txt          only teachers with the key create sessions",
      "  entente server --idle-session-minutes 30     end sessions nobody started and nobody is in after 30 min",
      "",
      "Every limit also reads ENTENTE_<OPTION> from the environment (ENTENTE_MAX_CONNECTIONS=2000)",
      "or a line of --config FILE (max-connections=2000); a flag wins. See docs/operations.md."
    },
    defaultValueProvider = ServerDefaults.class)
final class ServerCommand implements Callable<Integer> {
  @Option(
      names = "--port",
      paramLabel = "PORT",
      defaultValue = "7777",
      description = "TCP port (default ${DEFAULT-VALUE}; 0 picks a free one).")
  int port;

  @Option(
      names = "--bind",
      paramLabel = "ADDRESS",
      defaultValue = "0.0.0.0",
      description = "Address to listen on (default ${DEFAULT-VALUE}).")
  String bind;

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      defaultValue = "entente-data",
      description =
          "Where sessions are journalled and recovered from at start (default ./${DEFAULT-VALUE}); see docs/operations.md.")
  Path dataDir;

  @Option(
      names = "--in-memory",
      description = "Keep sessions in memory only: a restart loses them (for trying things out).")
  boolean inMemory;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "A properties file of option values (name=value, names without the dashes).")
  Path config;

  @Option(
      names = "--tls-cert",
      paramLabel = "FILE",
      description = "Speak TLS with this PEM certificate chain (with --tls-key).")
  Path tlsCert;

  @Option(
      names = "--tls-key",
      paramLabel = "FILE",
      description = "The PEM (PKCS#8) private key of --tls-cert.")
  Path tlsKey;

  @Option(
      names = "--tls-self-signed",
      description =
          "Speak TLS with a self-signed certificate made on first start and kept in the data directory; prints its fingerprint.")
  boolean tlsSelfSigned;

  @Option(
      names = "--create-key",
      paramLabel = "FILE",
      description =
          "Only clients that give the key in FILE may create sessions (entente connect asks for it).")
  Path createKey;

  @Option(
      names = "--idle-session-minutes",
      paramLabel = "N",
      defaultValue = "120",
      description =
          "End a session nobody has started once nobody has been connected to it for N minutes (default ${DEFAULT-VALUE}).")
  private long idleSessionMinutes;

  @Option(
      names = "--max-connections",
      paramLabel = "N",
      defaultValue = "5000",
      description = "Connections open at once, in all (default ${DEFAULT-VALUE}).")
  int maxConnections;

  @Option(
      names = "--max-connections-per-address",
      paramLabel = "N",
      defaultValue = "250",
      description =
          "Connections from one IPv4 address or IPv6 /64 (default ${DEFAULT-VALUE}: a few classes behind one school router).")
  int maxConnectionsPerAddress;

  @Option(
      names = "--hello-timeout",
      paramLabel = "SECONDS",
      defaultValue = "10",
      description =
          "Close a connection that sends no hello within this time (default ${DEFAULT-VALUE}).")
  int helloTimeout;

  @Option(
      names = "--no-rate-limits",
      description =
          "Turn the per-seat and per-address rate limits off: for load tests only (entente bench), never for a class.")
  boolean noRateLimits;

  @Option(
      names = "--max-open-files",
      paramLabel = "N",
      defaultValue = "" + JournalWriter.DEFAULT_MAX_OPEN_FILES,
      description =
          "Session files kept open at once, least recently written closed first (default ${DEFAULT-VALUE});"
              + " connections are refused while fewer than N + "
              + Limits.JOURNAL_DESCRIPTOR_HEADROOM
              + " descriptors are free.")
  int maxOpenFiles;

  @Option(
      names = "--heartbeat",
      paramLabel = "SECONDS",
      defaultValue = "20",
      description =
          "Ping a connection silent this long; close it after twice this (default ${DEFAULT-VALUE}).")
  int heartbeat;

  @Override
  public Integer call() throws Exception {
    ServerConfig serverConfig = ServerConfig.defaults().withPort(port).withBindAddress(bind);
    if (!inMemory) {
      serverConfig = serverConfig.withDataDir(dataDir);
    }
    if (heartbeat < 1
        || helloTimeout < 1
        || maxConnections < 1
        || maxConnectionsPerAddress < 1
        || maxOpenFiles < 1) {
      System.err.println("entente server: limits and timeouts must be at least 1.");
      return 2;
    }
    serverConfig = serverConfig.withMaxOpenFiles(maxOpenFiles);
    Limits limits =
        Limits.defaults()
            .withConnections(maxConnections, maxConnectionsPerAddress)
            .withDescriptorReserve(maxOpenFiles + Limits.JOURNAL_DESCRIPTOR_HEADROOM)
            .withTimeouts(
                Duration.ofSeconds(helloTimeout),
                Duration.ofSeconds(heartbeat),
                Limits.defaults().partialFrameTimeout());
    EntenteServer.Builder builder =
        EntenteServer.builder()
            .config(serverConfig)
            .guards(
                new NetworkGuards(
                    limits,
                    noRateLimits
                        ? RatePolicy.all(new RatePolicy.Rate(1_000_000_000, 1_000_000_000))
                        : RatePolicy.defaults(),
                    Descriptors.ofThisProcess(),
                    new RateLimiter(System::nanoTime)));
    if (idleSessionMinutes < 1) {
      System.err.println("entente server: --idle-session-minutes must be at least 1.");
      return 2;
    }
    Lobby.Admission admission =
        Lobby.Admission.defaults().withIdleSessionTimeout(Duration.ofMinutes(idleSessionMinutes));
    if (createKey != null) {
      String key = Files.readString(createKey).strip();
      if (key.length() < 8) {
        System.err.println(
            "entente server: the creation key in " + createKey + " is shorter than 8 characters.");
        return 2;
      }
      admission = admission.withCreationKey(key);
    }
    builder.admission(admission);
    String scheme = "";
    if (tlsSelfSigned || tlsCert != null || tlsKey != null) {
      if (tlsSelfSigned == (tlsCert != null) || (tlsCert == null) != (tlsKey == null)) {
        System.err.println(
            "entente server: give either --tls-self-signed or both --tls-cert and --tls-key.");
        return 2;
      }
      Tls.Server tls =
          tlsSelfSigned
              ? Tls.selfSigned(
                  (inMemory ? Path.of("entente-tls") : dataDir).resolve("tls"),
                  java.net.InetAddress.getLocalHost().getHostName())
              : Tls.fromFiles(tlsCert, tlsKey);
      builder.tls(tls.context());
      scheme = "tls://";
      System.out.println("TLS certificate fingerprint " + tls.fingerprint());
    }
    EntenteServer server = builder.start();
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "entente-shutdown"));
    System.out.println(
        "entente server listening on " + scheme + bind + ":" + server.port() + " (Ctrl-C to stop)");
    String page = org.entente.server.web.WebAddress.of(!scheme.isEmpty(), bind, server.port());
    System.out.println("in a browser: students open " + page + ", the game master " + page + "gm");
    server.awaitClosed();
    return 0;
  }
}
