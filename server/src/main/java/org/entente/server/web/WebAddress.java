package org.entente.server.web;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** The address a browser opens for a server's web client. */
public final class WebAddress {
  private WebAddress() {}

  /**
   * {@code http://HOST:PORT/} (https with TLS); a wildcard bind address is replaced by this
   * machine's host name, the name a class on the same network is most likely to reach.
   */
  public static String of(boolean tls, String bindAddress, int port) {
    String host = bindAddress;
    if (host.equals("0.0.0.0") || host.equals("::") || host.isEmpty()) {
      try {
        host = InetAddress.getLocalHost().getHostName();
      } catch (UnknownHostException e) {
        host = "localhost";
      }
    } else if (host.contains(":")) {
      host = "[" + host + "]";
    }
    return (tls ? "https://" : "http://") + host + ":" + port + "/";
  }
}
