package dev.livelens.filter;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Several filters applied in order to one decoded frame, encoded once: the filter named {@code chain},
 * whose parameters are {"stages":[{"name":..., "params":{...}}, ...]}. Each stage's parameters are checked
 * as that filter's own, each keeps its own state ({@link ChainState}), and the chain's report carries
 * every stage's report ({@code chain}) and time ({@code stageNanos}), the last stage's fields on top.
 */
public final class FilterChain {

  public static final String NAME = "chain";
  static final String STAGES = "stages";
  static final String REPORTS = "chain";
  static final String STAGE_NANOS = "stageNanos";
  public static final int MAX_STAGES = 5;

  private FilterChain() {
  }

  static FilterSpec spec(FilterCatalog catalog) {
    return new FilterSpec(NAME, "Several filters in order, on one decode and one encode", List.of(),
        () -> new ChainState(catalog), given -> resolve(catalog, given));
  }

  /**
   * Each stage's filter and its time on one frame, from a chain frame's parameters and report; empty for a
   * frame of another filter.
   */
  public static void stageTimes(JsonObject params, JsonObject report, BiConsumer<String, Long> stage) {
    JsonArray stages = params.getJsonArray(STAGES);
    JsonArray nanos = report.getJsonArray(STAGE_NANOS);
    if (stages == null || nanos == null) {
      return;
    }
    for (int i = 0; i < stages.size() && i < nanos.size(); i++) {
      stage.accept(stages.getJsonObject(i).getString("name"), nanos.getLong(i));
    }
  }

  private static JsonObject resolve(FilterCatalog catalog, JsonObject given) {
    for (String key : given.fieldNames()) {
      if (!key.equals(STAGES)) {
        throw new BadParamsException("a chain has no parameter " + key + "; give its filters as 'stages'");
      }
    }
    if (!(given.getValue(STAGES) instanceof JsonArray stages) || stages.isEmpty() || stages.size() > MAX_STAGES) {
      throw new BadParamsException("a chain needs a list of 1 to " + MAX_STAGES + " filters");
    }
    JsonArray resolved = new JsonArray();
    for (int i = 0; i < stages.size(); i++) {
      if (!(stages.getValue(i) instanceof JsonObject stage) || !(stage.getValue("name") instanceof String name)) {
        throw new BadParamsException("filter " + (i + 1) + " of the chain needs a 'name'");
      }
      Object params = stage.getValue("params");
      if (params != null && !(params instanceof JsonObject)) {
        throw new BadParamsException("the 'params' of " + name + " in the chain must be a JSON object");
      }
      FilterSpec spec = catalog.spec(name).filter(s -> !s.name().equals(NAME))
          .orElseThrow(() -> new BadParamsException("no filter named '" + name + "' to chain; known: "
              + catalog.names()));
      resolved.add(new JsonObject().put("name", name).put("params", spec.resolve((JsonObject) params)));
    }
    return new JsonObject().put(STAGES, resolved);
  }
}
