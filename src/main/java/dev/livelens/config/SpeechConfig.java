package dev.livelens.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Speech to text for the library's subtitles.
 *
 * @param threads videos transcribed at once on this node (each takes one core while it runs); 0 turns
 *     transcription off
 * @param model a Vosk model folder to use instead of the bundled US-English one, or empty
 * @param language what the model's speech is, stored with each transcript
 */
public record SpeechConfig(int threads, Optional<Path> model, String language) {

  static final List<Option> OPTIONS = List.of(
      Option.of("transcribe-threads", "1", "videos transcribed at once, below live streams (0: no transcripts)"),
      Option.of("speech-model", "", "a Vosk model folder to use instead of the bundled US-English one "
          + "(other languages: https://alphacephei.com/vosk/models)"),
      Option.of("speech-language", "en", "the language of the speech model, stored with each transcript"));

  static SpeechConfig from(Map<String, String> values) {
    String model = values.get("--speech-model").strip();
    String language = values.get("--speech-language").strip();
    if (!language.matches("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})?")) {
      throw new LiveLensConfig.UsageException("--speech-language must be a language tag like en or pt-BR, not "
          + language);
    }
    return new SpeechConfig(LiveLensConfig.intValue(values, "--transcribe-threads", 0, 16),
        model.isEmpty() ? Optional.empty() : Optional.of(Path.of(model)), language);
  }
}
