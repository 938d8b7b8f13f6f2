package dev.livelens.social.comments;

import dev.livelens.library.Permissions;
import dev.livelens.library.Video;
import dev.livelens.web.User;
import java.util.Optional;

/**
 * Who looks at a video's comments and what they may do there: an author edits and deletes their own; the
 * video's owner and admins delete any; only admins see hidden ones.
 */
record Viewer(Optional<User> user, Long videoOwnerId) {

  static Viewer of(Optional<User> user, Video video) {
    return new Viewer(user, video.ownerId());
  }

  boolean admin() {
    return user.isPresent() && user.get().admin();
  }

  boolean isAuthor(Comment comment) {
    return user.isPresent() && user.get().id() == comment.authorId();
  }

  boolean mayDelete(Comment comment) {
    return isAuthor(comment) || Permissions.owns(videoOwnerId, user);
  }

  boolean sees(Comment comment) {
    return !comment.hidden() || admin();
  }
}
