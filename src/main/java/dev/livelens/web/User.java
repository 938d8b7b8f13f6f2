package dev.livelens.web;

/**
 * A person: the id the database gave them and their name as they typed it at sign-up.
 *
 * @param guest an identity made for a visitor without an account (no password); a sign-up keeps its id
 * @param admin named by {@code --admins}: sees and manages everything
 */
public record User(long id, String username, boolean guest, boolean admin) {

  /** An account that is neither a guest nor an admin. */
  public User(long id, String username) {
    this(id, username, false, false);
  }
}
