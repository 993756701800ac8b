package org.entente.engine.expr;

/** "Did you mean" suggestions by edit distance. */
final class Suggest {
  private Suggest() {}

  /** The closest candidate within a small edit distance, or null. Ties go to the first. */
  static String closest(String word, Iterable<String> candidates) {
    if (word.length() > 64) {
      return null;
    }
    int limit = Math.max(1, Math.min(3, word.length() / 3));
    String best = null;
    int bestDistance = limit + 1;
    for (String candidate : candidates) {
      if (Math.abs(candidate.length() - word.length()) >= bestDistance) {
        continue;
      }
      int d = distance(word, candidate);
      if (d < bestDistance) {
        best = candidate;
        bestDistance = d;
      }
    }
    return best;
  }

  /** "; did you mean 'x'?" or "". */
  static String didYouMean(String word, Iterable<String> candidates) {
    String best = closest(word, candidates);
    return best == null ? "" : "; did you mean '" + best + "'?";
  }

  /** Case-insensitive Levenshtein distance (case slips count as 0 then as a tie-break). */
  static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      char ca = Character.toLowerCase(a.charAt(i - 1));
      for (int j = 1; j <= b.length(); j++) {
        int cost = ca == Character.toLowerCase(b.charAt(j - 1)) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }

  /** At most 12 names joined with ", ", then ", ..." if there are more. */
  static String list(Iterable<String> names) {
    StringBuilder sb = new StringBuilder();
    int count = 0;
    for (String name : names) {
      if (count == 12) {
        sb.append(", ...");
        break;
      }
      sb.append(count++ == 0 ? "" : ", ").append(name);
    }
    return sb.toString();
  }
}
