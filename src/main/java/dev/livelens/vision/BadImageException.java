package dev.livelens.vision;

/** The bytes of a frame are not an image the server will process. */
public class BadImageException extends RuntimeException {

  public BadImageException(String message) {
    super(message);
  }
}
