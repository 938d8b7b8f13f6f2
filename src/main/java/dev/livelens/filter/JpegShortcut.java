package dev.livelens.filter;

import dev.livelens.vision.JpegHeader;

/**
 * A filter's answer made from the frame's JPEG alone, with no pixel decoded or encoded.
 *
 * @param jpeg the reply's bytes, or null for the client's JPEG exactly as it was sent
 * @param header the size of the picture, read from the checked header
 */
public record JpegShortcut(byte[] jpeg, JpegHeader header) {

  /** The client's own bytes go back: no copy is made, the frame's buffer is the reply. */
  public static JpegShortcut asSent(JpegHeader header) {
    return new JpegShortcut(null, header);
  }

  public boolean isAsSent() {
    return jpeg == null;
  }
}
