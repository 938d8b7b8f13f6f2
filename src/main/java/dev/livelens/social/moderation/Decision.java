package dev.livelens.social.moderation;

import dev.livelens.library.LibraryFeature;
import dev.livelens.social.comments.Comment;
import dev.livelens.social.comments.Comments;
import dev.livelens.web.Problem;
import io.vertx.core.Future;

/**
 * An admin's decision on a report, done to the thing reported, after which every report of that thing in the
 * same state follows: hide (a comment: seen by admins only; a video: private until restored), delete (the
 * thing goes, its reports with it), dismiss (nothing changes), restore (a hidden thing comes back).
 */
record Decision(Report report, long adminId, Reports reports, Comments comments, LibraryFeature library) {

  /** @return the reports' state after it */
  Future<String> take(String action) {
    if (action == null) {
      throw bad();
    }
    return switch (action) {
      case "hide" -> change(Reports.OPEN, Reports.HIDDEN, true);
      case "restore" -> change(Reports.HIDDEN, Reports.RESTORED, false);
      case "dismiss" -> reports.resolve(report.targetId(), Reports.OPEN, Reports.DISMISSED, adminId)
          .map(Reports.DISMISSED);
      case "delete" -> (report.commentId() == null ? library.delete(report.videoId())
          : comment().compose(comments::delete)).map("deleted");
      default -> throw bad();
    };
  }

  private Future<String> change(String from, String to, boolean hide) {
    if (!report.state().equals(from)) {
      throw new Problem(409, "already_decided", "this report is " + report.state() + "; only a report that is "
          + from + " can be " + (hide ? "hidden" : "restored"));
    }
    Future<Boolean> done = report.commentId() == null
        ? hide ? library.library().videos().hide(report.videoId()) : library.library().videos().unhide(report.videoId())
        : comment().compose(c -> comments.hide(c, hide));
    return done.compose(changed -> reports.resolve(report.targetId(), from, to, adminId)).map(to);
  }

  private Future<Comment> comment() {
    return comments.find(report.commentId()).map(found -> found.orElseThrow(() ->
        Problem.notFound("the reported comment is gone")));
  }

  private static Problem bad() {
    return Problem.badRequest("bad_action", "send {\"action\":\"hide\"}, \"delete\", \"dismiss\" or \"restore\"");
  }
}
