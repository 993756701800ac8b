package org.entente.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.entente.server.web.BrowserClass.ok;
import static org.entente.server.web.Browsers.script;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.entente.client.ProtocolClient;
import org.entente.proto.protocol.v1.Channel;
import org.entente.proto.protocol.v1.ClientMessage;
import org.entente.proto.protocol.v1.SendMessage;
import org.entente.proto.protocol.v1.SetReady;
import org.entente.server.web.AxTree.Node;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.interactions.Actions;

/**
 * The student's main flows as a screen-reader user meets them: every control is found by its
 * role and accessible name in Chromium's accessibility tree (the tree a screen reader reads,
 * through the DevTools Protocol), never by its id, and acted on with the keyboard where the
 * focus is; what the page says back is read from the live regions (role status or alert, or
 * aria-live) that were in the tree before the change, as a screen reader announces only
 * those. No real screen reader runs here: this checks what Chromium would hand one. Each node
 * checked is printed ("screen reader: ...").
 */
class ScreenReaderFlowTest {
  @RegisterExtension static final BrowserClass web = new BrowserClass("screen-reader-test");

  private static final Set<String> TEXT_FIELDS = Set.of("textbox", "searchbox");
  private static final String REFUSED_REASON = "no notice to rescind";

  @Test
  void aStudentJoinsOrdersReadsAMessageAndTheReportThroughTheAccessibilityTree() throws Exception {
    ProtocolClient gm = web.nativeClient();
    String code = BrowserClass.createSession(gm);
    BrowserClass.startGame(gm);
    ProtocolClient dana = web.nativeClient();
    BrowserClass.joinNatively(dana, code, "Dana", "AZE");
    ScreenReader ani = new ScreenReader(web.open(1366, 768));

    // 1. Join: each field's name says what to type, the country is a list of named options.
    ani.driver.get(web.base());
    Node codeField = ani.until("join", t -> control(t, TEXT_FIELDS, "code"));
    ani.type(codeField, code);
    Node nameField = ani.until("join", t -> control(t, TEXT_FIELDS, "name"));
    ani.type(nameField, "Ani");
    Node country =
        ani.until(
            "join",
            t -> {
              Node list = enabled(control(t, Set.of("combobox", "listbox"), "country"));
              assertThat(namedOptions(t, list)).contains("Armenia", "Azerbaijan");
              return list;
            });
    ani.log("join", "options of " + country.name() + ": " + namedOptions(ani.tree(), country));
    ani.until("join", t -> notStale(control(t, Set.of("combobox"), "country")));
    ani.choose(country, "Armenia");
    AxTree beforeJoin = ani.tree();
    ani.press(ani.until("join", t -> control(t, Set.of("button"), "join")));
    // The new screen is announced: the focus lands on its heading, and a status says whose seat.
    ani.until("after join", ScreenReaderFlowTest::focusOnHeading);
    ani.until("after join", t -> announced(beforeJoin, t, "You joined Armenia"));

    // 2. A first order: its kind and options are named; a refused one says the engine's reason.
    Node kind =
        ani.until(
            "orders",
            t -> {
              Node list = described(control(t, Set.of("combobox"), "kind of order"));
              assertThat(namedOptions(t, list))
                  .as("each kind read out in words first, then as orders spell it")
                  .contains("Rescind notice (RESCIND_NOTICE, 1 point)");
              return list;
            });
    ani.choose(kind, "Rescind notice (RESCIND_NOTICE, ");
    ani.choose(ani.until("orders", t -> control(t, Set.of("combobox"), "organisation")), "(CSTO)");
    AxTree beforeRefused = ani.tree();
    Node add = ani.until("orders", t -> control(t, Set.of("button"), "add the order"));
    ani.press(add);
    Said refused = ani.until("refused order", t -> announced(beforeRefused, t, "Refused: "));
    assertThat(refused.region().role()).as("what says %s", refused).isEqualTo("alert");
    assertThat(refused.text()).contains(REFUSED_REASON);
    Node refusal = refused.region();

    ani.choose(
        ani.until("orders", t -> control(t, Set.of("combobox"), "kind")),
        "Give notice (GIVE_NOTICE, ");
    ani.choose(ani.until("orders", t -> control(t, Set.of("combobox"), "organisation")), "(CSTO)");
    AxTree beforeAdded = ani.tree();
    ani.press(add);
    ani.until("accepted order", t -> announced(beforeAdded, t, "Order added: GIVE_NOTICE CSTO"));
    ani.until(
        "accepted order",
        t -> {
          assertThat(t.byBackendId(refusal.backendId()).map(t::text))
              .as("the refusal, once the order is accepted")
              .hasValue("");
          return control(t, Set.of("button"), "remove GIVE_NOTICE CSTO");
        });
    Node draft = ani.until("orders", t -> control(t, Set.of("list"), "our orders"));

    // 3. A message from another student is announced, and counted in the Messages tab's name;
    // the orders, unchanged, are not read out again.
    AxTree beforeMessage = ani.tree();
    ok(
        dana,
        ClientMessage.newBuilder()
            .setSendMessage(
                SendMessage.newBuilder()
                    .setChannel(Channel.PRIVATE)
                    .setToCountry("ARM")
                    .setText("Shall we talk about the corridor?")));
    ani.until(
        "message", t -> announced(beforeMessage, t, "Dana: Shall we talk about the corridor?"));
    Node messagesTab = ani.until("message", t -> counted(control(t, Set.of("tab"), "messages")));
    ani.until("message", t -> notAnnouncedAgain(beforeMessage, t, draft));
    ani.press(messagesTab);
    ani.until(
        "message",
        t -> {
          Node inbox = control(t, Set.of("list"), "inbox");
          assertThat(t.text(inbox)).contains("Shall we talk about the corridor?");
          return inbox;
        });

    // 4. Everyone is ready: the turn's end is announced, and its report is a heading in the
    // Reports panel.
    ok(
        dana,
        ClientMessage.newBuilder().setSetReady(SetReady.newBuilder().setTurn(1).setReady(true)));
    AxTree beforeReady = ani.tree();
    ani.press(ani.until("ready", t -> control(t, Set.of("button"), "we are ready")));
    ani.until("turn resolved", t -> announced(beforeReady, t, "Turn 1 was resolved"));
    ani.press(ani.until("turn resolved", t -> control(t, Set.of("tab"), "reports")));
    ani.until("report", t -> report(t, "Turn 1"));
  }

