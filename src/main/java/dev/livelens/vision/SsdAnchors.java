package dev.livelens.vision;

/**
 * The anchor centres of MediaPipe's short-range face detector, as its SsdAnchorsCalculator makes them for
 * {@code face_detection_short_range}: strides 8, 16, 16, 16 (layers of one stride share a grid), two anchors
 * per layer (aspect ratio 1 and the interpolated one), offset 0.5, fixed anchor size (every anchor is 1x1,
 * so only the centres matter), in the order the model's outputs come: grid row, grid column, anchor.
 * The model was made for a 128x128 input (16x16x2 + 8x8x6 = 896 anchors), but it is convolutional up to
 * its outputs, so it also runs on a smaller input whose sides are multiples of {@link #LARGEST_STRIDE}:
 * a 4:3 frame fills 128x96 with no letterbox bars, a quarter less work.
 */
final class SsdAnchors {

  /** The model's input side: the longer side of any input given to it. */
  static final int INPUT_SIDE = 128;
  static final int LARGEST_STRIDE = 16;
  private static final int[] STRIDES = {8, 16, 16, 16};
  private static final int ANCHORS_PER_LAYER = 2;

  private SsdAnchors() {
  }

  /** {x0, y0, x1, y1, ...}: each anchor's centre in pixels of a {@code width} x {@code height} input. */
  static float[] centres(int width, int height) {
    int count = 0;
    for (int layer = 0; layer < STRIDES.length; ) {
      int last = lastWithStride(layer);
      count += columns(width, layer) * columns(height, layer) * ANCHORS_PER_LAYER * (last - layer + 1);
      layer = last + 1;
    }
    float[] centres = new float[count * 2];
    int i = 0;
    for (int layer = 0; layer < STRIDES.length; ) {
      int last = lastWithStride(layer);
      int perCell = ANCHORS_PER_LAYER * (last - layer + 1);
      int columns = columns(width, layer);
      int rows = columns(height, layer);
      for (int y = 0; y < rows; y++) {
        for (int x = 0; x < columns; x++) {
          for (int a = 0; a < perCell; a++) {
            centres[i++] = (x + 0.5f) / columns * width;
            centres[i++] = (y + 0.5f) / rows * height;
          }
        }
      }
      layer = last + 1;
    }
    return centres;
  }

  private static int columns(int pixels, int layer) {
    return (int) Math.ceil(pixels / (double) STRIDES[layer]);
  }

  private static int lastWithStride(int layer) {
    int last = layer;
    while (last + 1 < STRIDES.length && STRIDES[last + 1] == STRIDES[layer]) {
      last++;
    }
    return last;
  }
}
