package dev.livelens.library.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every spelling of a not globally reachable address is refused; public ones pass. */
class AddressPolicyTest {

  private static final InetAddress OWN_PUBLIC = literal("8.8.4.4");
  private final AddressPolicy policy = new AddressPolicy(false, () -> Set.of(OWN_PUBLIC, literal("2606:4700::1111")));

  @ParameterizedTest
  @ValueSource(strings = {
      "0.0.0.0", "0.1.2.3", "10.0.0.1", "10.255.255.255", "100.64.0.1", "100.127.255.254", "127.0.0.1",
      "127.1", "127.255.255.254", "169.254.169.254", "172.16.0.1", "172.31.255.255", "192.0.0.1", "192.0.0.170",
      "192.0.2.2", "192.88.99.1", "192.168.1.1", "198.18.0.1", "198.19.255.255", "198.51.100.7", "203.0.113.9",
      "224.0.0.1", "239.255.255.250", "240.0.0.1", "250.1.2.3", "255.255.255.255",
      "::", "::1", "[::1]", "0:0:0:0:0:0:0:1", "::127.0.0.1", "::ffff:127.0.0.1", "[::ffff:7f00:1]",
      "::ffff:10.0.0.1", "::ffff:192.0.2.2", "::ffff:0:169.254.169.254", "64:ff9b::127.0.0.1",
      "64:ff9b::a9fe:a9fe", "64:ff9b::192.0.2.2", "64:ff9b:1::1", "100::1", "2001::1", "2001:0:4136:e378::1",
      "2001:2::1", "2001:10::1", "2001:db8::1", "2002:7f00:1::1", "2002:c000:0202::1", "2002:0a00:0001::",
      "3fff::1", "5f00::1", "fc00::1", "fd00::2", "fe80::1", "fe80::fc:ff:fe00:1", "fec0::1", "ff02::1",
      "ff05::1:3", "4000::1", "8.8.4.4", "::ffff:8.8.4.4", "64:ff9b::8.8.4.4", "2002:0808:0404::1",
      "2606:4700::1111"})
  void notGloballyReachableOrOwnAddressesAreRefused(String host) {
    assertThrows(AddressPolicy.RefusedAddress.class, () -> policy.resolve(host), host);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "1.1.1.1", "8.8.8.8", "100.63.255.255", "100.128.0.1", "172.15.255.255", "172.32.0.1", "192.0.3.1",
      "192.31.196.1", "192.169.0.1", "198.17.255.255", "198.20.0.1", "223.255.255.254", "::ffff:1.1.1.1",
      "64:ff9b::1.1.1.1", "2002:0101:0101::1", "2001:4860:4860::8888", "2606:4700:4700::1111",
      "2001:3::1", "2001:4:112::1", "2001:1::1", "2001:20::1", "3001::1"})
  void globallyReachableAddressesPass(String host) throws Exception {
    assertEquals(literal(host.replace("[", "").replace("]", "")), policy.resolve(host));
  }

  @ParameterizedTest
  @ValueSource(strings = {"127.0.0.1", "10.0.0.1", "::1", "8.8.4.4"})
  void theSwitchAllowsPrivateAddresses(String host) throws Exception {
    assertEquals(literal(host), new AddressPolicy(true, () -> Set.of(OWN_PUBLIC)).resolve(host));
  }

  private static InetAddress literal(String text) {
    try {
      return InetAddress.getByName(text);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }
}
