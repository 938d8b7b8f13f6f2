package dev.livelens.testing;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/** Frames that are wrong in one specific way, made from a good one. */
public final class BadFrames {

  private BadFrames() {
  }

  /** The JPEG cut in half: no end-of-image marker. */
  public static byte[] truncated(byte[] jpeg) {
    return Arrays.copyOf(jpeg, jpeg.length / 2);
  }

  /** The JPEG's scan cut at 60% and closed with an end-of-image marker: complete in form, corrupt in data. */
  public static byte[] cutScanEndingWithEoi(byte[] jpeg) {
    int cut = jpeg.length * 6 / 10;
    byte[] forged = Arrays.copyOf(jpeg, cut + 2);
    forged[cut] = (byte) 0xFF;
    forged[cut + 1] = (byte) 0xD9;
    return forged;
  }

  /** A valid JPEG whose frame header claims {@code width} x {@code height} pixels. */
  public static byte[] claimingSize(byte[] jpeg, int width, int height) {
    byte[] copy = jpeg.clone();
    for (int i = 2; i + 9 < copy.length; i++) {
      int marker = copy[i + 1] & 0xFF;
      if ((copy[i] & 0xFF) == 0xFF && (marker == 0xC0 || marker == 0xC2)) {
        copy[i + 5] = (byte) (height >> 8);
        copy[i + 6] = (byte) height;
        copy[i + 7] = (byte) (width >> 8);
        copy[i + 8] = (byte) width;
        return copy;
      }
    }
    throw new IllegalArgumentException("no SOF0/SOF2 marker in the JPEG");
  }

  /**
   * A valid progressive grey JPEG of {@code side} x {@code side} pixels with one DC scan and then
   * 14 successive-approximation scans for each of the 63 AC coefficients (883 scans): a few KB per
   * 1000x1000 pixels that would cost a decoder a pass over the whole image per scan.
   */
  public static byte[] manyScans(int side) {
    int blocks = (side / 8) * (side / 8);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(0xFF);
    out.write(0xD8);
    byte[] quantisation = new byte[65];
    Arrays.fill(quantisation, 1, 65, (byte) 1);
    segment(out, 0xDB, quantisation);
    segment(out, 0xC2, new byte[] {8, (byte) (side >> 8), (byte) side, (byte) (side >> 8), (byte) side, 1, 1, 0x11, 0});
    byte[] dcTable = new byte[18]; // one code of length 1: category 0
    dcTable[1] = 1;
    segment(out, 0xC4, dcTable);
    byte[] acTable = new byte[32]; // 15 codes of length 4: end-of-band runs EOB0..EOB14
    acTable[0] = 0x10;
    acTable[4] = 15;
    for (int r = 0; r < 15; r++) {
      acTable[17 + r] = (byte) (r << 4);
    }
    segment(out, 0xC4, acTable);
    segment(out, 0xDA, new byte[] {1, 1, 0x00, 0, 0, 0x00});
    Bits dc = new Bits();
    for (int i = 0; i < blocks; i++) {
      dc.put(0, 1);
    }
    out.writeBytes(dc.finish());
    for (int k = 1; k <= 63; k++) {
      for (int pass = 0; pass <= 13; pass++) {
        int high = pass == 0 ? 0 : 14 - pass;
        int low = 13 - pass;
        segment(out, 0xDA, new byte[] {1, 1, 0x00, (byte) k, (byte) k, (byte) ((high << 4) | low)});
        Bits ac = new Bits(); // every block of the band skipped with end-of-band runs
        for (int left = blocks; left > 0; ) {
          int run = Math.min(left, 32767);
          int bits = 31 - Integer.numberOfLeadingZeros(run);
          ac.put(bits, 4);
          if (bits > 0) {
            ac.put(run - (1 << bits), bits);
          }
          left -= run;
        }
        out.writeBytes(ac.finish());
      }
    }
    out.write(0xFF);
    out.write(0xD9);
    return out.toByteArray();
  }

  /**
   * The JPEG with a second, larger frame header hidden where a strict reader sees a stuffed 0xFF00
   * "segment" and libjpeg sees stray bytes to skip: the two would read different sizes.
   */
  public static byte[] withHiddenFrameHeader(byte[] jpeg, int width, int height) {
    byte[] big = claimingSize(jpeg, width, height);
    int sof = frameHeaderAt(jpeg);
    int sofLength = 2 + (((jpeg[sof + 2] & 0xFF) << 8) | (jpeg[sof + 3] & 0xFF));
    ByteArrayOutputStream hidden = new ByteArrayOutputStream();
    hidden.write(big, sof, sofLength);
    // A comment segment that swallows the real frame header, for libjpeg only.
    int commentLength = 2 + sofLength;
    hidden.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xFE, (byte) (commentLength >> 8), (byte) commentLength});
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0x00});
    int stuffedLength = hidden.size() + 2;
    out.writeBytes(new byte[] {(byte) (stuffedLength >> 8), (byte) stuffedLength});
    out.writeBytes(hidden.toByteArray());
    out.write(jpeg, sof, sofLength);
    out.write(jpeg, 2, sof - 2);
    out.write(jpeg, sof + sofLength, jpeg.length - sof - sofLength);
    return out.toByteArray();
  }

  private static int frameHeaderAt(byte[] jpeg) {
    int pos = 2;
    while (pos + 4 < jpeg.length) {
      int marker = jpeg[pos + 1] & 0xFF;
      if (marker == 0xC0 || marker == 0xC2) {
        return pos;
      }
      pos += 2 + (((jpeg[pos + 2] & 0xFF) << 8) | (jpeg[pos + 3] & 0xFF));
    }
    throw new IllegalArgumentException("no SOF0/SOF2 marker in the JPEG");
  }

  private static void segment(ByteArrayOutputStream out, int marker, byte[] body) {
    int length = body.length + 2;
    out.writeBytes(new byte[] {(byte) 0xFF, (byte) marker, (byte) (length >> 8), (byte) length});
    out.writeBytes(body);
  }

  /** Entropy-coded bits, most significant first, with 0xFF bytes stuffed and the end padded with ones. */
  private static final class Bits {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private int pending;
    private int count;

    void put(int value, int bits) {
      for (int i = bits - 1; i >= 0; i--) {
        pending = (pending << 1) | ((value >> i) & 1);
        if (++count == 8) {
          out.write(pending);
          if (pending == 0xFF) {
            out.write(0);
          }
          pending = 0;
          count = 0;
        }
      }
    }

    byte[] finish() {
      while (count != 0) {
        put(1, 1);
      }
      return out.toByteArray();
    }
  }

  /** Bytes that are not an image at all. */
  public static byte[] notAnImage() {
    return "this is not a JPEG, just some text pretending to be a frame".getBytes();
  }
}
