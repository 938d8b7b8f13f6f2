package dev.livelens.stream;

import dev.livelens.filter.FilterSpec;
import dev.livelens.filter.FilterState;
import io.vertx.core.json.JsonObject;

/**
 * The filter a stream has selected: its resolved parameters and the state it keeps across this
 * selection's frames (a new selection starts a new state, so nothing learnt is carried into it).
 */
record SelectedFilter(FilterSpec spec, JsonObject params, FilterState state) {

  /** @throws dev.livelens.filter.BadParamsException when a given parameter is not acceptable */
  static SelectedFilter of(FilterSpec spec, JsonObject given) {
    return new SelectedFilter(spec, spec.resolve(given), spec.newState());
  }

  String name() {
    return spec.name();
  }
}