  /**
   * Each check above fails on a page that lacks what it checks: the defects are planted in the
   * page (JS on the DOM, undone after), and each check is also run on the page as it is.
   */
  @Test
  void theChecksFailOnPlantedDefects() throws Exception {
    ProtocolClient gm = web.nativeClient();
    String code = BrowserClass.createSession(gm);
    BrowserClass.startGame(gm);
    WebDriver page = web.open(1366, 768);
    page.get(web.base());
    Browsers.visible(page, "code").sendKeys(code);
    Browsers.waiting(page).until(d -> !Browsers.textOf(d, "country").isEmpty());
    ScreenReader bo = new ScreenReader(page);

    // A field whose label is gone has no name; the country list's help is stale once enabled.
    bo.until("plant", t -> control(t, TEXT_FIELDS, "name"));
    script(page, "document.querySelector('label[for=name]').htmlFor = ''");
    assertThatThrownBy(() -> control(bo.tree(), TEXT_FIELDS, "name"))
        .isInstanceOf(AssertionError.class);
    script(page, "document.querySelector('label[for=\"\"]').htmlFor = 'name'");
    bo.until("plant", t -> notStale(control(t, Set.of("combobox"), "country")));
    script(
        page,
        "document.getElementById('country').setAttribute('aria-describedby', 'country-help')");
    assertThatThrownBy(() -> notStale(control(bo.tree(), Set.of("combobox"), "country")))
        .isInstanceOf(AssertionError.class);

    web.join(page, code, "Bo", "ARM");
    // Focus left on the page rather than the new screen's heading.
    bo.until("plant", ScreenReaderFlowTest::focusOnHeading);
    script(page, "document.activeElement.blur()");
    assertThatThrownBy(() -> focusOnHeading(bo.tree())).isInstanceOf(AssertionError.class);

    // An unnamed option, an undescribed kind list.
    Node kind = bo.until("plant", t -> described(control(t, Set.of("combobox"), "kind")));
    namedOptions(bo.tree(), kind);
    script(page, "document.getElementById('kind').append(document.createElement('option'))");
    assertThatThrownBy(() -> namedOptions(bo.tree(), kind)).isInstanceOf(AssertionError.class);
    script(page, "document.getElementById('kind').lastElementChild.remove()");
    script(page, "document.getElementById('kind').removeAttribute('aria-describedby')");
    assertThatThrownBy(() -> described(control(bo.tree(), Set.of("combobox"), "kind")))
        .isInstanceOf(AssertionError.class);
    script(page, "document.getElementById('kind').setAttribute('aria-describedby', 'kind-help')");

    // Text put where no live region was before: in a plain paragraph, and in a status made with
    // it. Then text put in the page's own status region, which is announced.
    AxTree before = bo.tree();
    script(
        page,
        """
        const plain = document.getElementById('order-added');
        plain.removeAttribute('role');
        plain.textContent = 'Planted: plain';
        const late = document.createElement('p');
        late.id = 'late';
        late.setAttribute('role', 'status');
        late.textContent = 'Planted: late';
        document.querySelector('main').append(late);
        """);
    AxTree after = bo.tree();
    assertThatThrownBy(() -> announced(before, after, "Planted: plain"))
        .isInstanceOf(AssertionError.class);
    assertThatThrownBy(() -> announced(before, after, "Planted: late"))
        .isInstanceOf(AssertionError.class);
    script(
        page,
        """
        const plain = document.getElementById('order-added');
        plain.setAttribute('role', 'status');
        plain.textContent = '';
        """);
    AxTree restored = bo.tree();
    script(page, "document.getElementById('order-added').textContent = 'Planted: status'");
    bo.until("plant", t -> announced(restored, t, "Planted: status"));

    // A live list drawn anew with the same items is read out again.
    Node draft = bo.until("plant", t -> control(t, Set.of("list"), "our orders"));
    AxTree drawn = bo.tree();
    notAnnouncedAgain(drawn, bo.tree(), draft);
    script(
        page,
        """
        const list = document.getElementById('draft');
        list.replaceChildren(...[...list.children].map((li) => li.cloneNode(true)));
        """);
    assertThatThrownBy(() -> notAnnouncedAgain(drawn, bo.tree(), draft))
        .isInstanceOf(AssertionError.class);

    // A tab without the count of what is new; a report whose title is no heading.
    assertThatThrownBy(() -> counted(control(bo.tree(), Set.of("tab"), "messages")))
        .isInstanceOf(AssertionError.class);
    bo.press(bo.until("plant", t -> control(t, Set.of("tab"), "reports")));
    bo.until("plant", t -> control(t, Set.of("tabpanel"), "reports"));
    script(
        page,
        """
        const card = document.createElement('div');
        card.id = 'planted-report';
        card.textContent = 'Turn 7 (all ready)';
        document.getElementById('report-list').append(card);
        """);
    assertThatThrownBy(() -> report(bo.tree(), "Turn 7")).isInstanceOf(AssertionError.class);
    script(
        page,
        """
        const card = document.getElementById('planted-report');
        const title = document.createElement('h3');
        title.textContent = 'Turn 7 (all ready)';
        const lines = document.createElement('ul');
        lines.append(document.createElement('li'));
        lines.firstChild.textContent = 'A planted line.';
        card.replaceChildren(title, lines);
        """);
    bo.until("plant", t -> report(t, "Turn 7"));
  }

