package dev.livelens.testing;

import org.opencv.core.Rect;
import org.opencv.core.MatOfDouble;
import dev.livelens.vision.OpenCvNatives;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.MatOfInt;
import org.opencv.core.Point;
import org.opencv.core.Scalar;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

/** Real photos from the test resources and simple drawn images, as JPEG bytes. */
public final class TestImages {

  static {
    OpenCvNatives.load();
  }

  private TestImages() {
  }

  public static byte[] resource(String name) {
    try (InputStream in = TestImages.class.getResourceAsStream("/images/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no test image " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A picture cropped from its centre to the shape of {@code size} and scaled to it, as a backdrop is shown. */
  public static Mat covering(Mat picture, org.opencv.core.Size size) {
    double scale = Math.max(size.width / picture.cols(), size.height / picture.rows());
    int width = (int) Math.min(picture.cols(), Math.round(size.width / scale));
    int height = (int) Math.min(picture.rows(), Math.round(size.height / scale));
    Mat middle = picture.submat(new org.opencv.core.Rect((picture.cols() - width) / 2, (picture.rows() - height) / 2,
        width, height));
    Mat covered = new Mat();
    Imgproc.resize(middle, covered, size, 0, 0, Imgproc.INTER_AREA);
    middle.release();
    return covered;
  }

  /** 640x480 JPEG of the astronaut photo: one frontal face. */
  public static byte[] faceFrame() {
    return resource("astronaut-640x480.jpg");
  }

  /** The astronaut photo scaled to width x height, as a JPEG of quality 80, as a camera page might send it. */
  public static byte[] astronautJpeg(int width, int height) {
    return scaledJpeg("astronaut.png", width, height, 80);
  }

  /** A 640x480 JPEG of a photo with no face in it. */
  public static byte[] noFaceFrame() {
    return scaledJpeg("coffee.png", 640, 480, 90);
  }

  private static byte[] scaledJpeg(String photoName, int width, int height, int quality) {
    Mat photo = decode(resource(photoName));
    Mat scaled = new Mat();
    Imgproc.resize(photo, scaled, new org.opencv.core.Size(width, height));
    byte[] jpeg = encode(scaled, quality);
    photo.release();
    scaled.release();
    return jpeg;
  }

  /** A flat mid-grey 640x480 frame with a white rectangle from (200,150) to (440,330). */
  public static byte[] rectangleFrame() {
    Mat image = new Mat(480, 640, CvType.CV_8UC3, new Scalar(90, 90, 90));
    Imgproc.rectangle(image, new Point(200, 150), new Point(440, 330), new Scalar(255, 255, 255), -1);
    byte[] jpeg = encode(image);
    image.release();
    return jpeg;
  }

  /** A 640x480 frame of one flat colour: nothing to find in it. */
  public static byte[] flatFrame() {
    Mat image = new Mat(480, 640, CvType.CV_8UC3, new Scalar(40, 120, 200));
    byte[] jpeg = encode(image);
    image.release();
    return jpeg;
  }

  public static Mat decode(byte[] bytes) {
    MatOfByte buffer = new MatOfByte(bytes);
    Mat image = Imgcodecs.imdecode(buffer, Imgcodecs.IMREAD_COLOR);
    buffer.release();
    if (image.empty()) {
      throw new AssertionError("not a decodable image (" + bytes.length + " bytes)");
    }
    return image;
  }

  public static byte[] encode(Mat image) {
    return encode(image, 90);
  }

  private static byte[] encode(Mat image, int quality) {
    MatOfByte buffer = new MatOfByte();
    Imgcodecs.imencode(".jpg", image, buffer, new MatOfInt(Imgcodecs.IMWRITE_JPEG_QUALITY, quality));
    byte[] bytes = buffer.toArray();
    buffer.release();
    return bytes;
  }

  /** Largest difference between the B, G and R values of any pixel. */
  public static double maxChannelSpread(Mat bgr) {
    Mat spread = new Mat();
    java.util.List<Mat> planes = new java.util.ArrayList<>();
    Core.split(bgr, planes);
    Core.absdiff(planes.get(0), planes.get(1), spread);
    double max = Core.minMaxLoc(spread).maxVal;
    Core.absdiff(planes.get(1), planes.get(2), spread);
    max = Math.max(max, Core.minMaxLoc(spread).maxVal);
    planes.forEach(Mat::release);
    spread.release();
    return max;
  }

  /** Variance of the Laplacian of a region's luminance: how much fine detail it has. */
  public static double sharpness(Mat bgr, Rect region) {
    Mat roi = bgr.submat(region);
    Mat gray = new Mat();
    Mat laplacian = new Mat();
    MatOfDouble mean = new MatOfDouble();
    MatOfDouble deviation = new MatOfDouble();
    try {
      Imgproc.cvtColor(roi, gray, Imgproc.COLOR_BGR2GRAY);
      Imgproc.Laplacian(gray, laplacian, CvType.CV_64F);
      Core.meanStdDev(laplacian, mean, deviation);
      double sd = deviation.get(0, 0)[0];
      return sd * sd;
    } finally {
      roi.release();
      gray.release();
      laplacian.release();
      mean.release();
      deviation.release();
    }
  }

  /** Mean absolute difference of two pictures of one size and type, averaged over their channels. */
  public static double meanAbsDiff(Mat a, Mat b) {
    Mat diff = new Mat();
    Core.absdiff(a, b, diff);
    Scalar mean = Core.mean(diff);
    diff.release();
    double sum = 0;
    for (int c = 0; c < a.channels(); c++) {
      sum += mean.val[c];
    }
    return sum / a.channels();
  }
}
