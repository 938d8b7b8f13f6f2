package dev.livelens.bus;

/** Event-bus addresses, dotted nouns. */
public final class Addresses {

  /** Frames to process: any worker, in this JVM or another, may take one. */
  public static final String FRAMES = "livelens.frames";

  /**
   * Frames of the library's jobs: only job workers take them, so they never queue in front of a live
   * frame (job workers run below live work; any JVM with workers has one).
   */
  public static final String JOB_FRAMES = "livelens.frames.jobs";

  /**
   * An uploaded background picture to read (request/reply, any live worker), a stream's or one sent with a
   * library job: a Buffer of a JPEG or PNG whose header the sender checked, answered with the JPEG to keep,
   * or a {@link FrameFailure#BAD_FRAME} failure naming what is wrong with it.
   */
  public static final String BACKGROUNDS = "livelens.backgrounds";

  /** The library's jobs: each state change and progress of a job, published for the pages' feeds. */
  public static final String JOBS = "livelens.library.jobs";

  /** A node left the cluster (local to each node, published by the cluster package): its frames are lost. */
  public static final String NODE_LEFT = "livelens.cluster.node-left";

  /** Each node's summary of what it does, once a second, for the dashboards (all nodes publish, HTTP nodes listen). */
  public static final String NODE_REPORTS = "livelens.cluster.node-reports";

  /** A session signed out or a password changed: every HTTP node stops honouring the tokens it revokes. */
  public static final String REVOCATIONS = "livelens.account.revocations";

  /** Published when a guest identity's things moved into an account: {"from": guest id, "to": account id}. */
  public static final String OWNER_MOVED = "livelens.account.owner-moved";

  private Addresses() {
  }

  /** Published whenever a video's watch analytics change, for the pages that show them live. */
  public static String analytics(String videoId) {
    return "livelens.analytics." + videoId;
  }

  /** Published when someone comes online, goes offline or moves between rooms: every node refreshes its view. */
  public static final String PRESENCE = "livelens.presence";

  /**
   * Asked by a worker in another JVM for a stream's background picture (the request: its key; the reply:
   * the JPEG), once per picture; see {@link FramePictures}.
   */
  public static String streamPicture(String streamId) {
    return "livelens.stream." + streamId + ".picture";
  }

  /** Asked by a room for the user who owns a stream (the reply is the user id); only signed-in streams answer. */
  public static String streamOwner(String streamId) {
    return "livelens.stream." + streamId + ".owner";
  }

  /** A room's state (members, cameras, mute), published on every change, then once more when it ends. */
  public static String room(String roomId) {
    return "livelens.room." + roomId;
  }

  /** A room's chat messages, each published once it is stored (so a reload finds what was seen). */
  public static String roomChat(String roomId) {
    return "livelens.room." + roomId + ".chat";
  }

  /** A room's voice: each member's encoded audio chunks, prefixed with the member's user id. */
  public static String roomAudio(String roomId) {
    return "livelens.room." + roomId + ".audio";
  }

  /** A room's live captions: each member's latest partial or final caption, tagged with the member's user id. */
  public static String roomCaptions(String roomId) {
    return "livelens.room." + roomId + ".captions";
  }

  /** Everything for one person, to every tab they have open on any node: direct chat, call signalling. */
  public static String user(long userId) {
    return "livelens.user." + userId;
  }

  /** A video's comments: each one added, edited, hidden or shown again, and each removal, once stored. */
  public static String comments(String videoId) {
    return "livelens.comments." + videoId;
  }

  /** Where a stream's processed frames, then its end, are published for whoever listens. */
  public static String processed(String streamId) {
    return "livelens.stream." + streamId + ".processed";
  }
}
