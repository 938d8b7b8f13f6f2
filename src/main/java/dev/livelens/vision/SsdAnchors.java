package dev.livelens.vision;

/**
 * The anchor centres of MediaPipe's short-range face detector, as its SsdAnchorsCalculator makes them for
 * {@code face_detection_short_range}: 128x128 input, strides 8, 16, 16, 16 (layers of one stride share a
 * grid), two anchors per layer (aspect ratio 1 and the interpolated one), offset 0.5, fixed anchor size
 * (every anchor is 1x1, so only the centres matter). That is 16x16x2 + 8x8x6 = 896 anchors, in the
 * order the model's outputs come: grid row, grid column, anchor.
 */
final class SsdAnchors {

  static final int INPUT_SIDE = 128;
  private static final int[] STRIDES = {8, 16, 16, 16};
  private static final int ANCHORS_PER_LAYER = 2;

  private SsdAnchors() {
  }

  /** {x0, y0, x1, y1, ...}: each anchor's centre as a fraction of the input's side. */
  static float[] centres() {
    int count = 0;
    for (int layer = 0; layer < STRIDES.length; ) {
      int last = lastWithStride(layer);
      int side = (int) Math.ceil(INPUT_SIDE / (double) STRIDES[layer]);
      count += side * side * ANCHORS_PER_LAYER * (last - layer + 1);
      layer = last + 1;
    }
    float[] centres = new float[count * 2];
    int i = 0;
    for (int layer = 0; layer < STRIDES.length; ) {
      int last = lastWithStride(layer);
      int perCell = ANCHORS_PER_LAYER * (last - layer + 1);
      int side = (int) Math.ceil(INPUT_SIDE / (double) STRIDES[layer]);
      for (int y = 0; y < side; y++) {
        for (int x = 0; x < side; x++) {
          for (int a = 0; a < perCell; a++) {
            centres[i++] = (x + 0.5f) / side;
            centres[i++] = (y + 0.5f) / side;
          }
        }
      }
      layer = last + 1;
    }
    return centres;
  }

  private static int lastWithStride(int layer) {
    int last = layer;
    while (last + 1 < STRIDES.length && STRIDES[last + 1] == STRIDES[layer]) {
      last++;
    }
    return last;
  }
}
