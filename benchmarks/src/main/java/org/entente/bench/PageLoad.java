package org.entente.bench;

import static org.entente.bench.WebBench.await;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * How long the web client's three pages take to load and to become usable, on loopback: the
 * student page {@code /}, the projector {@code /watch/CODE} (a session of the built-in scenario
 * in its lobby) and the game master's page {@code /gm}, against a journalled server in this
 * process, in one headless Chromium window whose page is 1366x768. Each page is loaded N times,
 * one fresh navigation after another; the tab's sessionStorage is emptied before each, so every
 * load is a first visit (the projector spectates anew, no page resumes a seat). The first load
 * of each page runs with the browser's cache disabled (DevTools' Network.setCacheDisabled),
 * the others with it on (the server sends {@code Cache-Control: no-cache} without validators,
 * so a warm load fetches every file again over a kept-alive connection).
 *
 * <p>From the page's Navigation Timing entry: responseEnd (the document's last byte),
 * domContentLoadedEventEnd and loadEventEnd; and "usable", the first animation frame after the
 * page shows what needs its WebSocket's answers: the join form with its code field focused (the
 * hello answered), the projector's join code (spectate, resume and briefing answered), the
 * session form with the scenarios listed (list_scenarios answered). A MutationObserver that a
 * DevTools script installs before the page's own scripts stamps it. All times are
 * milliseconds from the navigation's start. Prints every load and, per page, the cold load and
 * the warm loads' median and max; asserts nothing. Usage: {@code PageLoad [N]} (default 10, 2
 * to 100).
 */
public final class PageLoad {
  /** Runs in every document before its scripts: stamps when the page first becomes usable. */
  private static final String STAMP_USABLE =
      """
      (() => {
        const $ = (id) => document.getElementById(id);
        const shown = (id) => $(id) && !$(id).classList.contains('hidden');
        const usable = {
          '/': () => shown('join') && document.activeElement === $('code'),
          '/watch': () => $('joincode') && $('joincode').textContent.length > 0,
          '/gm': () => shown('create') && $('scenario').options.length > 0,
        }['/' + location.pathname.split('/')[1]];
        if (!usable) return;
        const observer = new MutationObserver(() => {
          if (window.usableInDom !== undefined || !usable()) return;
          window.usableInDom = performance.now();
          observer.disconnect();
          requestAnimationFrame(() => { window.usableFrame = performance.now(); });
        });
        observer.observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
      })();
      """;

  private static final String TIMINGS =
      """
      const n = performance.getEntriesByType('navigation')[0];
      return [n.responseEnd, n.domContentLoadedEventEnd, n.loadEventEnd, window.usableFrame,
        n.transferSize];
      """;

  private static final String[] MEASURES = {"responseEnd", "DOMContentLoaded", "load", "usable"};

  private PageLoad() {}

  /** A summary row: what it is, then the measures, each under its name. */
  private static String row(String what, List<Long> values) {
    StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-52s", what));
    for (int m = 0; m < MEASURES.length; m++) {
      line.append(String.format(Locale.ROOT, "  %" + MEASURES[m].length() + "d", values.get(m)));
    }
    return line.toString();
  }

  public static void main(String[] args) throws Exception {
    int loads = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    if (loads < 2 || loads > 100) {
      System.err.println("usage: PageLoad [N 2..100]");
      System.exit(2);
    }
    System.out.println("load average before: " + WebBench.loadAverage());
    try (WebBench bench = WebBench.start("page-load")) {
      String code = WebBench.createSession(bench.client(), 0);
      Map<String, String> pages = new LinkedHashMap<>();
      pages.put("student /", bench.base());
      pages.put("projector /watch/CODE", bench.base() + "watch/" + code);
      pages.put("game master /gm", bench.base() + "gm");
      ChromeDriver browser = bench.chromium(1366, 768);
      browser.executeCdpCommand("Network.enable", Map.of());
      browser.executeCdpCommand(
          "Page.addScriptToEvaluateOnNewDocument", Map.of("source", STAMP_USABLE));
      List<String> summaries = new ArrayList<>();
      System.out.println(
          "page                    load  cache     responseEnd  DOMContentLoaded  load  usable"
              + "  document bytes");
      for (Map.Entry<String, String> page : pages.entrySet()) {
        List<List<Long>> warm = new ArrayList<>();
        List<Long> cold = null;
        for (int i = 1; i <= loads; i++) {
          if (browser.getCurrentUrl().startsWith(bench.base())) {
            browser.executeScript("sessionStorage.clear()");
          }
          browser.get("about:blank");
          browser.executeCdpCommand("Network.setCacheDisabled", Map.of("cacheDisabled", i == 1));
          browser.get(page.getValue());
          await(
              browser,
              "const n = performance.getEntriesByType('navigation')[0];"
                  + " return n !== undefined && n.loadEventEnd > 0"
                  + " && window.usableFrame !== undefined",
              30);
          List<?> t = (List<?>) browser.executeScript(TIMINGS);
          List<Long> ms = new ArrayList<>();
          for (int m = 0; m < MEASURES.length; m++) {
            ms.add(Math.round(((Number) t.get(m)).doubleValue()));
          }
          System.out.printf(
              Locale.ROOT,
              "%-22s  %4d  %-8s  %11d  %16d  %4d  %6d  %14d%n",
              page.getKey(),
              i,
              i == 1 ? "disabled" : "on",
              ms.get(0),
              ms.get(1),
              ms.get(2),
              ms.get(3),
              ((Number) t.get(4)).longValue());
          if (i == 1) {
            cold = ms;
          } else {
            warm.add(ms);
          }
        }
        summaries.add(row(page.getKey() + ", cache disabled (load 1)", cold));
        List<Long> median = new ArrayList<>();
        List<Long> max = new ArrayList<>();
        for (int m = 0; m < MEASURES.length; m++) {
          int measure = m;
          List<Long> sorted = warm.stream().map(w -> w.get(measure)).sorted().toList();
          median.add(sorted.get((sorted.size() - 1) / 2));
          max.add(sorted.get(sorted.size() - 1));
        }
        summaries.add(row(page.getKey() + ", cache on: median of " + warm.size(), median));
        summaries.add(row(page.getKey() + ", cache on: max of " + warm.size(), max));
      }
      System.out.printf(
          Locale.ROOT,
          "%-52s  %s%n",
          "summary (ms from the navigation's start)",
          String.join("  ", MEASURES));
      summaries.forEach(System.out::println);
      System.out.println("load average after: " + WebBench.loadAverage());
    }
  }
}
