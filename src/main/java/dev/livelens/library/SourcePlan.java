package dev.livelens.library;

import dev.livelens.media.FailureReason;
import dev.livelens.media.FfmpegFailure;
import dev.livelens.media.MediaException;
import dev.livelens.media.Probe;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What packaging does with a source, from what ffprobe found in it: H.264 in 8-bit 4:2:0, shown as coded,
 * is copied as it is (remuxed); any other video (HEVC, MPEG-4 Part 2, VP8/VP9, ProRes, MJPEG, 10-bit,
 * a rotated picture) is transcoded with OpenH264, turned upright. AAC sound is copied, other sound
 * transcoded to AAC; of several audio streams the default one is kept, else the first. A file the
 * bundled FFmpeg cannot make a video of is refused here, with a reason a person can act on.
 */
record SourcePlan(Probe input, boolean copyVideo, boolean copyAudio) {

  /** Pixel formats every browser's H.264 decoder takes. */
  private static final Set<String> PLAYABLE_PIXELS = Set.of("yuv420p", "yuvj420p");

  static SourcePlan of(Probe input) {
    if (input.codec() == null) {
      throw new MediaException(input.audioStreams() > 0 ? "this file has no video, only sound: upload a video file"
          : "this file has no video: upload a video file");
    }
    if ("av1".equals(input.codec())) {
      throw new MediaException("AV1 video cannot be decoded here (this server's FFmpeg has only a hardware AV1 "
          + "decoder): export it as H.264 or HEVC and upload that");
    }
    if (isStill(input)) {
      throw new MediaException("this file is a still picture, not a video: upload a video file");
    }
    if (input.durationSeconds() <= 0) {
      throw new MediaException("the file has no video frames (a recording cut short before its first fragment "
          + "reached the disk, or an empty upload)");
    }
    boolean copyVideo = "h264".equals(input.codec()) && input.rotation() == 0
        && PLAYABLE_PIXELS.contains(input.pixelFormat());
    return new SourcePlan(input, copyVideo, "aac".equals(input.audioCodec()));
  }

  /** A picture format with no length of its own (a PNG, a JPEG): its "video" is one frame. */
  private static boolean isStill(Probe input) {
    return input.format() != null && (input.format().endsWith("_pipe") || input.format().equals("image2"));
  }

  /** Whether the video stream is copied or transcoded, as the docs and logs say it. */
  String videoAction() {
    return copyVideo ? "remux" : "transcode";
  }

  /** The original as the video's details show it: "mov,mp4,…: hevc 1280x720 turned 90°, aac; transcoded". */
  String describe() {
    String turned = input.rotation() == 0 ? "" : " turned " + input.rotation() + "°";
    String sound = input.audioCodec() == null ? "no sound" : input.audioCodec()
        + (input.audioStreams() > 1 ? " (1 of " + input.audioStreams() + " audio streams)" : "");
    String done = copyVideo ? "remuxed" : "transcoded";
    return input.format() + ": " + input.codec() + " " + input.width() + "x" + input.height() + turned + ", " + sound
        + "; " + done + (copyAudio || input.audioCodec() == null ? "" : ", sound to aac");
  }

  List<String> mp4Args(Path source, Path mp4, int keyframeEvery) {
    List<String> args = new ArrayList<>(List.of("-i", source.toString(), "-map", "0:" + input.videoIndex()));
    if (input.audioIndex() >= 0) {
      args.addAll(List.of("-map", "0:" + input.audioIndex()));
    }
    if (copyVideo) {
      args.addAll(List.of("-c:v", "copy"));
    } else {
      // FFmpeg turns a rotated picture upright while decoding (autorotate) and writes no display matrix.
      args.addAll(List.of("-c:v", "libopenh264", "-b:v", bitrate(), "-g", String.valueOf(keyframeEvery),
          "-vf", "scale=trunc(iw/2)*2:trunc(ih/2)*2", "-pix_fmt", "yuv420p"));
    }
    args.addAll(copyAudio ? List.of("-c:a", "copy") : List.of("-c:a", "aac", "-b:a", "128k", "-ac", "2"));
    args.addAll(List.of("-dn", "-sn", "-movflags", "+faststart", "-f", "mp4", mp4.toString()));
    return args;
  }

  /** 2.5 Mbit/s up to 720p, 5 Mbit/s above: enough for camera video at OpenH264's quality. */
  private String bitrate() {
    return input.width() * input.height() > 1280 * 720 ? "5000k" : "2500k";
  }

  /**
   * The packaged video must last as long as the source said: a file cut short in transfer (an MP4 whose
   * index promises more than its data holds) plays to where its data ends, and is refused.
   */
  void checkLength(double packagedSeconds) {
    double promised = input.durationSeconds();
    if (promised > 1 && packagedSeconds < promised * 0.9 - 0.5) {
      throw new MediaException(String.format(Locale.ROOT, "the file ends early, at %.1f s of %.1f s: upload it again",
          packagedSeconds, promised));
    }
  }

  /** A person's reason for a file ffprobe could not read at all, from what FFmpeg wrote and how the file starts. */
  static String unreadable(FfmpegFailure error, boolean startsAsMp4) {
    String log = error.log() == null ? "" : error.log();
    return startsAsMp4 && log.contains("moov atom not found") ? FailureReason.NO_INDEX : FailureReason.NOT_A_VIDEO;
  }
}
