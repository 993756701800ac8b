package org.entente.server.session;

import com.google.common.io.BaseEncoding;
import java.security.SecureRandom;
import java.util.Optional;

/**
 * Secret seat and game-master tokens: 128 bits from {@link SecureRandom}, written as 26
 * lower-case base-32 characters. Tokens are compared in constant time ({@link
 * Seat#tokenMatches}) and never logged.
 */
public final class Tokens {
  public static final int BYTES = 16;
  private static final BaseEncoding ENCODING = BaseEncoding.base32().lowerCase().omitPadding();
  private final SecureRandom random;

  public Tokens(SecureRandom random) {
    this.random = random;
  }

  public byte[] newToken() {
    byte[] token = new byte[BYTES];
    random.nextBytes(token);
    return token;
  }

  public static String encode(byte[] token) {
    return ENCODING.encode(token);
  }

  /** The token's bytes, or empty if the text is not a well-formed token. */
  public static Optional<byte[]> decode(String text) {
    String trimmed = text.trim().toLowerCase(java.util.Locale.ROOT);
    if (trimmed.length() != 26 || !ENCODING.canDecode(trimmed)) {
      return Optional.empty();
    }
    return Optional.of(ENCODING.decode(trimmed));
  }
}
