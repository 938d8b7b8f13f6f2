package dev.livelens.library.jobs;

import io.vertx.core.Future;
import java.nio.file.Path;

/** What one kind of job does before packaging: makes the new video's source file. */
public interface JobWork {

  /**
   * Makes the file the library then packages as the job's video, reporting progress to {@code run}
   * (0..1 of this step) and stopping when it is cancelled.
   */
  Future<Path> make(JobRun run);
}
