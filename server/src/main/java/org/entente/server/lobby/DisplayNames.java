package org.entente.server.lobby;

import com.google.common.collect.ImmutableSet;
import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.text.SpoofChecker;
import java.text.Normalizer;
import java.util.Locale;
import org.entente.engine.text.VisibleText;

/**
 * Display names as a session shows them to everyone: normalised (NFC, spaces collapsed),
 * 1..{@link #MAX_LENGTH} characters with at least one letter or digit, no control, format or
 * line-separator character, none of the {@link #RESERVED} words a student could use to pose as
 * the game master or the server. Two names are the same when their {@link #key}s are: case and
 * Unicode confusables (UTS #39 skeletons, so "Bob" and "Воb" with Cyrillic letters) do not
 * count. Thread-safe.
 */
public final class DisplayNames {
  public static final int MAX_LENGTH = 32;

  /** Names (compared by key) nobody may take. */
  public static final ImmutableSet<String> RESERVED =
      ImmutableSet.of(
          "game master",
          "gamemaster",
          "gm",
          "teacher",
          "server",
          "entente",
          "system",
          "admin",
          "administrator",
          "moderator",
          "host",
          "spectator",
          "everyone",
          "all",
          "bot",
          "nobody",
          "announcement",
          "news");

  private static final SpoofChecker SPOOF = new SpoofChecker.Builder().build();
  private static final ImmutableSet<String> RESERVED_KEYS =
      RESERVED.stream().map(DisplayNames::key).collect(ImmutableSet.toImmutableSet());

  private DisplayNames() {}

  /** A checked name: what to show, and what to compare. */
  public record Name(String shown, String key) {}

  /** Thrown with the sentence a person reads. */
  public static final class Refused extends Exception {
    Refused(String message) {
      super(message);
    }
  }

  /**
   * Normalises and checks {@code raw}. The game master ({@code gameMaster}) may leave it empty
   * and may use the reserved words (they name that seat); nobody else may.
   */
  public static Name check(String raw, boolean gameMaster) throws Refused {
    boolean mayBeEmpty = gameMaster;
    String nfc = Normalizer.normalize(raw, Normalizer.Form.NFC);
    StringBuilder b = new StringBuilder();
    boolean space = false;
    boolean letterOrDigit = false;
    for (int i = 0; i < nfc.length(); ) {
      int cp = nfc.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.getType(cp) == Character.SPACE_SEPARATOR) {
        space = b.length() > 0;
        continue;
      }
      if (!VisibleText.isShownAsItself(cp)) {
        throw new Refused(
            String.format(
                Locale.ROOT,
                "A display name may not contain control, format or line-separator characters (found U+%04X).",
                cp));
      }
      if (space) {
        b.append(' ');
        space = false;
      }
      b.appendCodePoint(cp);
      letterOrDigit |= Character.isLetterOrDigit(cp);
    }
    String shown = b.toString();
    if (shown.isEmpty() && mayBeEmpty) {
      return new Name("", "");
    }
    int length = shown.codePointCount(0, shown.length());
    if (length == 0 || length > MAX_LENGTH || !letterOrDigit) {
      throw new Refused(
          "A display name has 1.."
              + MAX_LENGTH
              + " characters, with at least one letter or digit.");
    }
    String key = key(shown);
    if (!gameMaster && (RESERVED_KEYS.contains(key) || key.endsWith(key("(bot)")))) {
      throw new Refused("'" + shown + "' is reserved: choose a name of your own.");
    }
    return new Name(shown, key);
  }

  /** The comparison key: the case-folded confusable skeleton, spaces removed. */
  public static String key(String name) {
    String skeleton = SPOOF.getSkeleton(Normalizer.normalize(name, Normalizer.Form.NFC));
    String folded = UCharacter.foldCase(skeleton, true);
    return SPOOF.getSkeleton(folded).replace(" ", "");
  }
}
