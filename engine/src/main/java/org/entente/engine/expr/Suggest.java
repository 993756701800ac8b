package org.entente.engine.expr;

/** "Did you mean" suggestions by edit distance, shared by every parser and validator. */
public final class Suggest {
  private Suggest() {}

  /** The closest candidate within a small edit distance, or null. Ties go to the first. */
  public static String closest(String word, Iterable<String> candidates) {
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
  public static String didYouMean(String word, Iterable<String> candidates) {
    String best = closest(word, candidates);
    return best == null ? "" : "; did you mean '" + best + "'?";
  }

  /** Case-insensitive edit distance counting an adjacent swap as one edit. */
  public static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      char ca = Character.toLowerCase(a.charAt(i - 1));
      for (int j = 1; j <= b.length(); j++) {
        char cb = Character.toLowerCase(b.charAt(j - 1));
        int best =
            Math.min(
                Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + (ca == cb ? 0 : 1));
        if (i > 1
            && j > 1
            && ca == Character.toLowerCase(b.charAt(j - 2))
            && Character.toLowerCase(a.charAt(i - 2)) == cb) {
          best = Math.min(best, d[i - 2][j - 2] + 1);
        }
        d[i][j] = best;
      }
    }
    return d[a.length()][b.length()];
  }

  /** At most 12 names joined with ", ", then ", ..." if there are more. */
  public static String list(Iterable<String> names) {
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
