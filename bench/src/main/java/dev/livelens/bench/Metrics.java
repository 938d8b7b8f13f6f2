package dev.livelens.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One scrape of the server's {@code GET /metrics} (Prometheus text format), with lookups by labels. */
record Metrics(List<Sample> samples) {

  record Sample(String name, Map<String, String> labels, double value) {
  }

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  static Metrics scrape(String host, int port) throws IOException, InterruptedException {
    return parse(get(host, port, "/metrics"));
  }

  /** The body of a GET to the server, which must answer 200. */
  static String get(String host, int port, String path) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + host + ":" + port + path))
        .timeout(Duration.ofSeconds(10)).build();
    HttpResponse<String> response;
    try {
      response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      // A kept-alive connection the server has just closed: once more, on a new one.
      Thread.sleep(200);
      response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }
    if (response.statusCode() != 200) {
      throw new IOException("GET " + path + " answered " + response.statusCode());
    }
    return response.body();
  }

  static Metrics parse(String text) {
    List<Sample> samples = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int brace = line.indexOf('{');
      int space = line.lastIndexOf(' ');
      if (space < 0) {
        continue;
      }
      Map<String, String> labels = new LinkedHashMap<>();
      String name;
      if (brace >= 0 && brace < space) {
        name = line.substring(0, brace);
        parseLabels(line.substring(brace + 1, line.lastIndexOf('}')), labels);
      } else {
        name = line.substring(0, line.indexOf(' '));
      }
      try {
        samples.add(new Sample(name, labels, Double.parseDouble(line.substring(space + 1))));
      } catch (NumberFormatException e) {
        // a timestamp or an unusual value: not one of the samples the report reads
      }
    }
    return new Metrics(samples);
  }

  private static void parseLabels(String body, Map<String, String> labels) {
    int pos = 0;
    while (pos < body.length()) {
      int eq = body.indexOf('=', pos);
      if (eq < 0) {
        return;
      }
      String key = body.substring(pos, eq).trim();
      int open = body.indexOf('"', eq);
      int close = open;
      do {
        close = body.indexOf('"', close + 1);
      } while (close > 0 && body.charAt(close - 1) == '\\');
      if (open < 0 || close < 0) {
        return;
      }
      labels.put(key, body.substring(open + 1, close));
      pos = close + 1;
      while (pos < body.length() && (body.charAt(pos) == ',' || body.charAt(pos) == ' ')) {
        pos++;
      }
    }
  }

  /** The sum of every sample of {@code name} whose labels include all of {@code match} (key, value, ...). */
  double sum(String name, String... match) {
    double total = 0;
    for (Sample sample : samples) {
      if (sample.name.equals(name) && matches(sample.labels, match)) {
        total += sample.value;
      }
    }
    return total;
  }

  /** The first matching sample's value, or NaN. */
  double value(String name, String... match) {
    for (Sample sample : samples) {
      if (sample.name.equals(name) && matches(sample.labels, match)) {
        return sample.value;
      }
    }
    return Double.NaN;
  }

  private static boolean matches(Map<String, String> labels, String[] match) {
    for (int i = 0; i + 1 < match.length; i += 2) {
      if (!match[i + 1].equals(labels.get(match[i]))) {
        return false;
      }
    }
    return true;
  }
}
