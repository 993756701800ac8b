package org.entente.cli.connect;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.entente.engine.model.OrderKind;

/** Order kinds as words: recognising them at the start of a line and suggesting near misses. */
final class Orders {
  private Orders() {}

  static boolean isKind(String word) {
    String w = word.toUpperCase(Locale.ROOT);
    return Arrays.stream(OrderKind.values()).anyMatch(k -> k.name().equals(w));
  }

  /** The order kind closest to {@code word}, if it is a plausible typo (e.g. GIVE_NOTIC). */
  static Optional<String> suggestKind(String word) {
    String w = word.toUpperCase(Locale.ROOT);
    if (w.length() < 4) {
      return Optional.empty();
    }
    return Arrays.stream(OrderKind.values())
        .map(Enum::name)
        .filter(k -> distance(k, w) <= 2)
        .findFirst();
  }

  /** Levenshtein distance. */
  static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
