package dev.livelens.filter;

/** Parameters a client sent for a filter are of the wrong type, out of range or unknown. */
public class BadParamsException extends RuntimeException {

  public BadParamsException(String message) {
    super(message);
  }
}
