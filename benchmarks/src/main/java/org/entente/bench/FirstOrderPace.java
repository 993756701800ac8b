package org.entente.bench;

import static org.entente.bench.WebBench.await;
import static org.entente.bench.WebBench.ok;

import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.entente.client.ProtocolClient;
import org.entente.proto.protocol.v1.ClientMessage;
import org.entente.proto.protocol.v1.StartGame;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.interactions.Actions;

/**
 * The wall time of a new student's first order at a human's pace: the path that
 * BrowserFirstOrderTest counts (the address, the code, a name, a country, Join, an order's kind
 * and target, "Add the order"), in headless Chromium at 1366x768 against a journalled server in
 * this process whose game is running. Before each action the student thinks (THINK_MS, default
 * 1000); they type at CHARS_PER_S (default 5) keys a second, one key at a time, the address
 * too (the browser's address bar is not the page's, so the tool waits as long as typing it
 * would take, then navigates). After each action it waits for what the student waits for:
 * the countries listed, the game shown, the order accepted. Prints every step with the time
 * since the start, and the total; asserts nothing. Usage: {@code FirstOrderPace [THINK_MS
 * [CHARS_PER_S]]}.
 */
public final class FirstOrderPace {
  private final WebDriver page;
  private final long thinkMs;
  private final long keyMs;
  private final long start = System.nanoTime();
  private int actions;

  private FirstOrderPace(WebDriver page, long thinkMs, double charsPerSecond) {
    this.page = page;
    this.thinkMs = thinkMs;
    this.keyMs = Math.round(1000 / charsPerSecond);
  }

  public static void main(String[] args) throws Exception {
    long think = args.length > 0 ? Long.parseLong(args[0]) : 1000;
    double cps = args.length > 1 ? Double.parseDouble(args[1]) : 5;
    if (think < 0 || think > 60_000 || cps <= 0 || cps > 50) {
      System.err.println("usage: FirstOrderPace [THINK_MS 0..60000 [CHARS_PER_S 0..50]]");
      System.exit(2);
    }
    System.out.println("load average before: " + WebBench.loadAverage());
    try (WebBench bench = WebBench.start("first-order-pace")) {
      ProtocolClient gm = bench.client();
      String code = WebBench.createSession(gm, 0);
      ok(gm, ClientMessage.newBuilder().setStartGame(StartGame.getDefaultInstance()));
      FirstOrderPace ani = new FirstOrderPace(bench.chromium(1366, 768), think, cps);
      String address = bench.base().substring("http://".length());
      System.out.printf(
          Locale.ROOT,
          "think %d ms before each action, %.1f keys a second; address %s, code %s%n",
          think,
          cps,
          address,
          code);

      ani.think();
      TimeUnit.MILLISECONDS.sleep(ani.keyMs * (address.length() + 1)); // and Enter
      ani.page.get(bench.base());
      await(ani.page, "return document.activeElement.id === 'code'", 30);
      ani.done("typed the address and Enter; the join form is there");
      ani.type(code);
      await(
          ani.page,
          "return document.getElementById('join-scenario').textContent.startsWith('Scenario')",
          30);
      ani.done("typed the code; the countries are listed");
      ani.click("name");
      ani.type("Ani");
      ani.done("typed a name");
      ani.choose("country", "Armenia");
      ani.click("join-button");
      await(
          ani.page,
          "return document.getElementById('turn').textContent.startsWith('Turn 1 of')",
          30);
      ani.done("chose a country, pressed Join; the game is there");
      ani.choose("kind", "JOINT_EXERCISE (1 point)");
      ani.choose("slot-0", "Russia (RUS)");
      ani.click("add-order");
      await(
          ani.page,
          "return document.getElementById('order-added').textContent.startsWith('Order added')",
          30);
      ani.done("chose a kind and a target, pressed Add the order; it is accepted");
      System.out.printf(
          Locale.ROOT,
          "total: %.1f s for %d actions (think time %.1f s of it)%n",
          ani.seconds(),
          ani.actions,
          ani.actions * think / 1000.0);
      System.out.println("load average after: " + WebBench.loadAverage());
    }
  }

  private void think() throws InterruptedException {
    actions++;
    TimeUnit.MILLISECONDS.sleep(thinkMs);
  }

  private void type(String text) throws InterruptedException {
    think();
    for (char c : text.toCharArray()) {
      new Actions(page).sendKeys(String.valueOf(c)).perform();
      TimeUnit.MILLISECONDS.sleep(keyMs);
    }
  }

  private void click(String id) throws InterruptedException {
    think();
    page.findElement(By.id(id)).click();
  }

  /** Two actions: open the list, click the choice. */
  private void choose(String id, String text) throws InterruptedException {
    think();
    think();
    page.findElement(By.xpath("//select[@id='" + id + "']/option[.='" + text + "']")).click();
  }

  private double seconds() {
    return (System.nanoTime() - start) / 1e9;
  }

  private void done(String what) {
    System.out.printf(Locale.ROOT, "%6.1f s  %2d actions  %s%n", seconds(), actions, what);
  }
}
