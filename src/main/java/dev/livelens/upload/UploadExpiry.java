package dev.livelens.upload;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The periodic cleaner. An upload untouched for {@code --upload-expiry-hours} loses its data but keeps
 * its small state for as long again, so its URL answers 410 Gone (the client learns why) before it is
 * forgotten and answers 404. An upload that is being written to is left for the next sweep.
 */
final class UploadExpiry {

  private static final Logger LOG = LoggerFactory.getLogger(UploadExpiry.class);
  static final long EVERY_MINUTES = 10;

  private final Uploads uploads;

  UploadExpiry(Uploads uploads) {
    this.uploads = uploads;
  }

  void sweep() {
    long now = System.currentTimeMillis();
    for (Upload upload : uploads.all()) {
      boolean due = upload.expired() ? now >= upload.expiresAt() : upload.goneAt(now);
      if (!due || !uploads.lock(upload.id())) {
        continue;
      }
      var done = upload.expired() ? uploads.delete(upload.id()) : uploads.expire(upload, now + uploads.expiryMs());
      done.onComplete(result -> {
        uploads.unlock(upload.id());
        if (result.failed()) {
          LOG.warn("upload {} could not be cleaned: {}", upload.id(), result.cause().toString());
        } else {
          LOG.info("upload {} {}", upload.id(), upload.expired() ? "forgotten" : "expired, its data deleted");
        }
      });
    }
  }
}
