package dev.livelens.filter;

import io.vertx.core.json.JsonArray;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** The filters this server offers: their specs for the API and the stream, and factories for workers. */
public final class FilterCatalog {

  private final Map<String, FilterSpec> specs = new LinkedHashMap<>();
  private final Map<String, Supplier<Filter>> factories = new LinkedHashMap<>();
  /** Not listed with the filters (it is made of them), but selectable by name like one. */
  private final FilterSpec chain = FilterChain.spec(this);

  public static FilterCatalog standard() {
    return new FilterCatalog()
        .add(NoneFilter.SPEC, NoneFilter::new)
        .add(GrayFilter.SPEC, GrayFilter::new)
        .add(EdgesFilter.SPEC, EdgesFilter::new)
        .add(BlazeFacesFilter.SPEC, BlazeFacesFilter::new)
        .add(HideFacesFilter.PIXELATE, HideFacesFilter::pixelate)
        .add(HideFacesFilter.BLUR, HideFacesFilter::blur)
        .add(BackgroundFilter.BLUR, BackgroundFilter::blur)
        .add(BackgroundFilter.REPLACE, BackgroundFilter::replace);
  }

  /** {@code faces} on the Haar cascade instead of BlazeFace ({@code --face-detector haar}). */
  public FilterCatalog withHaarFaces() {
    return add(FacesFilter.SPEC, FacesFilter::new);
  }

  /** Adds a filter; tests use this to plug in filters with special behaviour. */
  public FilterCatalog add(FilterSpec spec, Supplier<Filter> factory) {
    specs.put(spec.name(), spec);
    factories.put(spec.name(), factory);
    return this;
  }

  public Optional<FilterSpec> spec(String name) {
    if (FilterChain.NAME.equals(name)) {
      return Optional.of(chain);
    }
    return Optional.ofNullable(name == null ? null : specs.get(name));
  }

  public List<String> names() {
    return List.copyOf(specs.keySet());
  }

  /** One fresh instance of every filter, for one worker. */
  public Map<String, Filter> createAll() {
    Map<String, Filter> filters = new LinkedHashMap<>();
    factories.forEach((name, factory) -> filters.put(name, factory.get()));
    filters.put(FilterChain.NAME, new ChainFilter(chain, Map.copyOf(filters)));
    return filters;
  }

  public JsonArray toJson() {
    JsonArray array = new JsonArray();
    specs.values().forEach(spec -> array.add(spec.toJson()));
    return array;
  }
}
