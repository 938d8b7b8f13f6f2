package dev.livelens.subtitles;

import dev.livelens.library.SpokenWords;
import io.vertx.core.Future;
import java.util.Optional;

/** The transcripts as the library asks for them: its playlist's subtitles, a cut by words. */
final class LibraryWords implements SpokenWords {

  private final Transcripts transcripts;
  private final Lines lines;
  private final String language;

  /** @param language the language a cut's transcript is stored with until its words are copied */
  LibraryWords(Transcripts transcripts, Lines lines, String language) {
    this.transcripts = transcripts;
    this.lines = lines;
    this.language = language;
  }

  @Override
  public Future<Optional<String>> language(String videoId) {
    return transcripts.find(videoId).map(found -> found.filter(state -> Transcripts.READY.equals(state.status()))
        .map(Transcripts.State::language));
  }

  @Override
  public Future<Optional<Subtitles>> subtitles(String videoId) {
    return language(videoId).compose(found -> found.isEmpty() ? Future.succeededFuture(Optional.empty())
        : lines.of(videoId).map(cues -> Optional.of(new Subtitles(found.get(), Cues.webVtt(cues)))));
  }

  @Override
  public Future<Optional<Span>> span(String videoId, int fromWord, int toWord) {
    if (fromWord < 0 || toWord < fromWord) {
      return Future.succeededFuture(Optional.empty());
    }
    return language(videoId).compose(ready -> ready.isEmpty() ? Future.succeededFuture(Optional.empty())
        : transcripts.words(videoId, fromWord, toWord).map(words -> words.size() != toWord - fromWord + 1
            ? Optional.empty() : Optional.of(new Span(words.get(0).startMs(), words.get(words.size() - 1).endMs()))));
  }

  @Override
  public Future<Void> cutOf(String cutId, String videoId, int fromWord, int toWord) {
    return language(videoId).compose(found -> transcripts.planCut(cutId, videoId, fromWord, toWord,
        found.orElse(language)));
  }
}
