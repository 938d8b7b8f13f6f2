package dev.livelens.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** HTTPS and WSS on the server's one port, from a PEM certificate (chain) and its PEM private key. */
public record TlsConfig(Optional<Path> certificate, Optional<Path> privateKey) {

  static final List<Option> OPTIONS = List.of(
      Option.of("tls-cert", "", "PEM certificate (chain) file: with --tls-key, serves HTTPS and WSS on --port "
          + "and marks the session cookie Secure"),
      Option.of("tls-key", "", "PEM private key file of --tls-cert"));

  public boolean enabled() {
    return certificate.isPresent();
  }

  static TlsConfig from(Map<String, String> values) {
    Optional<Path> cert = file(values, "--tls-cert");
    Optional<Path> key = file(values, "--tls-key");
    if (cert.isPresent() != key.isPresent()) {
      throw new LiveLensConfig.UsageException("--tls-cert and --tls-key go together: give both or neither");
    }
    return new TlsConfig(cert, key);
  }

  private static Optional<Path> file(Map<String, String> values, String flag) {
    String text = values.get(flag).trim();
    if (text.isEmpty()) {
      return Optional.empty();
    }
    Path path = Path.of(text);
    if (!Files.isReadable(path)) {
      throw new LiveLensConfig.UsageException(flag + " names " + path + ", which is not a readable file");
    }
    return Optional.of(path);
  }
}
