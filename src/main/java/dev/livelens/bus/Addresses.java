package dev.livelens.bus;

/** Event-bus addresses, dotted nouns. */
public final class Addresses {

  /** Frames to process: any worker, in this JVM or another, may take one. */
  public static final String FRAMES = "livelens.frames";

  /** The library's jobs: each state change and progress of a job, published for the pages' feeds. */
  public static final String JOBS = "livelens.library.jobs";

  /** A node left the cluster (local to each node, published by the cluster package): its frames are lost. */
  public static final String NODE_LEFT = "livelens.cluster.node-left";

  /** Each node's summary of what it does, once a second, for the dashboards (all nodes publish, HTTP nodes listen). */
  public static final String NODE_REPORTS = "livelens.cluster.node-reports";

  private Addresses() {
  }

  /** Published whenever a video's watch analytics change, for the pages that show them live. */
  public static String analytics(String videoId) {
    return "livelens.analytics." + videoId;
  }

  /** Where a stream's processed frames, then its end, are published for whoever listens. */
  public static String processed(String streamId) {
    return "livelens.stream." + streamId + ".processed";
  }
}
