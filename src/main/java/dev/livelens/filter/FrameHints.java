package dev.livelens.filter;

import java.util.List;
import org.opencv.core.Rect;

/**
 * What a stream tells the worker about its earlier frames, carried with each frame so any worker
 * (in this JVM or another) can process it.
 *
 * @param detect whether this frame should run a full detection
 * @param carriedFaces boxes from the stream's last detection, drawn when this frame skips detection
 */
public record FrameHints(boolean detect, List<Rect> carriedFaces) {

  public static final FrameHints NONE = new FrameHints(true, List.of());
}
