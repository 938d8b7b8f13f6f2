package dev.livelens.subtitles;

import dev.livelens.library.Permissions;
import dev.livelens.library.Video;
import dev.livelens.library.VideoIds;
import dev.livelens.library.Videos;
import dev.livelens.web.User;
import io.vertx.core.Future;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A captions socket's say over recordings: the live captions of a recording its caller is making become that
 * recording's transcript (a server recording of the processed stream has no sound to transcribe). Holding
 * the transcript keeps every node from hearing the video meanwhile; the words are stored when it stops.
 */
final class RecordingCaptions {

  private static final Logger LOG = LoggerFactory.getLogger(RecordingCaptions.class);

  private final Optional<User> caller;
  private final Videos videos;
  private final Transcripts transcripts;
  private final String language;

  RecordingCaptions(Optional<User> caller, Videos videos, Transcripts transcripts, String language) {
    this.caller = caller;
    this.videos = videos;
    this.transcripts = transcripts;
    this.language = language;
  }

  /** Whether the video is the caller's recording, still being made, and its transcript now the captions'. */
  Future<Boolean> hold(String videoId) {
    if (!VideoIds.isValid(videoId)) {
      return Future.succeededFuture(false);
    }
    return Permissions.changeable(videos, videoId, caller)
        .map(video -> Video.PROCESSING.equals(video.status()) && "recording".equals(video.source()))
        .compose(mine -> mine ? transcripts.holdForCaptions(videoId, language) : Future.succeededFuture(false))
        .otherwise(false);
  }

  /** The recording's words are its transcript (no_speech when none were heard). */
  void save(CaptionedRecording recording) {
    transcripts.finish(recording.videoId(), recording.words(), language).onFailure(error -> LOG.warn(
        "the captions of recording {} were not kept: {}", recording.videoId(), error.toString()));
  }
}
