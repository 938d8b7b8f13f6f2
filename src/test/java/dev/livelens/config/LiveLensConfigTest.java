package dev.livelens.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LiveLensConfigTest {

  @Test
  void defaultsMatchTheProtocol() {
    LiveLensConfig config = LiveLensConfig.defaults();
    assertEquals(8080, config.port());
    assertEquals(4 * 1024 * 1024, config.maxFrameBytes());
    assertEquals(4096, config.maxImageSide());
    assertEquals(Runtime.getRuntime().availableProcessors(), config.workers());
  }

  @Test
  void environmentSetsAndFlagsWin() {
    Map<String, String> env = Map.of("LIVELENS_PORT", "9000", "LIVELENS_WORKERS", "3");
    LiveLensConfig fromEnv = LiveLensConfig.load(new String[0], env);
    assertEquals(9000, fromEnv.port());
    assertEquals(3, fromEnv.workers());
    LiveLensConfig flagWins = LiveLensConfig.load(new String[] {"--port", "9100", "--workers=1"}, env);
    assertEquals(9100, flagWins.port());
    assertEquals(1, flagWins.workers());
  }

  @Test
  void allowedOriginsAreAList() {
    LiveLensConfig config = LiveLensConfig.load(
        new String[] {"--allowed-origins", "https://a.example, https://b.example"}, Map.of());
    assertEquals(Set.of("https://a.example", "https://b.example"), config.allowedOrigins());
  }

  @Test
  void warmupLastsSixSecondsUnlessSetAndZeroTurnsItOff() {
    assertEquals(6, LiveLensConfig.defaults().warmupSeconds());
    assertEquals(0, LiveLensConfig.load(new String[0], Map.of("LIVELENS_WARMUP_SECONDS", "0")).warmupSeconds());
    assertEquals(12, LiveLensConfig.load(new String[] {"--warmup-seconds", "12"}, Map.of()).warmupSeconds());
    assertThrows(LiveLensConfig.UsageException.class,
        () -> LiveLensConfig.load(new String[] {"--warmup-seconds", "-1"}, Map.of()));
  }

  @Test
  void clusteringIsOffUnlessTheBareSwitchOrItsVariableTurnsItOn() {
    ClusterConfig none = LiveLensConfig.defaults().cluster();
    assertEquals(false, none.enabled());
    assertEquals(List.of(), none.members());
    ClusterConfig on = LiveLensConfig.load(new String[] {"--cluster", "--cluster-members", "10.0.0.2:5701, 10.0.0.3:5702",
        "--cluster-host", "10.0.0.1", "--cluster-port", "5801", "--node-name", "gpu-1"}, Map.of()).cluster();
    assertEquals(new ClusterConfig(true, "10.0.0.1", 5801, List.of("10.0.0.2:5701", "10.0.0.3:5702"), "gpu-1"), on);
    assertTrue(LiveLensConfig.load(new String[0], Map.of("LIVELENS_CLUSTER", "true")).cluster().enabled());
  }

  @Test
  void aNodeIsNamedAfterItsHostAndPortUnlessNamed() {
    String name = LiveLensConfig.load(new String[] {"--port", "8123"}, Map.of()).cluster().nodeName();
    assertTrue(name.endsWith(":8123"), name);
    String chosenPort = LiveLensConfig.load(new String[] {"--port", "0"}, Map.of()).cluster().nodeName();
    assertTrue(chosenPort.matches("[A-Za-z0-9._-]+:[0-9a-f]{6}"), chosenPort);
  }

  @Test
  void leasesLastThirtySecondsRenewedEveryTenAndOutliveOneLateRenewal() {
    assertEquals(new LeaseConfig(30_000, 10_000), LiveLensConfig.defaults().leases());
    assertEquals(new LeaseConfig(2_000, 400), LiveLensConfig.load(new String[] {"--lease-ms", "2000"},
        Map.of("LIVELENS_LEASE_RENEW_MS", "400")).leases());
    assertTrue(assertThrows(LiveLensConfig.UsageException.class, () -> LiveLensConfig.load(
        new String[] {"--lease-ms", "2000", "--lease-renew-ms", "1500"}, Map.of())).getMessage()
        .contains("at most half of --lease-ms"));
  }

  @Test
  void badClusterValuesAreExplained() {
    assertTrue(assertThrows(LiveLensConfig.UsageException.class, () -> LiveLensConfig.load(
        new String[] {"--cluster-members", "10.0.0.2"}, Map.of())).getMessage().contains("host:port"));
    assertTrue(assertThrows(LiveLensConfig.UsageException.class, () -> LiveLensConfig.load(
        new String[] {"--cluster-port", "0"}, Map.of())).getMessage().contains("--cluster-port"));
    assertTrue(assertThrows(LiveLensConfig.UsageException.class, () -> LiveLensConfig.load(
        new String[] {"--node-name", "a b"}, Map.of())).getMessage().contains("--node-name"));
    assertTrue(assertThrows(LiveLensConfig.UsageException.class, () -> LiveLensConfig.load(
        new String[] {"--cluster", "maybe"}, Map.of())).getMessage().contains("--cluster"));
  }

  @Test
  void badValuesAreExplained() {
    assertTrue(assertThrows(LiveLensConfig.UsageException.class,
        () -> LiveLensConfig.load(new String[] {"--port", "http"}, Map.of())).getMessage().contains("--port"));
    assertTrue(assertThrows(LiveLensConfig.UsageException.class,
        () -> LiveLensConfig.load(new String[] {"--colour", "red"}, Map.of())).getMessage().contains("unknown option"));
    assertTrue(assertThrows(LiveLensConfig.UsageException.class,
        () -> LiveLensConfig.load(new String[] {"--workers", "0"}, Map.of())).getMessage().contains("between"));
    assertTrue(assertThrows(LiveLensConfig.UsageException.class,
        () -> LiveLensConfig.load(new String[] {"--codec", "gif"}, Map.of())).getMessage().contains("--codec"));
  }

  @Test
  void helpListsEveryOptionWithItsVariable() {
    String help = LiveLensConfig.help("turbojpeg");
    for (Option option : LiveLensConfig.OPTIONS) {
      assertTrue(help.contains(option.flag()) && help.contains(option.env()), option.flag());
    }
    assertTrue(help.contains("JPEG codec on this machine: turbojpeg"));
  }

  @Test
  void helpShowsAValueOnlyForOptionsThatTakeOne() {
    String help = LiveLensConfig.help("turbojpeg");
    for (String flag : List.of("--allow-private-urls", "--cluster")) {
      assertFalse(help.contains(flag + " <value>"), flag + " is given alone");
      assertTrue(help.lines().anyMatch(line -> line.strip().startsWith(flag + " ")), flag + " is listed");
    }
    assertTrue(help.contains("--port <value>"));
  }

  @Test
  void facesRunOnBlazeFaceUnlessHaarIsAsked() {
    assertEquals("blazeface", LiveLensConfig.defaults().faceDetector());
    assertEquals("haar", LiveLensConfig.load(new String[] {"--face-detector", "haar"}, Map.of()).faceDetector());
    assertEquals("haar", LiveLensConfig.load(new String[0], Map.of("LIVELENS_FACE_DETECTOR", "haar")).faceDetector());
    assertTrue(assertThrows(LiveLensConfig.UsageException.class,
        () -> LiveLensConfig.load(new String[] {"--face-detector", "yunet"}, Map.of())).getMessage()
        .contains("blazeface or haar"));
  }

  @Test
  void roleIsAllUnlessSetAndHelpListsIt() {
    assertEquals(LiveLensConfig.Role.ALL, LiveLensConfig.defaults().role());
    assertEquals(LiveLensConfig.Role.WORKER,
        LiveLensConfig.load(new String[0], Map.of("LIVELENS_ROLE", "worker")).role());
    assertEquals(LiveLensConfig.Role.HTTP, LiveLensConfig.load(new String[] {"--role", "http"}, Map.of()).role());
    assertTrue(assertThrows(LiveLensConfig.UsageException.class,
        () -> LiveLensConfig.load(new String[] {"--role", "both"}, Map.of())).getMessage().contains("all, http or worker"));
    assertTrue(LiveLensConfig.help("turbojpeg").contains("--role <value>"));
    assertTrue(LiveLensConfig.help("turbojpeg").contains("LIVELENS_ROLE"));
  }

  @Test
  void eventLoopsAreOnePerCoreUnlessSet() {
    assertEquals(Runtime.getRuntime().availableProcessors(), LiveLensConfig.defaults().eventLoops());
    assertEquals(3, LiveLensConfig.load(new String[0], Map.of("LIVELENS_EVENT_LOOPS", "3")).eventLoops());
    assertEquals(1, LiveLensConfig.load(new String[] {"--event-loops", "1"}, Map.of()).eventLoops());
    assertTrue(assertThrows(LiveLensConfig.UsageException.class,
        () -> LiveLensConfig.load(new String[] {"--event-loops", "0"}, Map.of())).getMessage()
        .contains("--event-loops must be between 1 and 256"));
  }

  @Test
  void imageSideIsBoundedByWhatTheCodecsDecode() {
    assertTrue(assertThrows(LiveLensConfig.UsageException.class,
        () -> LiveLensConfig.load(new String[] {"--max-image-side", "8193"}, Map.of())).getMessage()
        .contains("between 16 and 8192"));
  }
}
