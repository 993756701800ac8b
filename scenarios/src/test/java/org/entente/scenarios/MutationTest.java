package org.entente.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Seeded random mutations of the shipped scenarios and the starter template: {@code load} must
 * never throw, never report {@code internal}, and every problem must sit inside the file.
 *
 * <p>Runs 2,000 mutations by default (a few seconds); run longer with
 * {@code -Dentente.mutations=100000}. Deterministic: mutation {@code i} uses seed {@code i}.
 */
class MutationTest {
  private static final String[] EXTREMES = {
    "0", "-1", "101", "2147483647", "-2147483648", "99999999999", "1e9", "0x7f", "\"\""
  };
  private static final String[] INSERTS = {
    "{",
    "}",
    "\"",
    "'",
    "#",
    ":",
    "[",
    "]",
    "\\",
    "actors {",
    "}\n}",
    "\n",
    "\"sec(\"",
    "when: \"(((\"",
    "order: \"ESCALATE\"",
    "id: \"\"",
    "source: [\"NOPE\"]"
  };

  @Test
  void loadNeverThrowsAndProblemsStayInsideTheFile() {
    int count = Integer.getInteger("entente.mutations", 2000);
    List<String> bases = new ArrayList<>();
    BuiltInScenarios.ids().forEach(id -> bases.add(BuiltInScenarios.text(id)));
    bases.add(ScenarioTemplate.starter("Mutant"));
    for (int i = 0; i < count; i++) {
      Random random = new Random(i);
      String text = bases.get(i % bases.size());
      int rounds = 1 + random.nextInt(3);
      for (int r = 0; r < rounds; r++) {
        text = mutate(text, random);
      }
      LoadResult result;
      try {
        result = ScenarioLoader.load("m.textproto", text);
      } catch (RuntimeException | Error e) {
        throw new AssertionError("mutation " + i + " threw", e);
      }
      int lines = text.split("\n", -1).length;
      for (Problem p : result.problems()) {
        if (p.code().equals("internal")) {
          fail("mutation " + i + ": " + p);
        }
        assertThat(p.line()).as("mutation %d: %s", i, p).isBetween(1, lines + 1);
        assertThat(p.column()).as("mutation %d: %s", i, p).isGreaterThanOrEqualTo(1);
        // In the author's words: no protobuf type names, no stray ".;" from glued sentences.
        assertThat(p.message())
            .as("mutation %d: %s", i, p)
            .doesNotContain("entente.scenario.v1", ".;", "Message type", "Enum type");
      }
      assertThat(result.scenario().isPresent()).isEqualTo(result.errors().isEmpty());
    }
  }

  private static String mutate(String text, Random random) {
    List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
    int at = random.nextInt(lines.size());
    switch (random.nextInt(8)) {
      case 0:
        lines.remove(at);
        if (lines.isEmpty()) {
          lines.add("");
        }
        break;
      case 1:
        lines.add(at, INSERTS[random.nextInt(INSERTS.length)]);
        break;
      case 2:
        lines.add(at, lines.get(random.nextInt(lines.size())));
        break;
      case 3:
        return flip(text, random);
      case 4:
        lines.set(
            at, lines.get(at).replaceAll("-?\\d+", EXTREMES[random.nextInt(EXTREMES.length)]));
        break;
      case 5:
        return swapIds(text, random);
      case 6:
        return text.substring(0, random.nextInt(text.length() + 1));
      default:
        String line = lines.get(at);
        int cut = line.isEmpty() ? 0 : random.nextInt(line.length());
        lines.set(
            at,
            line.substring(0, cut) + INSERTS[random.nextInt(INSERTS.length)] + line.substring(cut));
        break;
    }
    return String.join("\n", lines);
  }

  private static String flip(String text, Random random) {
    if (text.isEmpty()) {
      return "x";
    }
    char[] chars = text.toCharArray();
    int n = 1 + random.nextInt(4);
    for (int k = 0; k < n; k++) {
      chars[random.nextInt(chars.length)] = (char) (32 + random.nextInt(95));
    }
    return new String(chars);
  }

  private static String swapIds(String text, Random random) {
    String[] ids = {"ARM", "RUS", "AZE", "CSTO", "TENSION", "NORTH", "SOUTH", "PACT", "EUMA"};
    String a = ids[random.nextInt(ids.length)];
    String b = ids[random.nextInt(ids.length)];
    return text.replace("\"" + a + "\"", "\"@@\"")
        .replace("\"" + b + "\"", "\"" + a + "\"")
        .replace("\"@@\"", "\"" + b + "\"");
  }
}
