package dev.livelens.metrics;

import dev.livelens.bus.Addresses;
import io.vertx.micrometer.Match;
import io.vertx.micrometer.MatchType;
import io.vertx.micrometer.MetricsDomain;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The {@code address} label of Vert.x's event-bus meters, kept to a fixed set of values. A node-wide address
 * is its own value; an address made per stream, room, person or video is its family, with {@code *} where
 * the id was; anything else is {@code other}. An id as a label value would leave its series behind for good
 * once the thing is gone: /metrics and the dashboard's snapshot would grow with every visitor.
 */
final class AddressFamilies {

  static final String ANY_ID = "*";
  static final String OTHER = "other";

  /** The addresses a node has one of, whatever it serves. */
  static final List<String> NODE_WIDE = List.of(Addresses.FRAMES, Addresses.JOB_FRAMES, Addresses.BACKGROUNDS,
      Addresses.JOBS, Addresses.NODE_LEFT, Addresses.NODE_REPORTS, Addresses.PRESENCE, Addresses.REVOCATIONS,
      Addresses.OWNER_MOVED);

  /** One address per thing, labelled as its family (a person's id is a number: user 0 with its 0 replaced). */
  static final List<String> PER_THING = List.of(Addresses.processed(ANY_ID), Addresses.streamOwner(ANY_ID),
      Addresses.streamPicture(ANY_ID),
      Addresses.room(ANY_ID), Addresses.roomChat(ANY_ID), Addresses.roomAudio(ANY_ID), Addresses.roomCaptions(ANY_ID),
      Addresses.analytics(ANY_ID), Addresses.comments(ANY_ID), Addresses.user(0).replaceFirst("0$", ANY_ID));

  private AddressFamilies() {
  }

  /**
   * The rules, for {@code MicrometerMetricsOptions.addLabelMatch}: applied in order to every event-bus meter as
   * it is registered, each family first, then {@code other} for any value that is neither a family nor a
   * node-wide address.
   */
  static List<Match> matches() {
    List<Match> matches = new ArrayList<>();
    for (String family : PER_THING) {
      matches.add(rule(idPattern(family), family));
    }
    String known = Stream.concat(NODE_WIDE.stream(), PER_THING.stream()).map(Pattern::quote)
        .collect(Collectors.joining("|"));
    matches.add(rule("(?!(?:" + known + ")$).*", OTHER));
    return matches;
  }

  /** The family's addresses: its text with one dot-free id in place of {@code *}. */
  private static String idPattern(String family) {
    int at = family.indexOf(ANY_ID);
    return Pattern.quote(family.substring(0, at)) + "[^.]+" + Pattern.quote(family.substring(at + ANY_ID.length()));
  }

  private static Match rule(String regex, String alias) {
    return new Match().setDomain(MetricsDomain.EVENT_BUS).setLabel("address").setType(MatchType.REGEX)
        .setValue(regex).setAlias(alias);
  }
}
