package org.entente.scenarios;

import java.util.Locale;

/** "Did you mean" suggestions by edit distance (case-insensitive). */
final class Suggest {
  private Suggest() {}

  /** {@code "; did you mean 'X'?"} for the closest candidate within a small distance, or "". */
  static String didYouMean(String word, Iterable<String> candidates) {
    if (word.isEmpty() || word.length() > 64) {
      return "";
    }
    int limit = Math.max(1, Math.min(3, word.length() / 3));
    String best = null;
    int bestDistance = limit + 1;
    for (String c : candidates) {
      int d = distance(word.toUpperCase(Locale.ROOT), c.toUpperCase(Locale.ROOT));
      if (d < bestDistance) {
        best = c;
        bestDistance = d;
      }
    }
    return best == null ? "" : "; did you mean '" + best + "'?";
  }

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
