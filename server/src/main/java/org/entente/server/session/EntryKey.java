package org.entente.server.session;

import com.google.protobuf.ByteString;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The idempotency key of a create_session, join_session or spectate, and the SHA-256 of the
 * secret sent with it (docs/protocol.md, "Retrying requests"). The key names the request; the
 * secret proves the retry comes from the client that sent it first, so a key another client
 * saw or guessed returns nothing of theirs. Only the hash is kept (and journalled), and it is
 * compared in constant time. A key without a secret is not remembered at all.
 */
public record EntryKey(long key, ByteString secretSha256) {
  /** No key: the request is answered and forgotten. */
  public static final EntryKey NONE = new EntryKey(0, ByteString.EMPTY);

  /** The key and the hash of {@code secret} as a request carries them. */
  public static EntryKey of(long key, ByteString secret) {
    if (key == 0 || secret.isEmpty()) {
      return key == 0 ? NONE : new EntryKey(key, ByteString.EMPTY);
    }
    return new EntryKey(key, ByteString.copyFrom(sha256(secret.toByteArray())));
  }

  /** Whether a retry with this key may be answered with a first response: a key with a secret. */
  public boolean remembered() {
    return key != 0 && !secretSha256.isEmpty();
  }

  /** Whether {@code storedSha256}, kept with a first response, is this retry's secret. Constant time. */
  public boolean matches(ByteString storedSha256) {
    return remembered()
        && MessageDigest.isEqual(secretSha256.toByteArray(), storedSha256.toByteArray());
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError("every Java platform has SHA-256", e);
    }
  }
}
