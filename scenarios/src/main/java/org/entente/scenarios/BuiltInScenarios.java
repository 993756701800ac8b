package org.entente.scenarios;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.entente.engine.expr.Suggest;
import org.entente.engine.model.Scenario;

/**
 * The scenarios shipped in this jar, under {@code scenarios/} on the classpath and listed (one id
 * a line, {@code #} comments allowed) in {@code scenarios/index.txt}. A shipped file that does
 * not load is a build bug, so {@link #load} throws instead of returning problems; a test loads
 * every one.
 */
public final class BuiltInScenarios {
  private static final String DIR = "scenarios/";

  /** A shipped scenario's id and title. */
  public record Entry(String id, String title) {}

  private BuiltInScenarios() {}

  /** The shipped ids, in index order. */
  public static List<String> ids() {
    ImmutableList.Builder<String> ids = ImmutableList.builder();
    for (String line : resource("index.txt").split("\n")) {
      String id = line.strip();
      if (!id.isEmpty() && !id.startsWith("#")) {
        ids.add(id);
      }
    }
    return ids.build();
  }

  /** Every shipped scenario with its title (parsed from the file). */
  public static List<Entry> list() {
    ImmutableList.Builder<Entry> out = ImmutableList.builder();
    for (String id : ids()) {
      LoadResult r = ScenarioLoader.load(fileName(id), text(id));
      out.add(new Entry(id, r.proto().map(p -> p.getMetadata().getTitle()).orElse(id)));
    }
    return out.build();
  }

  /** The ids mapped to titles, in index order. */
  public static Map<String, String> titles() {
    Map<String, String> out = new LinkedHashMap<>();
    list().forEach(e -> out.put(e.id(), e.title()));
    return ImmutableMap.copyOf(out);
  }

  /**
   * Loads a shipped scenario.
   *
   * @throws IllegalArgumentException if there is no such scenario
   * @throws IllegalStateException if the shipped file has errors (a build bug)
   */
  public static Scenario load(String id) {
    LoadResult r = ScenarioLoader.load(fileName(id), text(id));
    return r.scenario()
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "built-in scenario " + id + " does not load:\n" + r.report()));
  }

  /** The full result of loading a shipped scenario, warnings included. */
  public static LoadResult result(String id) {
    return ScenarioLoader.load(fileName(id), text(id));
  }

  /**
   * The text of a shipped scenario file.
   *
   * @throws IllegalArgumentException if there is no such scenario
   */
  public static String text(String id) {
    if (!ids().contains(id)) {
      throw new IllegalArgumentException(
          "no built-in scenario '"
              + id
              + "'; known: "
              + String.join(", ", ids())
              + Suggest.didYouMean(id, ids()));
    }
    return resource(id + ".textproto");
  }

  /** The name used in problem positions: the resource path. */
  public static String fileName(String id) {
    return DIR + id + ".textproto";
  }

  private static String resource(String name) {
    try (InputStream in = BuiltInScenarios.class.getClassLoader().getResourceAsStream(DIR + name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + DIR + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
