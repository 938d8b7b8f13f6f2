package dev.livelens.library.imports;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.Collections;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Which addresses an import may reach: globally reachable ones only, unless private ones are allowed
 * ({@code --allow-private-urls}). Every special-purpose block that is not globally reachable is refused
 * ({@link SpecialAddresses}: loopback, private, link-local with the cloud metadata address, shared,
 * documentation, benchmarking, reserved, multicast, and their IPv6 spellings), and so is every address of
 * this node's own interfaces, public or not, so the server can be made a proxy neither into the network
 * it stands in nor into itself.
 */
public final class AddressPolicy {

  private final boolean allowPrivate;
  private final Supplier<Set<InetAddress>> ownAddresses;

  public AddressPolicy(boolean allowPrivate) {
    this(allowPrivate, AddressPolicy::interfaceAddresses);
  }

  AddressPolicy(boolean allowPrivate, Supplier<Set<InetAddress>> ownAddresses) {
    this.allowPrivate = allowPrivate;
    this.ownAddresses = ownAddresses;
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
    if (!allowPrivate) {
      Set<InetAddress> own = ownAddresses.get();
      for (InetAddress address : all) {
        Optional<String> why = refusal(address, own);
        if (why.isPresent()) {
          throw new RefusedAddress(host, address, why.get());
        }
      }
    }
    return all[0];
  }

  /** Why {@code address} may not be reached, or empty. */
  static Optional<String> refusal(InetAddress address, Set<InetAddress> own) {
    Optional<String> special = SpecialAddresses.refusal(address);
    if (special.isPresent()) {
      return special;
    }
    InetAddress plain = SpecialAddresses.asIpv4(address);
    if (own.contains(address) || own.contains(plain)) {
      return Optional.of("an address of this server");
    }
    return Optional.empty();
  }

  /** Every address of every interface, up or down (an import must not reach the server itself). */
  static Set<InetAddress> interfaceAddresses() {
    Set<InetAddress> all = new HashSet<>();
    try {
      for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
        all.addAll(Collections.list(nic.getInetAddresses()));
      }
    } catch (SocketException e) {
      // Without the list, the special-purpose blocks still hold; nothing better can be done here.
    }
    return all;
  }

  /** The host resolves to an address imports may not reach. */
  public static final class RefusedAddress extends UnknownHostException {
    RefusedAddress(String host, InetAddress address, String why) {
      super(host + " resolves to " + address.getHostAddress() + " (" + why
          + "), which imports may not reach: give a URL on the public internet");
    }
  }
}