  // ---- the checks: each takes the tree as it is, and fails with what it found instead.

  /** A node of one of these roles whose accessible name contains {@code name}. */
  static Node control(AxTree tree, Set<String> roles, String name) {
    return tree.find(List.copyOf(roles), name)
        .orElseThrow(
            () ->
                new AssertionError(
                    "no "
                        + roles
                        + " named \u2026"
                        + name
                        + "\u2026; there are: "
                        + tree.withRole(roles.toArray(String[]::new))));
  }

  static Node enabled(Node control) {
    assertThat(control.is("disabled")).as("%s disabled", control).isFalse();
    return control;
  }

  /** A control with a description (what it is for, besides its name). */
  static Node described(Node control) {
    assertThat(control.description()).as("the description of %s", control).isNotBlank();
    return control;
  }

  /** An enabled country list whose description no longer says it waits for the code. */
  static Node notStale(Node list) {
    assertThat(enabled(list).description())
        .as("the description of %s", list)
        .doesNotContainIgnoringCase("appear once");
    return list;
  }

  /** The names of a list's options, none of them empty (a disabled placeholder aside). */
  static List<String> namedOptions(AxTree tree, Node list) {
    Node now = tree.byBackendId(list.backendId()).orElseThrow();
    List<Node> options = tree.descendants(now).filter(n -> n.role().equals("option")).toList();
    assertThat(options).as("the options of %s", now).isNotEmpty();
    assertThat(options)
        .as("the options of %s", now)
        .allSatisfy(o -> assertThat(o.name()).as("an option's name").isNotBlank());
    return options.stream().filter(o -> !o.is("disabled")).map(Node::name).toList();
  }

