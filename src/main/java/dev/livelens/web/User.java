package dev.livelens.web;

/** A person with an account: the id the database gave them and their name as they typed it at sign-up. */
public record User(long id, String username) {
}
