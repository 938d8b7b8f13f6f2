package dev.livelens.stream;

import dev.livelens.vision.BadImageException;
import dev.livelens.vision.JpegHeader;
import dev.livelens.vision.JpegStructure;
import io.vertx.core.buffer.Buffer;
import java.util.function.IntUnaryOperator;

/**
 * What a frame must be before it goes to a worker, read from the JPEG header only: non-JPEG, truncated
 * and oversized images are refused before any pixel memory exists.
 */
final class FrameCheck {

  private final int maxFrameBytes;
  private final int maxImageSide;

  FrameCheck(int maxFrameBytes, int maxImageSide) {
    this.maxFrameBytes = maxFrameBytes;
    this.maxImageSide = maxImageSide;
  }

  /** Whether the frame is within the byte limit; else it gets too_large. */
  boolean withinSize(Buffer jpeg) {
    return jpeg.length() <= maxFrameBytes;
  }

  String sizeProblem(Buffer jpeg) {
    return "frame of " + jpeg.length() + " bytes is over the limit of " + maxFrameBytes;
  }

  /** Why the image cannot be processed (it then gets bad_frame), or null when it may go to a worker. */
  String imageProblem(Buffer jpeg) {
    IntUnaryOperator byteAt = jpeg::getUnsignedByte; // reads the socket's buffer in place: no copy
    try {
      JpegHeader header = JpegHeader.read(byteAt, jpeg.length());
      if (header.width() > maxImageSide || header.height() > maxImageSide) {
        return "image of " + header.width() + "x" + header.height() + " pixels is over the limit of "
            + maxImageSide + "x" + maxImageSide;
      }
      if (!JpegStructure.endsWithEoi(byteAt, jpeg.length())) {
        return "truncated JPEG (no end-of-image marker)";
      }
      return null;
    } catch (BadImageException e) {
      return e.getMessage();
    }
  }
}
