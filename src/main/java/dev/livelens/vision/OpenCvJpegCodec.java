package dev.livelens.vision;

import org.opencv.core.CvException;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.MatOfInt;
import org.opencv.imgcodecs.Imgcodecs;

/** OpenCV's own codec: always available, but built without SIMD in the openpnp jar. */
public final class OpenCvJpegCodec implements JpegCodec {

  private final MatOfByte input = new MatOfByte();
  private final MatOfByte output = new MatOfByte();
  private final MatOfInt qualityParams = new MatOfInt();
  private int lastQuality = -1;

  @Override
  public String name() {
    return "opencv";
  }

  @Override
  public Pixels decode(byte[] jpeg, int length, Mat dst, Pixels pixels) {
    // imdecode also takes PNG etc., decodes a truncated JPEG as a partly grey picture without
    // failing, and allocates whatever the header claims (up to 2^30 pixels): check all that first.
    JpegHeader header = JpegStructure.requireDecodable(jpeg, length);
    input.create(1, length, CvType.CV_8UC1);
    input.put(0, 0, jpeg, 0, length);
    Mat decoded;
    try {
      decoded = Imgcodecs.imdecode(input,
          pixels == Pixels.GRAY ? Imgcodecs.IMREAD_GRAYSCALE : Imgcodecs.IMREAD_COLOR);
    } catch (CvException e) {
      throw new BadImageException("not a decodable JPEG: " + e.getMessage());
    }
    try {
      if (decoded.empty()) {
        throw new BadImageException("not a decodable JPEG");
      }
      if (decoded.cols() != header.width() || decoded.rows() != header.height()) {
        throw new BadImageException("JPEG decodes to another size than its header says");
      }
      decoded.copyTo(dst);
      return pixels == Pixels.GRAY ? Pixels.GRAY : Pixels.BGR; // never I420: imdecode converts colours itself
    } finally {
      NativeObjects.delete(decoded); // imdecode makes a new Mat each time: its header too is freed now
    }
  }

  @Override
  public byte[] encode(Mat image, int quality) {
    if (quality != lastQuality) {
      qualityParams.fromArray(Imgcodecs.IMWRITE_JPEG_QUALITY, quality);
      lastQuality = quality;
    }
    Imgcodecs.imencode(".jpg", image, output, qualityParams);
    return output.toArray();
  }

  /** Releases the scratch Mats now rather than at garbage collection. */
  @Override
  public void close() {
    input.release();
    output.release();
    qualityParams.release();
  }
}
