package dev.livelens.filter;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/** A chain's state: each stage's own, made when the first frame goes out, learning from its own report. */
final class ChainState implements FilterState {

  private final FilterCatalog catalog;
  private List<FilterState> stages;

  ChainState(FilterCatalog catalog) {
    this.catalog = catalog;
  }

  @Override
  public JsonObject next(JsonObject params) {
    JsonArray stageParams = params.getJsonArray(FilterChain.STAGES);
    if (stages == null) {
      stages = new ArrayList<>();
      for (int i = 0; i < stageParams.size(); i++) {
        stages.add(catalog.spec(stageParams.getJsonObject(i).getString("name")).orElseThrow().newState());
      }
    }
    JsonArray states = new JsonArray();
    for (int i = 0; i < stages.size(); i++) {
      states.add(stages.get(i).next(stageParams.getJsonObject(i).getJsonObject("params")));
    }
    return new JsonObject().put(FilterChain.STAGES, states);
  }

  @Override
  public void learn(JsonObject sent, JsonObject report) {
    JsonArray states = sent.getJsonArray(FilterChain.STAGES);
    JsonArray reports = report.getJsonArray(FilterChain.REPORTS);
    if (stages == null || states == null || reports == null) {
      return;
    }
    for (int i = 0; i < stages.size() && i < reports.size(); i++) {
      stages.get(i).learn(states.getJsonObject(i), reports.getJsonObject(i));
    }
  }
}
