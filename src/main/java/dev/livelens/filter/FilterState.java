package dev.livelens.filter;

import io.vertx.core.json.JsonObject;

/**
 * What a filter keeps across the frames of one stream, owned by the filter and kept by the stream on
 * its event loop. Before each frame goes to a worker the stream asks for the state to carry with it, so
 * any worker in any JVM can process the frame; when the processed frame comes back, the filter learns
 * from the state it was sent with and what it reported. The stream never looks inside.
 */
public interface FilterState {

  /** For filters that need nothing from earlier frames. */
  FilterState NONE = new FilterState() {
    private final JsonObject empty = new JsonObject();

    @Override
    public JsonObject next(JsonObject params) {
      return empty;
    }

    @Override
    public void learn(JsonObject sent, JsonObject report) {
    }
  };

  /** The state to carry with the frame that is going to a worker now; a fresh object the stream hands over. */
  JsonObject next(JsonObject params);

  /** A frame sent with {@code sent} came back with {@code report} (replies may come out of order). */
  void learn(JsonObject sent, JsonObject report);
}
