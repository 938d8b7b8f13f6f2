package dev.livelens.http;

/** A verticle that listens on a port. */
public interface ServesPort {

  /** The port really bound: differs from the configured one when that was 0. */
  int actualPort();
}
