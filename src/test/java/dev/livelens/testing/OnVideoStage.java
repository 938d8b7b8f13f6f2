package dev.livelens.testing;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * A test class played on one {@link VideoStage} for all its tests, on {@link #database()} (a subclass that
 * also implements {@link OnPostgres} runs them again on PostgreSQL).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class OnVideoStage implements OnDatabase {

  protected VideoStage stage;
  protected TestServer server;
  protected ApiClient owner;
  protected ApiClient other;
  protected ApiClient visitor;
  protected ApiClient admin;

  /** Names the stage's people and files (unique among the classes that run at once). */
  protected abstract String stageName();

  @BeforeAll
  void startStage() throws Exception {
    stage = VideoStage.start(database(), stageName());
    server = stage.server();
    owner = stage.owner();
    other = stage.other();
    visitor = stage.visitor();
    admin = stage.admin();
  }

  @AfterAll
  void stopStage() {
    stage.close();
  }
}
