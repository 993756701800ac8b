package org.entente.server.limits;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;

/**
 * The unit that per-address limits count: an IPv4 address, or an IPv6 /64 (one network,
 * where a single host may hold any of 2^64 addresses). An IPv4-mapped IPv6 address counts as
 * its IPv4 address.
 */
public final class AddressKey {
  private AddressKey() {}

  public static String of(SocketAddress address) {
    if (address instanceof InetSocketAddress inet && inet.getAddress() != null) {
      return of(inet.getAddress());
    }
    return String.valueOf(address);
  }

  public static String of(InetAddress ip) {
    if (ip instanceof Inet6Address) {
      byte[] b = ip.getAddress();
      StringBuilder s = new StringBuilder();
      for (int i = 0; i < 8; i += 2) {
        s.append(Integer.toHexString(((b[i] & 0xff) << 8) | (b[i + 1] & 0xff))).append(':');
      }
      return s.append(":/64").toString();
    }
    return ip.getHostAddress();
  }
}
