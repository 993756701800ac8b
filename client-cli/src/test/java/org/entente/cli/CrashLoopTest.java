package org.entente.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.entente.client.ProtocolClient;
import org.entente.proto.protocol.v1.Channel;
import org.entente.proto.protocol.v1.ClientMessage;
import org.entente.proto.protocol.v1.CreateSession;
import org.entente.proto.protocol.v1.GetHistory;
import org.entente.proto.protocol.v1.HistoryPage;
import org.entente.proto.protocol.v1.JoinSession;
import org.entente.proto.protocol.v1.ListScenarios;
import org.entente.proto.protocol.v1.Resume;
import org.entente.proto.protocol.v1.SendMessage;
import org.entente.proto.protocol.v1.ServerMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kill -9 loop: a real server process (the fat jar if {@code -Dentente.jar=...}, else the
 * same main class on the test classpath) journals a session in which three players post
 * messages, each with an idempotency key; it is killed (SIGKILL) at a random moment,
 * restarted on the same data directory, the players resume with their tokens and retry what
 * got no answer with the same keys; then every acknowledged message is there exactly once
 * and none twice. {@code -Dcrash.cycles=N} (default 2; {@code -Pcrash} and
 * {@code scripts/crash-loop.sh} run 50).
 */
class CrashLoopTest {
  private static final Pattern LISTENING = Pattern.compile("listening on \\S+:(\\d+)");
  private static final int PLAYERS = 3;

  @TempDir Path data;

  private final long seed = Long.getLong("crash.seed", System.nanoTime());
  private final Random random = new Random(seed);
  private final Map<Long, String> acked = new ConcurrentHashMap<>();

  /** Per player: the request in flight when the server died (key and text), retried after restart. */
  private final Map<Integer, long[]> inFlight = new ConcurrentHashMap<>();

  private String joinCode;
  private String gmToken;
  private final String[] tokens = new String[PLAYERS];

  @Test
  void everyAcknowledgedMessageSurvivesKillMinusNineExactlyOnce() throws Exception {
    int cycles = Integer.getInteger("crash.cycles", 2);
    System.out.println(
        "crash loop: " + cycles + " cycles, seed " + seed + " (-Dcrash.seed to repeat)");
    for (int cycle = 0; cycle < cycles; cycle++) {
      Process server = startServer();
      try {
        int port = awaitPort(server);
        if (cycle == 0) {
          setUp(port);
        }
        long killAfter = 100 + random.nextInt(600);
        CompletableFuture<Void> killer =
            CompletableFuture.runAsync(
                () -> {
                  try {
                    Thread.sleep(killAfter);
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                  server.destroyForcibly();
                });
        List<Thread> players = new ArrayList<>();
        for (int p = 0; p < PLAYERS; p++) {
          int player = p;
          int c = cycle;
          Thread t = new Thread(() -> play(port, player, c));
          t.start();
          players.add(t);
        }
        for (Thread t : players) {
          t.join(30_000);
        }
        killer.get(30, TimeUnit.SECONDS);
        server.waitFor(10, TimeUnit.SECONDS);
      } finally {
        server.destroyForcibly();
      }
    }
    Process server = startServer();
    try {
      int port = awaitPort(server);
      for (int p = 0; p < PLAYERS; p++) {
        play(port, p, cycles); // retries what was in flight at the last kill, then a few more
      }
      verify(port);
    } finally {
      server.destroyForcibly();
    }
  }

  private Process startServer() throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    String jar = System.getProperty("entente.jar", "");
    if (!jar.isEmpty()) {
      command.addAll(List.of("-jar", jar));
    } else {
      command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
    }
    command.addAll(
        List.of("server", "--data-dir", data.toString(), "--port", "0", "--bind", "127.0.0.1"));
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
        .start();
  }

  /** Reads the server's log until "listening on ADDRESS:PORT"; a refusal to start fails the test with the log. */
  private static int awaitPort(Process server) throws Exception {
    BufferedReader log =
        new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
    StringBuilder seen = new StringBuilder();
    for (String line; (line = log.readLine()) != null; ) {
      seen.append(line).append('\n');
      Matcher m = LISTENING.matcher(line);
      if (m.find()) {
        Thread drain = new Thread(() -> log.lines().forEach(l -> {}));
        drain.setDaemon(true);
        drain.start();
        return Integer.parseInt(m.group(1));
      }
    }
    throw new AssertionError("the server did not start:\n" + seen);
  }

