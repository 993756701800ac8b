package org.entente.server.net;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.protobuf.ProtobufVarint32FrameDecoder;

/**
 * The varint32 frame decoder (frames of at most {@link Frames#MAX_FRAME_BYTES}) that also says
 * since when a frame has been left half received, for the partial-frame timeout.
 */
public final class TimedFrameDecoder extends ProtobufVarint32FrameDecoder {
  private long partialSinceNanos;

  public TimedFrameDecoder() {
    super(Frames.MAX_FRAME_BYTES);
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
    super.channelRead(ctx, msg);
    if (actualReadableBytes() == 0) {
      partialSinceNanos = 0;
    } else if (partialSinceNanos == 0) {
      partialSinceNanos = Heartbeat.nanoTime(ctx);
    }
  }

  /** When the bytes of an unfinished frame started waiting ({@code ticker().nanoTime()}), or 0 if none wait. */
  public long partialSinceNanos() {
    return partialSinceNanos;
  }
}
