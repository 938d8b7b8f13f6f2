package dev.livelens.stream;

import dev.livelens.filter.FilterSpec;
import dev.livelens.filter.FilterState;
import dev.livelens.filter.UploadedBackground;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

/**
 * The filter a stream has selected: its resolved parameters (what the client is told), the parameters its
 * frames carry (the same, plus the stream's background picture where a filter shows it) and the state it
 * keeps across this selection's frames (a new selection starts a new state, so nothing learnt is carried into it).
 */
record SelectedFilter(FilterSpec spec, JsonObject params, JsonObject sentParams, FilterState state) {

  /** @throws dev.livelens.filter.BadParamsException when a given parameter is not acceptable */
  static SelectedFilter of(FilterSpec spec, JsonObject given, Buffer background, String key) {
    JsonObject params = spec.resolve(given);
    return new SelectedFilter(spec, params, UploadedBackground.attach(spec.name(), params, background, key),
        spec.newState());
  }

  /** The same selection, its state kept, with another background picture (or none) and its key. */
  SelectedFilter withBackground(Buffer background, String key) {
    return new SelectedFilter(spec, params, UploadedBackground.attach(spec.name(), params, background, key),
        state);
  }

  String name() {
    return spec.name();
  }
}
