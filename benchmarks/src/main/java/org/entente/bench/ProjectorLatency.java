package org.entente.bench;

import static org.entente.bench.WebBench.await;
import static org.entente.bench.WebBench.ok;
import static org.entente.bench.WebBench.summary;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.entente.client.ProtocolClient;
import org.entente.proto.protocol.v1.ClientMessage;
import org.entente.proto.protocol.v1.Event;
import org.entente.proto.protocol.v1.JoinSession;
import org.entente.proto.protocol.v1.SetReady;
import org.entente.proto.protocol.v1.Spectate;
import org.entente.proto.protocol.v1.StartGame;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * How long after a turn's last {@code ready} the projector page shows the turn's report: a
 * server in this process (loopback, journalled to a temporary directory, so the report waits
 * for its fsync as in class), a session of the built-in scenario with seven native students
 * and a native spectator, and the projector page ({@code /watch/CODE}) in headless Chromium
 * (the system Chromium and chromedriver). For each turn every seat but one says ready, then
 * the last one does; the page stamps the first animation frame after its report list shows
 * that turn (a MutationObserver, then requestAnimationFrame, Date.now()), the tool compares it
 * with the wall clock when it sent the last ready. Prints every turn and the summary; asserts
 * nothing. Usage: {@code ProjectorLatency [TURNS]} (default 10, at most 100).
 */
public final class ProjectorLatency {
  private static final String[] SEATS = {"ARM", "ARM", "RUS", "RUS", "AZE", "USA", "FRA"};
  private static final String STAMP_REPORTS =
      """
      window.reportShown = {};
      window.reportInDom = {};
      const list = document.getElementById('report');
      new MutationObserver(() => {
        const m = /Turn (\\d+) \\(/.exec(list.textContent);
        if (!m || window.reportInDom[m[1]]) return;
        window.reportInDom[m[1]] = Date.now();
        requestAnimationFrame(() => {
          window.reportShown[m[1]] = Date.now();
          (window.waiting[m[1]] || []).forEach((done) => done());
        });
      }).observe(list, { childList: true, subtree: true, characterData: true });
      window.waiting = {};
      """;

  /** Answers, once the page has shown turn arguments[0]'s report, [in the DOM, first frame]. */
  private static final String WHEN_SHOWN =
      """
      const turn = arguments[0];
      const done = arguments[arguments.length - 1];
      const answer = () => done([window.reportInDom[turn], window.reportShown[turn]]);
      if (window.reportShown[turn] !== undefined) answer();
      else (window.waiting[turn] = window.waiting[turn] || []).push(answer);
      """;

  private ProjectorLatency() {}

  public static void main(String[] args) throws Exception {
    int turns = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    if (turns < 1 || turns > 100) {
      System.err.println("usage: ProjectorLatency [TURNS 1..100]");
      System.exit(2);
    }
    System.out.println("load average before: " + WebBench.loadAverage());
    try (WebBench bench = WebBench.start("projector-latency")) {
      ProtocolClient gm = bench.client();
      String code = WebBench.createSession(gm, turns + 1);
      List<ProtocolClient> seats = new ArrayList<>();
      for (int i = 0; i < SEATS.length; i++) {
        ProtocolClient seat = bench.client();
        ok(
            seat,
            ClientMessage.newBuilder()
                .setJoinSession(
                    JoinSession.newBuilder()
                        .setJoinCode(code)
                        .setDisplayName("Student " + i)
                        .setCountry(SEATS[i])));
        seats.add(seat);
      }
      Map<Integer, Long> spectatorGot = new ConcurrentHashMap<>();
      Map<Integer, Long> opened = new ConcurrentHashMap<>();
      ProtocolClient spectator = bench.client();
      spectator.onEvent(
          (Event e) -> {
            if (e.hasTurnReport()) {
              spectatorGot.putIfAbsent(e.getTurnReport().getTurn(), System.currentTimeMillis());
            } else if (e.hasPhaseChanged()) {
              opened.putIfAbsent(e.getPhaseChanged().getTurn(), System.currentTimeMillis());
            }
          });
      ok(
          spectator,
          ClientMessage.newBuilder()
              .setSpectate(Spectate.newBuilder().setJoinCode(code).setDisplayName("Observer")));

      WebDriver projector = bench.chromium(1920, 1080);
      projector.get(bench.base() + "watch/" + code);
      await(projector, "return document.getElementById('joincode').textContent.length > 0", 30);
      ok(gm, ClientMessage.newBuilder().setStartGame(StartGame.getDefaultInstance()));
      await(projector, "return !document.getElementById('game').classList.contains('hidden')", 30);
      ((JavascriptExecutor) projector).executeScript(STAMP_REPORTS);
      projector.manage().timeouts().scriptTimeout(java.time.Duration.ofSeconds(30));

      List<Long> shown = new ArrayList<>();
      List<Long> inDom = new ArrayList<>();
      List<Long> atSpectator = new ArrayList<>();
      System.out.println("turn  spectator ms  projector DOM ms  projector frame ms");
      for (int turn = 1; turn <= turns; turn++) {
        for (int i = 0; i < seats.size() - 1; i++) {
          ok(seats.get(i), ready(turn));
        }
        TimeUnit.MILLISECONDS.sleep(300); // the page is idle when the last ready goes
        long sent = System.currentTimeMillis();
        seats.get(seats.size() - 1).request(ready(turn));
        List<?> stamps =
            (List<?>)
                ((JavascriptExecutor) projector)
                    .executeAsyncScript(WHEN_SHOWN, String.valueOf(turn));
        long dom = ((Number) stamps.get(0)).longValue() - sent;
        long frame = ((Number) stamps.get(1)).longValue() - sent;
        long atSpectatorMs = spectatorGot.getOrDefault(turn, sent) - sent;
        inDom.add(dom);
        shown.add(frame);
        atSpectator.add(atSpectatorMs);
        System.out.printf(Locale.ROOT, "%4d  %12d  %16d  %18d%n", turn, atSpectatorMs, dom, frame);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!opened.containsKey(turn + 1) && System.nanoTime() < deadline) {
          TimeUnit.MILLISECONDS.sleep(5);
        }
      }
      System.out.println(
          "summary over "
              + turns
              + " turns (ms): spectator "
              + summary(atSpectator)
              + "; projector DOM "
              + summary(inDom)
              + "; projector frame "
              + summary(shown));
      System.out.println("load average after: " + WebBench.loadAverage());
    }
  }

  private static ClientMessage.Builder ready(int turn) {
    return ClientMessage.newBuilder()
        .setSetReady(SetReady.newBuilder().setTurn(turn).setReady(true));
  }
}
