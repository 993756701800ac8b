package org.entente.server.net;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;

/**
 * Port unification (after Netty's {@code portunification} example): looks at a connection's
 * first bytes and, when they begin an HTTP request line, swaps the native varint-framed
 * handlers after it for the web ones; either way it then leaves the pipeline. It waits only
 * while the bytes so far could still begin an HTTP method, so a native client's first frame
 * is held back no longer than its first byte that no method begins with.
 */
public final class ProtocolSniffer extends ByteToMessageDecoder {
  /** The request methods a browser or a curl may open with; all but GET are answered 405. */
  private static final List<byte[]> METHODS =
      List.of(
              "GET ",
              "HEAD ",
              "POST ",
              "PUT ",
              "DELETE ",
              "OPTIONS ",
              "PATCH ",
              "TRACE ",
              "CONNECT ")
          .stream()
          .map(m -> m.getBytes(StandardCharsets.US_ASCII))
          .toList();

  private final Consumer<ChannelHandlerContext> toWeb;

  /**
   * {@code toWeb} replaces the native handlers after the sniffer with the web ones; the
   * pipeline is built for the native protocol, so choosing it only removes the sniffer.
   */
  public ProtocolSniffer(Consumer<ChannelHandlerContext> toWeb) {
    this.toWeb = toWeb;
  }

  enum Verdict {
    HTTP,
    NATIVE,
    UNDECIDED
  }

  static Verdict classify(ByteBuf in) {
    int seen = in.readableBytes();
    boolean couldBeHttp = false;
    for (byte[] method : METHODS) {
      int n = Math.min(seen, method.length);
      boolean matches = true;
      for (int i = 0; i < n && matches; i++) {
        matches = in.getByte(in.readerIndex() + i) == method[i];
      }
      if (matches && n == method.length) {
        return Verdict.HTTP;
      }
      couldBeHttp |= matches;
    }
    return couldBeHttp ? Verdict.UNDECIDED : Verdict.NATIVE;
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    switch (classify(in)) {
      case UNDECIDED -> {
        return; // wait for more bytes
      }
      case HTTP -> toWeb.accept(ctx);
      case NATIVE -> {}
    }
    ctx.pipeline().remove(this); // hands the bytes read so far on to the new pipeline
  }
}
