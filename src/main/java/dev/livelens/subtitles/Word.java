package dev.livelens.subtitles;

/**
 * One recognised word.
 *
 * @param text lower case, as the model spells it
 * @param startMs where it starts in the video
 * @param endMs where it ends
 * @param conf the model's confidence, 0..1000
 */
public record Word(String text, int startMs, int endMs, int conf) {
}
