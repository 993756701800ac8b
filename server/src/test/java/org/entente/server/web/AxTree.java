package org.entente.server.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chromium.HasCdp;

/**
 * One snapshot of the accessibility tree Chromium computes for a page, the tree a screen
 * reader reads (roles, accessible names and descriptions, states, live regions), taken through
 * the DevTools Protocol ({@code Accessibility.getFullAXTree}). Nodes Chromium marks ignored
 * (layout-only elements) are walked through, never returned.
 */
final class AxTree {
  /** One node: its role ("textbox", "combobox", "heading", "StaticText"...) and name. */
  record Node(
      String id,
      String role,
      String name,
      String description,
      String value,
      Map<String, Object> properties,
      List<String> childIds,
      String parentId,
      long backendId,
      boolean ignored) {

    /** A property's value ("focused", "live", "level", "disabled"...), or null. */
    Object property(String property) {
      return properties.get(property);
    }

    boolean is(String property) {
      return Boolean.TRUE.equals(property(property));
    }

    /** How a screen reader would name it in a log: role "name" (description) = value. */
    @Override
    public String toString() {
      return role
          + " \""
          + name
          + "\""
          + (description.isEmpty() ? "" : " (" + description + ")")
          + (value.isEmpty() ? "" : " = \"" + value + "\"");
    }
  }

  private final Map<String, Node> nodes = new LinkedHashMap<>();
  private final Node root;

  private AxTree(List<Map<String, Object>> raw) {
    for (Map<String, Object> n : raw) {
      Map<String, Object> properties = new LinkedHashMap<>();
      for (Object p : list(n.get("properties"))) {
        Map<?, ?> property = (Map<?, ?>) p;
        properties.put(String.valueOf(property.get("name")), valueOf(property.get("value")));
      }
      Node node =
          new Node(
              String.valueOf(n.get("nodeId")),
              string(valueOf(n.get("role"))),
              string(valueOf(n.get("name"))),
              string(valueOf(n.get("description"))),
              string(valueOf(n.get("value"))),
              properties,
              list(n.get("childIds")).stream().map(String::valueOf).toList(),
              n.get("parentId") == null ? null : String.valueOf(n.get("parentId")),
              n.get("backendDOMNodeId") instanceof Number id ? id.longValue() : -1,
              Boolean.TRUE.equals(n.get("ignored")));
      nodes.put(node.id(), node);
    }
    root = nodes.values().stream().filter(n -> n.parentId() == null).findFirst().orElseThrow();
  }

  /** The page's tree now. */
  @SuppressWarnings("unchecked")
  static AxTree of(WebDriver driver) {
    HasCdp cdp = (HasCdp) driver;
    cdp.executeCdpCommand("Accessibility.enable", Map.of());
    Map<String, Object> answer = cdp.executeCdpCommand("Accessibility.getFullAXTree", Map.of());
    return new AxTree((List<Map<String, Object>>) answer.get("nodes"));
  }

  /**
   * Moves the keyboard focus to a node's element, as a screen reader's virtual cursor does when
   * its user acts on a control.
   */
  static void focus(WebDriver driver, Node node) {
    ((HasCdp) driver).executeCdpCommand("DOM.focus", Map.of("backendNodeId", node.backendId()));
  }

  /** Every node that is not ignored, in document order. */
  List<Node> all() {
    return descendants(root).toList();
  }

  /** The nodes under {@code node} (not itself) that are not ignored, in document order. */
  Stream<Node> descendants(Node node) {
    return node.childIds().stream()
        .map(nodes::get)
        .filter(n -> n != null)
        .flatMap(n -> n.ignored() ? descendants(n) : Stream.concat(Stream.of(n), descendants(n)));
  }

  List<Node> withRole(String... roles) {
    List<String> wanted = List.of(roles);
    return all().stream().filter(n -> wanted.contains(n.role())).toList();
  }

  /** The first node of one of these roles whose name contains {@code name} (case aside). */
  Optional<Node> find(List<String> roles, String name) {
    return all().stream()
        .filter(n -> roles.contains(n.role()))
        .filter(n -> n.name().toLowerCase(Locale.ROOT).contains(name.toLowerCase(Locale.ROOT)))
        .findFirst();
  }

  Optional<Node> byBackendId(long backendId) {
    return all().stream().filter(n -> n.backendId() == backendId).findFirst();
  }

  Optional<Node> focused() {
    return all().stream().filter(n -> n.is("focused")).findFirst();
  }

  /** The text a screen reader reads inside a node: its static text, in order, space-joined. */
  String text(Node node) {
    List<String> words = new ArrayList<>();
    descendants(node)
        .filter(n -> n.role().equals("StaticText"))
        .forEach(n -> words.add(n.name().strip()));
    return String.join(" ", words).strip();
  }

  /** The whole tree, indented, for a failure's message or a log. */
  String dump() {
    StringBuilder out = new StringBuilder();
    dump(root, 0, out);
    return out.toString();
  }

  private void dump(Node node, int depth, StringBuilder out) {
    int next = depth;
    if (!node.ignored() && !node.role().equals("InlineTextBox")) {
      out.append("  ".repeat(depth)).append(node).append(' ').append(node.properties());
      out.append('\n');
      next = depth + 1;
    }
    for (String child : node.childIds()) {
      Node c = nodes.get(child);
      if (c != null) {
        dump(c, next, out);
      }
    }
  }

  private static List<?> list(Object o) {
    return o instanceof List<?> l ? l : List.of();
  }

  private static Object valueOf(Object axValue) {
    return axValue instanceof Map<?, ?> m ? m.get("value") : null;
  }

  private static String string(Object o) {
    return o == null ? "" : String.valueOf(o);
  }
}
