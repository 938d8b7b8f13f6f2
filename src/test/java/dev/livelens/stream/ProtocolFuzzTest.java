package dev.livelens.stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.livelens.filter.BadParamsException;
import dev.livelens.filter.FilterCatalog;
import dev.livelens.filter.FilterSpec;
import dev.livelens.vision.BadImageException;
import dev.livelens.vision.JpegHeader;
import io.vertx.core.json.JsonObject;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * Property-based fuzzing of everything that parses client input on the event loop: whatever arrives,
 * the parsers either accept it or refuse it with the protocol's own error, and never throw anything else.
 */
class ProtocolFuzzTest {

  private static final int MAX_FRAME_BYTES = 4 * 1024 * 1024;
  private static final FilterCatalog CATALOG = FilterCatalog.standard();

  @Property(tries = 3000)
  void jpegHeaderReaderOnlyEverRefusesWithBadImage(@ForAll @Size(max = 300) byte[] bytes) {
    try {
      JpegHeader header = JpegHeader.read(bytes, 0, bytes.length);
      assertTrue(header.width() > 0 && header.height() > 0, header.toString());
    } catch (BadImageException expected) {
      assertFalse(expected.getMessage().isBlank());
    }
  }

  @Property(tries = 3000)
  void jpegHeaderReaderSurvivesMutatedRealHeaders(@ForAll("mutatedJpegHeaders") byte[] bytes) {
    jpegHeaderReaderOnlyEverRefusesWithBadImage(bytes);
  }

  @Property(tries = 3000)
  void textParserOnlyEverRefusesWithAProtocolError(@ForAll("textMessages") String text) {
    try {
      TextMessage message = TextMessage.parse(text, MAX_FRAME_BYTES);
      assertNotNull(message);
    } catch (TextMessage.Invalid expected) {
      assertTrue(expected.code().isClientFault(), expected.code().toString());
      assertFalse(expected.getMessage().isBlank());
      if (expected.frameId() != null) {
        assertTrue(expected.frameId() >= 0 && expected.frameId() <= WireFormat.MAX_ID);
      }
    }
  }

  @Property(tries = 2000)
  void filterParamsAreResolvedWithinRangeOrRefused(@ForAll("filterNames") String name,
      @ForAll("paramObjects") JsonObject params) {
    FilterSpec spec = CATALOG.spec(name).orElseThrow();
    try {
      JsonObject applied = spec.resolve(params);
      spec.params().forEach(p -> {
        Object value = applied.getValue(p.name());
        if (value instanceof Number number) {
          assertTrue(number.doubleValue() >= p.min() && number.doubleValue() <= p.max(), applied.encode());
        }
      });
    } catch (BadParamsException expected) {
      assertFalse(expected.getMessage().isBlank());
    }
  }

  @Provide
  Arbitrary<byte[]> mutatedJpegHeaders() {
    byte[] header = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0, 1, 1, 0, 0, 1,
        0, 1, 0, 0, (byte) 0xFF, (byte) 0xC0, 0, 17, 8, 1, (byte) 0xE0, 2, (byte) 0x80, 3, 1, 0x22, 0, 2, 0x11, 1,
        3, 0x11, 1, (byte) 0xFF, (byte) 0xDA};
    return Combinators.combine(Arbitraries.integers().between(0, header.length - 1),
            Arbitraries.bytes(), Arbitraries.integers().between(1, header.length))
        .as((position, value, length) -> {
          byte[] copy = java.util.Arrays.copyOf(header, length);
          if (position < length) {
            copy[position] = value;
          }
          return copy;
        });
  }

  @Provide
  Arbitrary<String> textMessages() {
    Arbitrary<String> anyText = Arbitraries.strings().ofMaxLength(200);
    Arbitrary<Object> anyValue = Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(20).map(s -> (Object) s),
        Arbitraries.longs().map(l -> (Object) l),
        Arbitraries.doubles().map(d -> (Object) d),
        Arbitraries.of(true, false).map(b -> (Object) b),
        Arbitraries.just(new JsonObject()).map(o -> (Object) o),
        Arbitraries.just("data:image/jpeg;base64,/9j/4AAQ").map(s -> (Object) s));
    Arbitrary<String> shaped = Combinators.combine(
            Arbitraries.of("frame", "filter", "hello", "FRAME", "", "stats"), anyValue, anyValue, anyValue)
        .as((type, id, data, params) -> new JsonObject().put("type", type).put("id", id).put("data", data)
            .put("filter", data).put("params", params).encode());
    return Arbitraries.oneOf(anyText, shaped);
  }

  @Provide
  Arbitrary<String> filterNames() {
    return Arbitraries.of(CATALOG.names());
  }

  @Provide
  Arbitrary<JsonObject> paramObjects() {
    Arbitrary<String> keys = Arbitraries.of("low", "high", "detectWidth", "minNeighbors", "detectEvery", "minScore", "strength", "other");
    Arbitrary<Object> values = Arbitraries.oneOf(
        Arbitraries.integers().between(-2000, 2000).map(i -> (Object) i),
        Arbitraries.doubles().between(-1e6, 1e6).map(d -> (Object) d),
        Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY).map(d -> (Object) d),
        Arbitraries.strings().ofMaxLength(5).map(s -> (Object) s),
        Arbitraries.of(true, false).map(b -> (Object) b));
    return Arbitraries.maps(keys, values).ofMaxSize(4).map(map -> new JsonObject(new java.util.HashMap<>(map)));
  }
}
