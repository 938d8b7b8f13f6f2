package dev.livelens.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.livelens.bus.Addresses;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.micrometer.backends.BackendRegistries;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The {@code address} label through the same rules Vert.x applies to its event-bus meters: every address
 * {@link Addresses} can make is labelled without its id, so a new per-thing address without a family fails here.
 */
class AddressFamiliesTest {

  private static final String SOME_ID = "Zx9_k-Q2mPr7TtYw1bC3dE";

  private final MeterRegistry registry = new SimpleMeterRegistry();

  AddressFamiliesTest() {
    BackendRegistries.registerMatchers(registry, AddressFamilies.matches());
  }

  @Test
  void everyAddressMadePerThingIsLabelledAsItsFamilyWithoutTheId() throws Exception {
    List<String> labels = new ArrayList<>();
    for (Method method : Addresses.class.getDeclaredMethods()) {
      if (!Modifier.isPublic(method.getModifiers()) || method.getParameterCount() != 1) {
        continue;
      }
      Object id = method.getParameterTypes()[0] == long.class ? (Object) 987_654_321L : SOME_ID;
      String address = (String) method.invoke(null, id);
      String label = label(address);
      assertNotEquals(AddressFamilies.OTHER, label, address + " has no family");
      assertFalse(label.contains(String.valueOf(id)), address + " is labelled " + label);
      labels.add(label);
    }
    assertEquals(Set.copyOf(AddressFamilies.PER_THING), Set.copyOf(labels));
  }

  @Test
  void aNodeWideAddressIsLabelledAsItself() throws Exception {
    Set<String> constants = new HashSet<>();
    for (Field field : Addresses.class.getDeclaredFields()) {
      if (Modifier.isPublic(field.getModifiers()) && field.getType() == String.class) {
        String address = (String) field.get(null);
        assertEquals(address, label(address));
        constants.add(address);
      }
    }
    assertEquals(Set.copyOf(AddressFamilies.NODE_WIDE), constants);
  }

  @Test
  void anAddressOfNoKnownShapeIsLabelledOther() {
    assertEquals(AddressFamilies.OTHER, label("some.library.consumer.42"));
    assertEquals(AddressFamilies.OTHER, label(Addresses.room(SOME_ID) + ".unknown"));
    assertEquals(AddressFamilies.OTHER, label(Addresses.FRAMES + ".extra"));
  }

  @Test
  void thousandsOfStreamsShareOneSeriesPerMeterAndTheirCountsAddUp() {
    for (int i = 0; i < 1000; i++) {
      registry.counter("vertx.eventbus.published", "address", Addresses.processed("stream" + i)).increment();
    }
    assertEquals(1, registry.find("vertx.eventbus.published").counters().size());
    assertEquals(1000, registry.get("vertx.eventbus.published").counter().count());
  }

  @Test
  void metersOutsideTheEventBusKeepTheirAddressTag() {
    registry.counter("livelens.something", "address", Addresses.processed(SOME_ID));
    assertTrue(registry.find("livelens.something").tag("address", Addresses.processed(SOME_ID)).counter() != null);
  }

  private String label(String address) {
    return registry.counter("vertx.eventbus.sent", "address", address).getId().getTag("address");
  }
}
