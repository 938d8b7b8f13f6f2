package dev.livelens.filter;

import io.vertx.core.json.JsonObject;

/** One tunable parameter of a filter, with the range the server accepts. */
public record ParamSpec(String name, Type type, double defaultValue, double min, double max, double step,
    String description) {

  public enum Type {
    INT, NUMBER, BOOLEAN;

    String wireName() {
      return name().toLowerCase();
    }
  }

  public static ParamSpec integer(String name, int defaultValue, int min, int max, String description) {
    return new ParamSpec(name, Type.INT, defaultValue, min, max, 1, description);
  }

  public static ParamSpec number(String name, double defaultValue, double min, double max, double step,
      String description) {
    return new ParamSpec(name, Type.NUMBER, defaultValue, min, max, step, description);
  }

  public static ParamSpec bool(String name, boolean defaultValue, String description) {
    return new ParamSpec(name, Type.BOOLEAN, defaultValue ? 1 : 0, 0, 1, 1, description);
  }

  /** The value to apply for what a client sent, or an exception naming what is wrong with it. */
  Object validate(Object given) {
    if (given == null) {
      return defaultJson();
    }
    if (type == Type.BOOLEAN) {
      if (given instanceof Boolean b) {
        return b;
      }
      throw new BadParamsException(name + " must be true or false");
    }
    if (!(given instanceof Number number)) {
      throw new BadParamsException(name + " must be a number");
    }
    double value = number.doubleValue();
    if (type == Type.INT && value != Math.rint(value)) {
      throw new BadParamsException(name + " must be a whole number");
    }
    if (!(value >= min && value <= max)) {
      throw new BadParamsException(name + " must be between " + format(min) + " and " + format(max));
    }
    return type == Type.INT ? (Object) (int) value : (Object) value;
  }

  private Object defaultJson() {
    return switch (type) {
      case INT -> (int) defaultValue;
      case NUMBER -> defaultValue;
      case BOOLEAN -> defaultValue != 0;
    };
  }

  private String format(double value) {
    return type == Type.INT ? String.valueOf((long) value) : String.valueOf(value);
  }

  JsonObject toJson() {
    JsonObject json = new JsonObject().put("name", name).put("type", type.wireName())
        .put("default", defaultJson()).put("description", description);
    if (type != Type.BOOLEAN) {
      json.put("min", type == Type.INT ? (Object) (int) min : (Object) min)
          .put("max", type == Type.INT ? (Object) (int) max : (Object) max)
          .put("step", type == Type.INT ? (Object) (int) step : (Object) step);
    }
    return json;
  }
}
