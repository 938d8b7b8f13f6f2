package dev.livelens.testing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict reader of the Prometheus text exposition format (version 0.0.4): every line must be a
 * {@code # HELP}, a {@code # TYPE} or a sample of a family whose TYPE came first, label values are
 * quoted with the format's escapes, and no series appears twice. Anything else throws.
 */
public final class PrometheusText {

  /** One sample line: the series' name, its labels and its value. */
  public record Sample(String name, Map<String, String> labels, double value) {

    boolean has(Map<String, String> wanted) {
      return labels.entrySet().containsAll(wanted.entrySet());
    }
  }

  private static final String NAME = "[a-zA-Z_:][a-zA-Z0-9_:]*";
  private static final Pattern HELP = Pattern.compile("# HELP (" + NAME + ") (.*)");
  private static final Pattern TYPE = Pattern.compile("# TYPE (" + NAME + ") (counter|gauge|summary|histogram|untyped)");
  private static final Pattern SAMPLE = Pattern.compile("(" + NAME + ")(\\{(.*)\\})? (\\S+)( -?[0-9]+)?");
  private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\\\n]|\\\\[\\\\\"n])*)\"(,|$)");
  private static final Pattern VALUE = Pattern.compile("[+-]?(Inf|NaN|[0-9]*\\.?[0-9]+([eE][+-]?[0-9]+)?)");

  private final List<Sample> samples;
  private final Map<String, String> types;

  private PrometheusText(List<Sample> samples, Map<String, String> types) {
    this.samples = samples;
    this.types = types;
  }

  public static PrometheusText parse(String text) {
    Map<String, String> types = new LinkedHashMap<>();
    Set<String> helped = new HashSet<>();
    Set<String> series = new HashSet<>();
    List<Sample> samples = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      String where = "line " + (i + 1) + ": " + line;
      if (line.isEmpty()) {
        if (i != lines.length - 1) {
          throw new IllegalArgumentException("empty line inside the text, " + where);
        }
        continue;
      }
      Matcher help = HELP.matcher(line);
      Matcher type = TYPE.matcher(line);
      if (help.matches()) {
        require(helped.add(help.group(1)), "second HELP, " + where);
      } else if (type.matches()) {
        require(types.put(type.group(1), type.group(2)) == null, "second TYPE, " + where);
      } else if (line.startsWith("#")) {
        throw new IllegalArgumentException("unknown comment, " + where);
      } else {
        Sample sample = sample(line, where);
        require(familyOf(sample.name(), types) != null, "sample before its TYPE, " + where);
        require(series.add(sample.name() + sample.labels()), "series repeated, " + where);
        samples.add(sample);
      }
    }
    require(text.endsWith("\n"), "the text must end with a line feed");
    return new PrometheusText(samples, types);
  }

  private static Sample sample(String line, String where) {
    Matcher matcher = SAMPLE.matcher(line);
    require(matcher.matches(), "not a sample, " + where);
    Map<String, String> labels = new HashMap<>();
    String labelText = matcher.group(3);
    if (labelText != null && !labelText.isEmpty()) {
      Matcher label = LABEL.matcher(labelText);
      int at = 0;
      while (at < labelText.length()) {
        require(label.find(at) && label.start() == at, "bad label at " + at + ", " + where);
        require(labels.put(label.group(1), unescape(label.group(2))) == null, "label repeated, " + where);
        at = label.end();
      }
    }
    String value = matcher.group(4);
    require(VALUE.matcher(value).matches(), "bad value, " + where);
    return new Sample(matcher.group(1), labels, Double.parseDouble(value.replace("Inf", "Infinity")));
  }

  /** The family a sample belongs to: its own name, or for summaries and histograms the name before the suffix. */
  private static String familyOf(String name, Map<String, String> types) {
    if (types.containsKey(name)) {
      return name;
    }
    for (String suffix : List.of("_count", "_sum", "_bucket")) {
      if (name.endsWith(suffix)) {
        String family = name.substring(0, name.length() - suffix.length());
        String type = types.get(family);
        if ("summary".equals(type) || "histogram".equals(type)) {
          return family;
        }
      }
    }
    return null;
  }

  private static String unescape(String value) {
    StringBuilder out = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\\') {
        char next = value.charAt(++i);
        out.append(next == 'n' ? '\n' : next);
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static void require(boolean condition, String problem) {
    if (!condition) {
      throw new IllegalArgumentException(problem);
    }
  }

  public String type(String family) {
    return types.get(family);
  }

  public List<Sample> samples(String name, Map<String, String> labels) {
    return samples.stream().filter(s -> s.name().equals(name) && s.has(labels)).toList();
  }

  /** The sum of every series of {@code name} that carries {@code labels}; 0 when there is none. */
  public double sum(String name, Map<String, String> labels) {
    return samples(name, labels).stream().mapToDouble(Sample::value).sum();
  }

  /** The one series of {@code name} with exactly these labels (and possibly more). */
  public double value(String name, Map<String, String> labels) {
    List<Sample> found = samples(name, labels);
    require(found.size() == 1, found.size() + " series of " + name + labels + ", expected one");
    return found.get(0).value();
  }
}
