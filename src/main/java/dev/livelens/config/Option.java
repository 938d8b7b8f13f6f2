package dev.livelens.config;

/** One command-line option: its flag, environment variable, default and meaning, for parsing and --help. */
record Option(String flag, String env, String defaultValue, String help) {

  static Option of(String name, String defaultValue, String help) {
    String env = "LIVELENS_" + name.toUpperCase().replace('-', '_');
    return new Option("--" + name, env, defaultValue, help);
  }
}
