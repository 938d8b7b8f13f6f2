package dev.livelens.config;

/** One command-line option: its flag, environment variable, default and meaning, for parsing and --help. */
record Option(String flag, String env, String defaultValue, String help) {

  static Option of(String name, String defaultValue, String help) {
    String env = "LIVELENS_" + name.toUpperCase().replace('-', '_');
    return new Option("--" + name, env, defaultValue, help);
  }

  /** A yes/no option, off by default: given alone it turns on, so it takes no value on the command line. */
  boolean isSwitch() {
    return "false".equals(defaultValue);
  }

  /** How --help shows it: "--flag <value>", or "--flag" alone for a switch. */
  String usage() {
    return isSwitch() ? flag : flag + " <value>";
  }
}
