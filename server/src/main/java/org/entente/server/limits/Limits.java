package org.entente.server.limits;

import static com.google.common.base.Preconditions.checkArgument;

import java.time.Duration;

/**
 * What the server bounds for each connection and in all (docs/operations.md, "Putting a server
 * on a network", lists each one, its default and why). Every limit refuses with a typed error
 * and is reached by a test.
 *
 * @param maxConnections connections open at once, all addresses together
 * @param maxConnectionsPerAddress connections from one IPv4 address or one IPv6 /64: a few
 *     classes behind one school NAT, with a second device each and room to spare
 * @param descriptorReserve file descriptors kept free for the journal and snapshots: the server
 *     stops accepting connections before its open files come this close to the process limit
 * @param helloTimeout a connection that has not sent Hello by then is closed
 * @param heartbeat the server pings a connection that was silent this long, and closes it after
 *     a second such interval without a word from it
 * @param partialFrameTimeout a frame begun but not finished within this time closes the connection
 * @param maxInFlight requests of one connection being handled at once; past it the server stops
 *     reading from that connection until answers go out (a pipelining client slows only itself)
 * @param maxPipelined decoded requests waiting behind {@code maxInFlight}; past it the connection
 *     is closed
 * @param maxQueuedBytes bytes waiting to be written to one connection; past it the slow reader is
 *     closed with SLOW_CONSUMER (it can resume and catch up)
 */
public record Limits(
    int maxConnections,
    int maxConnectionsPerAddress,
    int descriptorReserve,
    Duration helloTimeout,
    Duration heartbeat,
    Duration partialFrameTimeout,
    int maxInFlight,
    int maxPipelined,
    long maxQueuedBytes) {

  public Limits {
    checkArgument(
        maxConnections > 0 && maxConnectionsPerAddress > 0, "connection caps must be positive");
    checkArgument(descriptorReserve >= 0, "descriptorReserve must be >= 0");
    checkArgument(
        !helloTimeout.isNegative() && !helloTimeout.isZero(), "helloTimeout must be positive");
    checkArgument(!heartbeat.isNegative() && !heartbeat.isZero(), "heartbeat must be positive");
    checkArgument(
        !partialFrameTimeout.isNegative() && !partialFrameTimeout.isZero(),
        "partialFrameTimeout must be positive");
    checkArgument(maxInFlight > 0 && maxPipelined >= 0, "maxInFlight must be positive");
    checkArgument(
        maxQueuedBytes >= 256 * 1024,
        "maxQueuedBytes must leave room for a few frames (>= 262144)");
  }

  /**
   * Descriptors kept free beyond the journal's open files: a snapshot being written, history
   * being read by each session thread, the scenario and TLS files.
   */
  public static final int JOURNAL_DESCRIPTOR_HEADROOM = 64;

  public static Limits defaults() {
    return new Limits(
        5_000,
        250,
        JOURNAL_DESCRIPTOR_HEADROOM
            + org.entente.server.journal.JournalWriter.DEFAULT_MAX_OPEN_FILES,
        Duration.ofSeconds(10),
        Duration.ofSeconds(20),
        Duration.ofSeconds(15),
        16,
        1_024,
        4L * 1024 * 1024);
  }

  public Limits withConnections(int all, int perAddress) {
    return new Limits(
        all,
        perAddress,
        descriptorReserve,
        helloTimeout,
        heartbeat,
        partialFrameTimeout,
        maxInFlight,
        maxPipelined,
        maxQueuedBytes);
  }

  public Limits withDescriptorReserve(int reserve) {
    return new Limits(
        maxConnections,
        maxConnectionsPerAddress,
        reserve,
        helloTimeout,
        heartbeat,
        partialFrameTimeout,
        maxInFlight,
        maxPipelined,
        maxQueuedBytes);
  }

  public Limits withTimeouts(Duration hello, Duration heartbeatInterval, Duration partialFrame) {
    return new Limits(
        maxConnections,
        maxConnectionsPerAddress,
        descriptorReserve,
        hello,
        heartbeatInterval,
        partialFrame,
        maxInFlight,
        maxPipelined,
        maxQueuedBytes);
  }

  public Limits withRequests(int inFlight, int pipelined, long queuedBytes) {
    return new Limits(
        maxConnections,
        maxConnectionsPerAddress,
        descriptorReserve,
        helloTimeout,
        heartbeat,
        partialFrameTimeout,
        inFlight,
        pipelined,
        queuedBytes);
  }
}
