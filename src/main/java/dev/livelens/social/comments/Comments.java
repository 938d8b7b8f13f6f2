package dev.livelens.social.comments;

import dev.livelens.bus.Addresses;
import dev.livelens.library.Video;
import dev.livelens.web.Problem;
import dev.livelens.web.RandomIds;
import dev.livelens.web.User;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.Optional;

/**
 * A node's comments: each change stored first, then published on the video's bus address, so every page
 * showing the video, on any node, hears it once a reload would find it too. Who may do what is the
 * callers' to check (the routes, moderation); this keeps the threads one level deep.
 */
public final class Comments {

  private final Vertx vertx;
  private final CommentStore store;

  Comments(Vertx vertx, CommentStore store) {
    this.vertx = vertx;
    this.store = store;
  }

  CommentStore store() {
    return store;
  }

  public Future<Optional<Comment>> find(String id) {
    return RandomIds.LONG.isValid(id) ? store.find(id) : Future.succeededFuture(Optional.empty());
  }

  /**
   * A new comment on {@code video} by {@code author}. A reply names a comment of the same video that the
   * author may see; a reply to a reply joins its thread (it is attached to the thread's top comment).
   */
  Future<Comment> add(Video video, User author, String text, Long atMs, String replyTo, Viewer viewer) {
    Future<String> thread = replyTo == null ? Future.succeededFuture(null) : find(replyTo).map(parent -> parent
        .filter(p -> p.videoId().equals(video.id()) && viewer.sees(p))
        .map(p -> p.replyTo() == null ? p.id() : p.replyTo())
        .orElseThrow(() -> Problem.notFound("there is no comment '" + replyTo + "' on this video to reply to")));
    return thread.compose(top -> {
      Comment comment = new Comment(RandomIds.LONG.next(), video.id(), author.id(), author.username(), top, text,
          atMs, System.currentTimeMillis(), null, null);
      return store.add(comment).map(stored -> comment);
    }).onSuccess(this::changed);
  }

  Future<Comment> edit(Comment comment, String text) {
    Comment edited = comment.edited(text, System.currentTimeMillis());
    return store.edit(comment.id(), text, edited.editedAt()).map(existed -> {
      if (!existed) {
        throw gone(comment.id());
      }
      return edited;
    }).onSuccess(this::changed);
  }

  /** Deletes it (a top comment with its replies) and tells the pages; false when it was already gone. */
  public Future<Boolean> delete(Comment comment) {
    return store.delete(comment.id()).onSuccess(existed -> {
      if (existed) {
        vertx.eventBus().publish(Addresses.comments(comment.videoId()), new JsonObject().put("type", "removed")
            .put("id", comment.id()));
      }
    });
  }

  /** Hides it from everyone but admins (true) or shows it again (false); false when it is gone. */
  public Future<Boolean> hide(Comment comment, boolean hidden) {
    Long at = hidden ? Long.valueOf(System.currentTimeMillis()) : null;
    return store.hide(comment.id(), at).onSuccess(existed -> {
      if (existed) {
        changed(new Comment(comment.id(), comment.videoId(), comment.authorId(), comment.authorName(),
            comment.replyTo(), comment.text(), comment.atMs(), comment.createdAt(), comment.editedAt(), at));
      }
    });
  }

  private void changed(Comment comment) {
    vertx.eventBus().publish(Addresses.comments(comment.videoId()), new JsonObject().put("type", "comment")
        .put("comment", comment.toBus()));
  }

  static Problem gone(String id) {
    return Problem.notFound("there is no comment '" + id + "' on this video");
  }
}
