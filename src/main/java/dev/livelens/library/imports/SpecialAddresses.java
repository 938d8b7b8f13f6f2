package dev.livelens.library.imports;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

/**
 * The IANA IPv4 and IPv6 special-purpose address registries, as far as imports care: which blocks are not
 * globally reachable (refused), which are (allowed), and which carry an IPv4 address inside an IPv6 one
 * (judged by that IPv4 address). The first block that contains an address decides; an IPv6 address
 * outside 2000::/3, the only space allocated for global unicast, is refused.
 */
final class SpecialAddresses {

  private enum Verdict { ALLOWED, REFUSED, EMBEDDED_IPV4 }

  private record Block(String cidr, String name, Verdict verdict, int ipv4Offset, byte[] prefix, int bits) {
    Block(String cidr, String name, Verdict verdict, int ipv4Offset) {
      this(cidr, name, verdict, ipv4Offset, prefixBytes(cidr.split("/")[0]),
          Integer.parseInt(cidr.split("/")[1]));
    }

    boolean contains(byte[] address) {
      if (prefix.length != address.length) {
        return false;
      }
      for (int i = 0; i < bits; i++) {
        int mask = 0x80 >>> (i % 8);
        if ((prefix[i / 8] & mask) != (address[i / 8] & mask)) {
          return false;
        }
      }
      return true;
    }
  }

  private static Block refused(String cidr, String name) {
    return new Block(cidr, name, Verdict.REFUSED, -1);
  }

  private static Block allowed(String cidr, String name) {
    return new Block(cidr, name, Verdict.ALLOWED, -1);
  }

  private static Block embedded(String cidr, String name, int offset) {
    return new Block(cidr, name, Verdict.EMBEDDED_IPV4, offset);
  }

  /** Specific exceptions first: the first block containing an address decides. */
  private static final List<Block> BLOCKS = List.of(
      refused("0.0.0.0/8", "\"this network\""),
      refused("10.0.0.0/8", "private-use"),
      refused("100.64.0.0/10", "shared address space"),
      refused("127.0.0.0/8", "loopback"),
      refused("169.254.0.0/16", "link-local"),
      refused("172.16.0.0/12", "private-use"),
      refused("192.0.0.0/24", "IETF protocol assignments"),
      refused("192.0.2.0/24", "documentation (TEST-NET-1)"),
      refused("192.88.99.0/24", "deprecated 6to4 relay anycast"),
      refused("192.168.0.0/16", "private-use"),
      refused("198.18.0.0/15", "benchmarking"),
      refused("198.51.100.0/24", "documentation (TEST-NET-2)"),
      refused("203.0.113.0/24", "documentation (TEST-NET-3)"),
      refused("224.0.0.0/4", "multicast"),
      refused("240.0.0.0/4", "reserved"),
      embedded("::ffff:0:0/96", "IPv4-mapped", 12),
      embedded("::ffff:0:0:0/96", "IPv4-translated", 12),
      refused("::/96", "unspecified, loopback or IPv4-compatible"),
      embedded("64:ff9b::/96", "IPv4/IPv6 translation", 12),
      refused("64:ff9b:1::/48", "local-use IPv4/IPv6 translation"),
      refused("100::/64", "discard-only"),
      allowed("2001:1::1/128", "port control protocol anycast"),
      allowed("2001:1::2/128", "traversal using relays around NAT anycast"),
      allowed("2001:1::3/128", "DNS-SD service registration protocol anycast"),
      allowed("2001:3::/32", "AMT"),
      allowed("2001:4:112::/48", "AS112-v6"),
      allowed("2001:20::/28", "ORCHIDv2"),
      allowed("2001:30::/28", "drone remote ID"),
      refused("2001::/23", "IETF protocol assignments (Teredo, benchmarking, ORCHID)"),
      refused("2001:db8::/32", "documentation"),
      embedded("2002::/16", "6to4", 2),
      refused("3fff::/20", "documentation"),
      refused("fc00::/7", "unique-local"),
      refused("fe80::/10", "link-local"),
      refused("ff00::/8", "multicast"));

  private static final Block GLOBAL_UNICAST = allowed("2000::/3", "global unicast");

  private SpecialAddresses() {
  }

  /** Why imports may not reach {@code address}, or empty when it is globally reachable. */
  static Optional<String> refusal(InetAddress address) {
    byte[] bytes = address.getAddress();
    if (bytes.length == 4 && (bytes[0] & bytes[1] & bytes[2] & bytes[3]) == (byte) 0xFF) {
      return Optional.of("limited broadcast 255.255.255.255");
    }
    for (Block block : BLOCKS) {
      if (block.contains(bytes)) {
        return switch (block.verdict()) {
          case ALLOWED -> Optional.empty();
          case REFUSED -> Optional.of(block.name() + " range " + block.cidr());
          case EMBEDDED_IPV4 -> refusal(ipv4(bytes, block.ipv4Offset()))
              .map(inner -> block.name() + " form of an address in the " + inner);
        };
      }
    }
    if (bytes.length == 16 && !GLOBAL_UNICAST.contains(bytes)) {
      return Optional.of("IPv6 space outside global unicast 2000::/3");
    }
    return Optional.empty();
  }

  /** The IPv4 address inside an IPv6 one, or the address itself when it is IPv4 already. */
  static InetAddress asIpv4(InetAddress address) {
    byte[] bytes = address.getAddress();
    if (address instanceof Inet4Address) {
      return address;
    }
    for (Block block : BLOCKS) {
      if (block.contains(bytes)) {
        return block.verdict() == Verdict.EMBEDDED_IPV4 ? ipv4(bytes, block.ipv4Offset()) : address;
      }
    }
    return address;
  }

  private static InetAddress ipv4(byte[] bytes, int offset) {
    try {
      return InetAddress.getByAddress(new byte[] {bytes[offset], bytes[offset + 1], bytes[offset + 2],
          bytes[offset + 3]});
    } catch (UnknownHostException impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  /** A block's first address as bytes, IPv6 kept as 16 bytes (Java turns ::ffff:a.b.c.d into IPv4). */
  private static byte[] prefixBytes(String text) {
    try {
      byte[] bytes = InetAddress.getByName(text).getAddress();
      if (bytes.length == 4 && text.contains(":")) {
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xFF;
        mapped[11] = (byte) 0xFF;
        System.arraycopy(bytes, 0, mapped, 12, 4);
        return mapped;
      }
      return bytes;
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(text, e);
    }
  }
}
