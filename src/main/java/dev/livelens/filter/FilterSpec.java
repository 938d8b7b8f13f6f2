package dev.livelens.filter;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * What a filter is called, what it does, which parameters it takes and, for a filter that carries
 * something from frame to frame, the state a stream keeps for it: the public face of a filter.
 * A filter whose parameters are not flat ({@link FilterChain}'s list of filters) brings its own resolver.
 */
public record FilterSpec(String name, String description, List<ParamSpec> params, Supplier<FilterState> states,
    UnaryOperator<JsonObject> resolver) {

  /** A filter that needs nothing from earlier frames. */
  public FilterSpec(String name, String description, List<ParamSpec> params) {
    this(name, description, params, () -> FilterState.NONE);
  }

  /** A filter with flat parameters. */
  public FilterSpec(String name, String description, List<ParamSpec> params, Supplier<FilterState> states) {
    this(name, description, params, states, null);
  }

  /** A fresh state for a stream that selects this filter. */
  public FilterState newState() {
    return states.get();
  }

  /**
   * The complete parameter set to apply: defaults filled in, every given value checked.
   *
   * @throws BadParamsException naming the first unknown, mistyped or out-of-range parameter
   */
  public JsonObject resolve(JsonObject given) {
    if (resolver != null) {
      return resolver.apply(given == null ? new JsonObject() : given);
    }
    JsonObject applied = new JsonObject();
    JsonObject input = given == null ? new JsonObject() : given;
    for (String key : input.fieldNames()) {
      if (params.stream().noneMatch(p -> p.name().equals(key))) {
        throw new BadParamsException("filter " + name + " has no parameter " + key);
      }
    }
    for (ParamSpec param : params) {
      applied.put(param.name(), param.validate(input.getValue(param.name())));
    }
    return applied;
  }

  public JsonObject toJson() {
    JsonArray paramsJson = new JsonArray();
    params.forEach(p -> paramsJson.add(p.toJson()));
    return new JsonObject().put("name", name).put("description", description).put("params", paramsJson);
  }
}
