package org.entente.server.net;

/** Framing limits of protocol version 1. */
public final class Frames {
  /** The largest frame body (after the varint32 length prefix) either side may send. */
  public static final int MAX_FRAME_BYTES = 64 * 1024;

  private Frames() {}
}
