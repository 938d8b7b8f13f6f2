package dev.livelens.library.imports;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Which addresses an import may reach: public ones only, unless private ones are allowed
 * ({@code --allow-private-urls}). Loopback, private (RFC 1918, IPv6 unique-local), link-local (with the
 * cloud metadata address 169.254.169.254), shared (100.64/10), unspecified and multicast addresses are
 * not, so the server cannot be made a proxy into the network it stands in.
 */
public final class AddressPolicy {

  private final boolean allowPrivate;

  public AddressPolicy(boolean allowPrivate) {
    this.allowPrivate = allowPrivate;
  }

  /**
   * Resolves {@code host} (blocking: call on a worker thread) and returns the address to connect to.
   *
   * @throws RefusedAddress when any address of the host is not allowed (a name with one private
   *     address among public ones is refused whole: the connection could go to either)
   * @throws UnknownHostException when the name does not resolve
   */
  public InetAddress resolve(String host) throws UnknownHostException {
    InetAddress[] all = InetAddress.getAllByName(host);
    for (InetAddress address : all) {
      if (!allowPrivate && !isPublic(address)) {
        throw new RefusedAddress(host, address);
      }
    }
    return all[0];
  }

  static boolean isPublic(InetAddress address) {
    if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
        || address.isSiteLocalAddress() || address.isMulticastAddress()) {
      return false;
    }
    byte[] b = address.getAddress();
    if (address instanceof Inet4Address) {
      int first = b[0] & 0xFF;
      int second = b[1] & 0xFF;
      return first != 0 && !(first == 100 && second >= 64 && second < 128) && first < 240;
    }
    if (address instanceof Inet6Address) {
      boolean uniqueLocal = (b[0] & 0xFE) == 0xFC;
      boolean mapped = isMapped(b);
      if (mapped) {
        try {
          return isPublic(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
        } catch (UnknownHostException impossible) {
          return false;
        }
      }
      return !uniqueLocal;
    }
    return false;
  }

  /** ::ffff:a.b.c.d, an IPv4 address written as IPv6. */
  private static boolean isMapped(byte[] b) {
    for (int i = 0; i < 10; i++) {
      if (b[i] != 0) {
        return false;
      }
    }
    return (b[10] & 0xFF) == 0xFF && (b[11] & 0xFF) == 0xFF;
  }

  /** The host resolves to an address imports may not reach. */
  public static final class RefusedAddress extends UnknownHostException {
    RefusedAddress(String host, InetAddress address) {
      super(host + " resolves to " + address.getHostAddress()
          + ", a loopback, private or link-local address, which imports may not reach");
    }
  }
}