  /** The focused node, which must be a heading (where a new screen starts). */
  static Node focusOnHeading(AxTree tree) {
    Node focused = tree.focused().orElseThrow(() -> new AssertionError("nothing focused"));
    assertThat(focused.role()).as("the focus: %s", focused).isEqualTo("heading");
    assertThat(focused.name()).as("the focused heading's name").isNotBlank();
    return focused;
  }

  /**
   * The live region that says {@code text} now and did not in {@code before}; a screen reader
   * announces the change of a live region that was in the tree already, so one made with its
   * text does not count.
   */
  static Said announced(AxTree before, AxTree now, String text) {
    List<String> seen = new ArrayList<>();
    for (Node region : before.all()) {
      if (!isLiveRegion(region)) {
        continue;
      }
      Node after = now.byBackendId(region.backendId()).orElse(null);
      if (after == null || !isLiveRegion(after) || after.is("busy")) {
        continue;
      }
      String said = now.text(after);
      seen.add(after.role() + ": \"" + said + "\"");
      if (said.contains(text) && !before.text(region).contains(text)) {
        return new Said(after, said);
      }
    }
    throw new AssertionError("no live region says \"" + text + "\"; they say: " + seen);
  }

  /** What a live region says now. */
  record Said(Node region, String text) {
    @Override
    public String toString() {
      return region.role() + " (live: " + region.property("live") + ") says \"" + text + "\"";
    }
  }

  private static boolean isLiveRegion(Node node) {
    Object live = node.property("live");
    return Set.of("status", "alert", "log").contains(node.role())
        || "polite".equals(live)
        || "assertive".equals(live);
  }

  /**
   * A live region whose items are the very nodes they were: drawn anew, a screen reader would
   * read them out again.
   */
  static Node notAnnouncedAgain(AxTree before, AxTree now, Node region) {
    Node then = before.byBackendId(region.backendId()).orElseThrow();
    Node after = now.byBackendId(region.backendId()).orElseThrow();
    assertThat(ids(now, after)).as("the items of %s", after).isEqualTo(ids(before, then));
    return after;
  }

  private static List<Long> ids(AxTree tree, Node node) {
    return tree.descendants(node).map(Node::backendId).toList();
  }

