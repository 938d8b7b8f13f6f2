package dev.livelens.account;

import dev.livelens.web.Problem;
import dev.livelens.web.JsonBody;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.regex.Pattern;

/** What account requests must hold: exactly the named string fields, and names and passwords we accept. */
final class AuthRequests {

  static final int MIN_PASSWORD = 10;
  /** Argon2 takes any length, but a megabyte of password is an attack, not a password. */
  static final int MAX_PASSWORD = 1024;
  private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{2,31}");

  /** A name and password, as sent to sign up or log in. */
  record Credentials(String username, String password) {
  }

  /** The current password and the new one. */
  record PasswordChange(String current, String password) {
  }

  private AuthRequests() {
  }

  static Credentials credentials(RoutingContext ctx) {
    JsonObject body = fields(ctx, "username", "password");
    return new Credentials(body.getString("username"), body.getString("password"));
  }

  static PasswordChange passwordChange(RoutingContext ctx) {
    JsonObject body = fields(ctx, "current", "password");
    return new PasswordChange(body.getString("current"), body.getString("password"));
  }

  /** A name people can read and type: 3 to 32 letters, digits, '.', '_' or '-'. */
  static void checkUsername(String username) {
    if (!USERNAME.matcher(username).matches()) {
      throw new Problem(400, "bad_username", "a username is 3 to 32 letters (a-z, A-Z), digits, '.', '_' "
          + "or '-', and starts with a letter or digit");
    }
  }

  static void checkNewPassword(String password) {
    int length = password.codePointCount(0, password.length());
    if (length < MIN_PASSWORD) {
      throw new Problem(400, "weak_password", "a password has at least " + MIN_PASSWORD + " characters; "
          + "this one has " + length);
    }
    checkLength(password);
  }

  static void checkLength(String password) {
    if (password.length() > MAX_PASSWORD) {
      throw new Problem(400, "bad_password", "a password has at most " + MAX_PASSWORD + " characters");
    }
  }

  /** The body, when it is a JSON object with exactly these fields, each a string. */
  private static JsonObject fields(RoutingContext ctx, String... names) {
    JsonObject body = JsonBody.object(ctx);
    String shape = "send a JSON object {\"" + names[0] + "\":\"...\",\"" + names[1] + "\":\"...\"}";
    if (body == null) {
      throw new Problem(400, "bad_json", shape);
    }
    for (String field : body.fieldNames()) {
      if (!List.of(names).contains(field)) {
        throw new Problem(400, "unknown_field", "unknown field '" + field + "': " + shape);
      }
    }
    for (String name : names) {
      if (!(body.getValue(name) instanceof String)) {
        throw new Problem(400, "bad_json", "'" + name + "' is missing or not a string: " + shape);
      }
    }
    return body;
  }
}
