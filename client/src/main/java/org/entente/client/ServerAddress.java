package org.entente.client;

import java.util.Locale;

/**
 * A server's address as typed: {@code HOST:PORT}, {@code HOST} (port 7777) or {@code [v6]:PORT},
 * with {@code tls://} in front for a server that speaks TLS ({@code entente server --tls-...}).
 * {@link #toString} leaves the scheme out: it names the server (saved seats, pinned certificates)
 * whichever way it is reached.
 */
public record ServerAddress(String host, int port, boolean tls) {
  public static final int DEFAULT_PORT = 7777;

  /** The prefix of an address that speaks TLS. */
  public static final String TLS_SCHEME = "tls://";

  /** A plain TCP address. */
  public ServerAddress(String host, int port) {
    this(host, port, false);
  }

  /** This address, speaking TLS or not. */
  public ServerAddress withTls(boolean on) {
    return new ServerAddress(host, port, on);
  }

  /**
   * Parses {@code HOST[:PORT]}.
   *
   * @throws IllegalArgumentException with a sentence for the user if the text is not an address
   */
  public static ServerAddress parse(String text) {
    String s = text.strip();
    boolean tls = s.regionMatches(true, 0, TLS_SCHEME, 0, TLS_SCHEME.length());
    if (tls) {
      s = s.substring(TLS_SCHEME.length());
    } else if (s.contains("://")) {
      throw new IllegalArgumentException(
          "'" + text + "' has a scheme other than tls://; write HOST:PORT or tls://HOST:PORT");
    }
    if (s.isEmpty()) {
      throw new IllegalArgumentException(
          "the server address is empty; write HOST:PORT, e.g. localhost:7777");
    }
    String host = s;
    String port = null;
    if (s.startsWith("[")) {
      int close = s.indexOf(']');
      if (close < 0) {
        throw new IllegalArgumentException(
            "'" + text + "' has '[' without ']'; write [ADDRESS]:PORT");
      }
      host = s.substring(1, close);
      if (close + 1 < s.length()) {
        if (s.charAt(close + 1) != ':') {
          throw new IllegalArgumentException("'" + text + "' is not HOST:PORT");
        }
        port = s.substring(close + 2);
      }
    } else if (s.indexOf(':') >= 0 && s.indexOf(':') == s.lastIndexOf(':')) {
      host = s.substring(0, s.indexOf(':'));
      port = s.substring(s.indexOf(':') + 1);
    }
    if (host.isEmpty() || host.chars().anyMatch(c -> c <= ' ' || c == '/')) {
      throw new IllegalArgumentException("'" + text + "' is not HOST:PORT (e.g. localhost:7777)");
    }
    int p = DEFAULT_PORT;
    if (port != null) {
      try {
        p = Integer.parseInt(port);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("'" + port + "' is not a port number (1..65535)");
      }
      if (p < 1 || p > 65535) {
        throw new IllegalArgumentException("port " + p + " is out of range (1..65535)");
      }
    }
    return new ServerAddress(host.toLowerCase(Locale.ROOT), p, tls);
  }

  /** As typed back to the user: with {@code tls://} when it speaks TLS. */
  public String display() {
    return (tls ? TLS_SCHEME : "") + this;
  }

  @Override
  public String toString() {
    return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
  }
}
