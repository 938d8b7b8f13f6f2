package dev.livelens.record;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameRecorder;

/**
 * H.264 (OpenH264) in a fragmented MP4, written as frames come: the moov box first and a fragment at
 * every keyframe, so the file is playable at every moment and a crash loses at most the last fragment.
 * Frames are placed at their own times on a 30 fps grid, so the video plays at real speed whatever
 * was dropped. A frame that falls in the slot of the one before (camera timing jitters) takes the next
 * slot; one that falls further behind (frames faster than 30 a second) is skipped.
 */
final class VideoEncoder implements AutoCloseable {

  static final int FRAME_RATE = 30;
  /** A keyframe every 1.5 s of frames: where a fragment ends, and where a fast cut can start. */
  static final int KEYFRAME_EVERY = 45;

  private final FFmpegFrameRecorder recorder;
  private final FrameCanvas canvas;
  private long firstMs = -1;
  private long lastSlot = -1;
  private long lastMs;

  VideoEncoder(Path file, FrameCanvas canvas) throws FrameRecorder.Exception {
    this.canvas = canvas;
    recorder = new FFmpegFrameRecorder(file.toFile(), canvas.width(), canvas.height(), 0);
    recorder.setFormat("mp4");
    recorder.setVideoCodecName("libopenh264");
    recorder.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
    recorder.setFrameRate(FRAME_RATE);
    recorder.setGopSize(KEYFRAME_EVERY);
    recorder.setVideoBitrate(2_000_000);
    recorder.setOption("movflags", "frag_keyframe+empty_moov+default_base_moof");
    // Each fragment goes to the file as it completes: without this it waits in a 256 KB buffer, which
    // a still picture takes many seconds to fill, and a crash would lose all of it.
    recorder.setOption("flush_packets", "1");
    recorder.start();
  }

  /**
   * Loads the encoder's natives and opens OpenH264 once in this process, so that the first recording does not
   * lose its first frames while that happens (about 100 ms; the recorder keeps one waiting frame).
   */
  static void warmUp() throws IOException {
    Path file = Files.createTempFile("livelens-encoder-", ".mp4");
    try (FrameCanvas canvas = new FrameCanvas(64, 64); VideoEncoder encoder = new VideoEncoder(file, canvas)) {
      encoder.encode(0);
    } finally {
      Files.deleteIfExists(file);
    }
  }

  /**
   * Encodes what the canvas holds now as the frame of {@code timeMs}.
   *
   * @return false when the frame was skipped (it fell behind the previous frame's slot)
   */
  boolean encode(long timeMs) throws FrameRecorder.Exception {
    if (firstMs < 0) {
      firstMs = timeMs;
    }
    long slot = Math.round((timeMs - firstMs) * FRAME_RATE / 1000.0);
    if (slot < lastSlot) {
      return false;
    }
    slot = Math.max(slot, lastSlot + 1);
    recorder.setFrameNumber((int) slot);
    recorder.recordImage(canvas.width(), canvas.height(), Frame.DEPTH_UBYTE, 3, canvas.width() * 3,
        avutil.AV_PIX_FMT_BGR24, canvas.pixels());
    lastSlot = slot;
    lastMs = timeMs;
    return true;
  }

  /** What {@link #durationMs()} would be with a frame at {@code timeMs} encoded too. */
  long durationMsWith(long timeMs) {
    return firstMs < 0 ? 1000 / FRAME_RATE : Math.max(lastMs, timeMs) - firstMs + 1000 / FRAME_RATE;
  }

  /** Time from the first frame to the last one encoded, plus the last one's own slot. */
  long durationMs() {
    return firstMs < 0 ? 0 : lastMs - firstMs + 1000 / FRAME_RATE;
  }

  @Override
  public void close() throws FrameRecorder.Exception {
    recorder.close(); // flushes the encoder and writes the last fragment
  }
}
