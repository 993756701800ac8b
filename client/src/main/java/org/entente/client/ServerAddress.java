package org.entente.client;

import java.util.Locale;

/** A server's address as typed: {@code HOST:PORT}, {@code HOST} (port 7777) or {@code [v6]:PORT}. */
public record ServerAddress(String host, int port) {
  public static final int DEFAULT_PORT = 7777;

  /**
   * Parses {@code HOST[:PORT]}.
   *
   * @throws IllegalArgumentException with a sentence for the user if the text is not an address
   */
  public static ServerAddress parse(String text) {
    String s = text.strip();
    if (s.isEmpty()) {
      throw new IllegalArgumentException("the server address is empty; write HOST:PORT, e.g. localhost:7777");
    }
    String host = s;
    String port = null;
    if (s.startsWith("[")) {
      int close = s.indexOf(']');
      if (close < 0) {
        throw new IllegalArgumentException("'" + text + "' has '[' without ']'; write [ADDRESS]:PORT");
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
    return new ServerAddress(host.toLowerCase(Locale.ROOT), p);
  }

  @Override
  public String toString() {
    return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
  }
}
