package dev.livelens.library.jobs;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Splits FFmpeg's stream of JPEGs (image2pipe) into single images: segments are skipped by their
 * lengths up to the scan, whose data ends at the first marker that is not a restart or a stuffed 0xFF.
 */
final class JpegReader {

  private final InputStream in;
  private final ByteArrayOutputStream image = new ByteArrayOutputStream(64 * 1024);

  JpegReader(InputStream in) {
    this.in = in;
  }

  /** The next image, or null at the end of the stream. */
  byte[] next() throws IOException {
    image.reset();
    int first = in.read();
    if (first < 0) {
      return null;
    }
    if (first != 0xFF || read() != 0xD8) {
      throw new IOException("the decoder's output is not a JPEG stream");
    }
    image.write(0xFF);
    image.write(0xD8);
    while (true) {
      int marker = marker();
      if (marker == 0xD9) {
        return image.toByteArray();
      }
      int length = (read() << 8) | read();
      image.write(length >> 8);
      image.write(length & 0xFF);
      image.write(in.readNBytes(length - 2));
      if (marker == 0xDA) {
        return scan();
      }
    }
  }

  /** Entropy-coded data up to and with the end-of-image marker. */
  private byte[] scan() throws IOException {
    while (true) {
      int b = read();
      image.write(b);
      if (b == 0xFF) {
        int next = read();
        image.write(next);
        if (next == 0xD9) {
          return image.toByteArray();
        }
      }
    }
  }

  private int marker() throws IOException {
    int ff = read();
    int marker = read();
    while (marker == 0xFF) {
      marker = read(); // fill bytes
    }
    if (ff != 0xFF) {
      throw new IOException("lost the JPEG structure in the decoder's output");
    }
    image.write(0xFF);
    image.write(marker);
    return marker;
  }

  private int read() throws IOException {
    int b = in.read();
    if (b < 0) {
      throw new IOException("the decoder's output ended inside an image");
    }
    return b;
  }
}