  private void setUp(int port) throws Exception {
    try (ProtocolClient gm = ProtocolClient.connectAndHello("127.0.0.1", port, "crash-loop")) {
      ServerMessage list =
          gm.request(
                  ClientMessage.newBuilder().setListScenarios(ListScenarios.getDefaultInstance()))
              .get(10, TimeUnit.SECONDS);
      var scenario = list.getScenarioList().getScenarios(0);
      List<String> countries =
          scenario.getCountriesList().stream()
              .filter(c -> c.getPlayable())
              .map(c -> c.getId())
              .toList();
      ServerMessage created =
          gm.request(
                  ClientMessage.newBuilder()
                      .setIdempotencyKey(1)
                      .setCreateSession(
                          CreateSession.newBuilder()
                              .setBuiltinScenarioId(scenario.getId())
                              .setDisplayName("Teacher")))
              .get(10, TimeUnit.SECONDS);
      joinCode = created.getSessionCreated().getJoinCode();
      gmToken = created.getSessionCreated().getGameMasterToken();
      for (int p = 0; p < PLAYERS; p++) {
        try (ProtocolClient player =
            ProtocolClient.connectAndHello("127.0.0.1", port, "crash-loop")) {
          ServerMessage joined =
              player
                  .request(
                      ClientMessage.newBuilder()
                          .setIdempotencyKey(10 + p)
                          .setJoinSession(
                              JoinSession.newBuilder()
                                  .setJoinCode(joinCode)
                                  .setDisplayName("Player " + p)
                                  .setCountry(countries.get(p % countries.size()))))
                  .get(10, TimeUnit.SECONDS);
          assertThat(joined.hasJoined()).as(joined.toString()).isTrue();
          tokens[p] = joined.getJoined().getSeatToken();
        }
      }
    }
  }

  /** Resumes, retries the request in flight at the last crash, then posts until the server dies (or 20 posts). */
  private void play(int port, int player, int cycle) {
    try (ProtocolClient client = ProtocolClient.connectAndHello("127.0.0.1", port, "crash-loop")) {
      ServerMessage resumed =
          client
              .request(
                  ClientMessage.newBuilder()
                      .setResume(
                          Resume.newBuilder().setJoinCode(joinCode).setToken(tokens[player])))
              .get(10, TimeUnit.SECONDS);
      assertThat(resumed.hasResumed()).as(resumed.toString()).isTrue();
      for (int n = 0; n < 20; n++) {
        long[] pending = inFlight.get(player);
        long key = pending != null ? pending[0] : (long) player << 40 | (long) cycle << 20 | n;
        inFlight.put(player, new long[] {key});
        String text = "p" + player + " k" + key;
        ServerMessage response =
            client
                .request(
                    ClientMessage.newBuilder()
                        .setIdempotencyKey(key)
                        .setSendMessage(
                            SendMessage.newBuilder().setChannel(Channel.PUBLIC).setText(text)))
                .get(10, TimeUnit.SECONDS);
        if (response.getError().getCode() == org.entente.proto.protocol.v1.ErrorCode.RATE_LIMITED) {
          // Past the chat burst: nothing was done; wait as told and send the same request again.
          Thread.sleep(response.getError().getRetryAfterMillis());
          n--;
          continue;
        }
        assertThat(response.hasHistoryPage()).as(response.toString()).isTrue();
        acked.put(key, text);
        inFlight.remove(player);
      }
    } catch (Exception e) {
      // The server was killed: whatever is in flight is retried after the restart.
    }
  }

  private void verify(int port) throws Exception {
    try (ProtocolClient gm = ProtocolClient.connectAndHello("127.0.0.1", port, "crash-loop")) {
      assertThat(
              gm.request(
                      ClientMessage.newBuilder()
                          .setResume(Resume.newBuilder().setJoinCode(joinCode).setToken(gmToken)))
                  .get(10, TimeUnit.SECONDS)
                  .hasResumed())
          .isTrue();
      Map<String, Integer> counts = new HashMap<>();
      long before = 0;
      while (true) {
        HistoryPage page =
            gm.request(
                    ClientMessage.newBuilder()
                        .setGetHistory(GetHistory.newBuilder().setBeforeSeq(before).setLimit(100)))
                .get(10, TimeUnit.SECONDS)
                .getHistoryPage();
        page.getMessagesList().forEach(m -> counts.merge(m.getText(), 1, Integer::sum));
        if (!page.getMore() || page.getMessagesCount() == 0) {
          break;
        }
        before = page.getMessages(page.getMessagesCount() - 1).getSeq();
      }
      assertThat(acked).isNotEmpty();
      for (String text : acked.values()) {
        assertThat(counts.getOrDefault(text, 0)).as("acknowledged message '%s'", text).isEqualTo(1);
      }
      assertThat(counts.values()).as("no message twice").allMatch(c -> c == 1);
    }
  }
}