  /** A tab whose name counts what is new in it ("Messages (1)"). */
  static Node counted(Node tab) {
    assertThat(tab.name()).as("the name of %s", tab).containsPattern("[1-9]");
    return tab;
  }

  /**
   * The heading of a turn's report, inside a named Reports panel, followed by its lines.
   */
  static Node report(AxTree tree, String title) {
    Node panel = control(tree, Set.of("tabpanel", "region"), "reports");
    Node heading =
        tree.descendants(panel)
            .filter(n -> n.role().equals("heading") && n.name().startsWith(title))
            .findFirst()
            .orElseThrow(
                () ->
                    new AssertionError(
                        "no heading " + title + " in " + panel + ": " + tree.text(panel)));
    List<Node> after =
        tree.descendants(panel)
            .dropWhile(n -> n != heading)
            .filter(n -> n.role().equals("listitem"))
            .toList();
    assertThat(after).as("the lines after %s", heading).isNotEmpty();
    assertThat(tree.text(after.get(0))).as("its first line").isNotBlank();
    return heading;
  }

  /** One student's window, used through its accessibility tree and the keyboard only. */
  private static final class ScreenReader {
    private final WebDriver driver;

    ScreenReader(WebDriver driver) {
      this.driver = driver;
    }

    AxTree tree() {
      return AxTree.of(driver);
    }

    /** Retries a check on the tree as it changes until it passes (60 s at most); logs it. */
    <T> T until(String flow, Function<AxTree, T> check) {
      Instant deadline = Instant.now().plus(Browsers.PATIENCE);
      while (true) {
        AxTree tree = tree();
        try {
          T found = check.apply(tree);
          log(flow, String.valueOf(found));
          return found;
        } catch (AssertionError e) {
          if (Instant.now().isAfter(deadline)) {
            System.out.println("screen reader: the tree when " + flow + " failed:\n" + tree.dump());
            throw e;
          }
        }
        try {
          Thread.sleep(200);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new AssertionError(e);
        }
      }
    }

    void log(String flow, String what) {
      System.out.println("screen reader, " + flow + ": " + what);
    }

    void keys(CharSequence... keys) {
      new Actions(driver).sendKeys(keys).perform();
    }

    /** Moves to a control and checks the focus is on it, as a screen reader would say. */
    void focus(Node control) {
      AxTree.focus(driver, control);
      until(
          "focus",
          t -> {
            Node focused = t.focused().orElseThrow(() -> new AssertionError("nothing focused"));
            assertThat(focused.backendId())
                .as("the focus: %s", focused)
                .isEqualTo(control.backendId());
            return focused;
          });
    }

    void type(Node field, String text) {
      focus(field);
      keys(text);
    }

    void press(Node button) {
      focus(button);
      keys(Keys.ENTER);
    }

    /**
     * Chooses in a closed list with the arrow keys, hearing each option, until the list's value
     * is the first option whose name contains {@code part}.
     */
    void choose(Node list, String part) {
      focus(list);
      List<Node> options =
          tree()
              .descendants(tree().byBackendId(list.backendId()).orElseThrow())
              .filter(n -> n.role().equals("option") && !n.is("disabled"))
              .toList();
      List<String> names = options.stream().map(Node::name).toList();
      int target = -1;
      int at = -1;
      for (int i = 0; i < options.size(); i++) {
        if (target < 0 && options.get(i).name().contains(part)) {
          target = i;
        }
        if (options.get(i).is("selected")) {
          at = i;
        }
      }
      assertThat(target).as("an option of %s with %s among %s", list, part, names).isNotNegative();
      for (int i = at; i < target; i++) {
        keys(Keys.ARROW_DOWN);
      }
      for (int i = at; i > target; i--) {
        keys(Keys.ARROW_UP);
      }
      String wanted = names.get(target);
      until(
          "choose",
          t -> {
            Node now = t.byBackendId(list.backendId()).orElseThrow();
            assertThat(now.value()).as("the value of %s", now).isEqualTo(wanted);
            return now;
          });
    }
  }
}
