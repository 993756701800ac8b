package org.entente.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.util.JsonFormat;
import org.entente.cli.Main;
import org.entente.cli.StdCapture;
import org.entente.server.EntenteServer;
import org.entente.server.ServerConfig;
import org.entente.server.limits.Descriptors;
import org.entente.server.limits.Limits;
import org.entente.server.limits.NetworkGuards;
import org.entente.server.limits.RateLimiter;
import org.entente.server.limits.RatePolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The load tool against a server on a loopback port: every phase runs, and counts what it sent. */
class BenchCommandTest {
  @RegisterExtension final StdCapture std = new StdCapture();

  @Test
  void everyPhaseRunsAgainstAServerAndTheJsonListsThem() throws Exception {
    NetworkGuards generous =
        new NetworkGuards(
            Limits.defaults(),
            RatePolicy.all(new RatePolicy.Rate(1_000_000, 1_000_000)),
            Descriptors.ofThisProcess(),
            new RateLimiter(System::nanoTime));
    try (EntenteServer server =
        EntenteServer.builder()
            .guards(generous)
            .config(ServerConfig.defaults().withPort(0).withBindAddress("127.0.0.1"))
            .start()) {
      int exit =
          Main.run(
              "bench",
              "127.0.0.1:" + server.port(),
              "--sessions",
              "2",
              "--seconds",
              "1",
              "--round-trips",
              "10",
              "--turns",
              "2",
              "--json");
      assertThat(exit).isZero();
      String out = std.out().strip();
      com.google.protobuf.Struct.Builder parsed = com.google.protobuf.Struct.newBuilder();
      JsonFormat.parser().merge(out, parsed);
      var phases = parsed.getFieldsOrThrow("phases").getListValue().getValuesList();
      assertThat(phases)
          .extracting(v -> v.getStructValue().getFieldsOrThrow("phase").getStringValue())
          .containsExactly(
              "order edit, unloaded",
              "order edit, closed loop",
              "order edit, open loop 5/s per session",
              "chat, closed loop",
              "turn of one session (1/2)",
              "turn of one session (2/2)",
              "turn of all 2 sessions at once");
      var unloaded = phases.get(0).getStructValue();
      assertThat(unloaded.getFieldsOrThrow("requests").getNumberValue()).isEqualTo(10);
      assertThat(unloaded.getFieldsOrThrow("errors").getNumberValue()).isZero();
      assertThat(unloaded.getFieldsOrThrow("serverCpuSeconds").hasNullValue())
          .as("a remote server: no /proc figures")
          .isTrue();
      for (var phase : phases.subList(1, 4)) {
        assertThat(phase.getStructValue().getFieldsOrThrow("requests").getNumberValue())
            .as(phase.toString())
            .isPositive();
        assertThat(phase.getStructValue().getFieldsOrThrow("errors").getNumberValue())
            .as(phase.toString())
            .isZero();
      }
      assertThat(phases.get(4).getStructValue().getFieldsOrThrow("p50Ms").getNumberValue())
          .as("every seat got the report")
          .isPositive();
    }
  }

  @Test
  void seatsOverTheBrowsersWebSocketRunEveryPhaseOnOneLargeSession() throws Exception {
    NetworkGuards generous =
        new NetworkGuards(
            Limits.defaults(),
            RatePolicy.all(new RatePolicy.Rate(1_000_000, 1_000_000)),
            Descriptors.ofThisProcess(),
            new RateLimiter(System::nanoTime));
    try (EntenteServer server =
        EntenteServer.builder()
            .guards(generous)
            .config(ServerConfig.defaults().withPort(0).withBindAddress("127.0.0.1"))
            .start()) {
      int exit =
          Main.run(
              "bench",
              "127.0.0.1:" + server.port(),
              "--web",
              "--sessions",
              "1",
              "--seats",
              "12",
              "--seconds",
              "1",
              "--round-trips",
              "10",
              "--turns",
              "1",
              "--json");
      assertThat(exit).as(std.err()).isZero();
      com.google.protobuf.Struct.Builder parsed = com.google.protobuf.Struct.newBuilder();
      JsonFormat.parser().merge(std.out().strip(), parsed);
      var phases = parsed.getFieldsOrThrow("phases").getListValue().getValuesList();
      for (var phase : phases.subList(0, 4)) {
        assertThat(phase.getStructValue().getFieldsOrThrow("requests").getNumberValue())
            .as(phase.toString())
            .isPositive();
        assertThat(phase.getStructValue().getFieldsOrThrow("errors").getNumberValue())
            .as(phase.toString())
            .isZero();
      }
      assertThat(phases.get(4).getStructValue().getFieldsOrThrow("p50Ms").getNumberValue())
          .as("all 12 WebSocket seats got the report")
          .isPositive();
    }
  }

  @Test
  void boundsOutsideTheirRangesAreRefused() {
    assertThat(Main.run("bench", "--sessions", "0")).isEqualTo(2);
    assertThat(std.err()).contains("--sessions 1..2000");
  }
}
