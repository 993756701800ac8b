package org.entente.server.session;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/**
 * Join codes: six characters from an alphabet without look-alikes (no 0/O, 1/I/L, U),
 * shown as {@code ABC-DEF}, read aloud and typed in any case with or without the dash.
 * They let people join a session; they are not secrets (seat tokens are).
 */
public final class JoinCodes {
  public static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ";
  public static final int LENGTH = 6;

  private JoinCodes() {}

  /** A new code in canonical form (upper case, no dash). */
  public static String generate(SecureRandom random) {
    StringBuilder code = new StringBuilder(LENGTH);
    for (int i = 0; i < LENGTH; i++) {
      code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return code.toString();
  }

  /** The canonical form of what someone typed, or empty if it cannot be a join code. */
  public static Optional<String> normalize(String typed) {
    StringBuilder code = new StringBuilder(LENGTH);
    for (char c : typed.toUpperCase(Locale.ROOT).toCharArray()) {
      if (c == '-' || c == ' ') {
        continue;
      }
      if (ALPHABET.indexOf(c) < 0 || code.length() == LENGTH) {
        return Optional.empty();
      }
      code.append(c);
    }
    return code.length() == LENGTH ? Optional.of(code.toString()) : Optional.empty();
  }

  /** {@code ABCDEF} as {@code ABC-DEF}. */
  public static String display(String canonical) {
    return canonical.substring(0, 3) + "-" + canonical.substring(3);
  }
}
