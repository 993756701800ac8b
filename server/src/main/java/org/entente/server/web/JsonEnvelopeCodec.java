package org.entente.server.web;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.MessageToMessageCodec;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import java.util.List;
import org.entente.proto.protocol.v1.ClientMessage;
import org.entente.proto.protocol.v1.ServerMessage;

/**
 * One WebSocket text frame is one envelope in the proto3 JSON mapping: a ClientMessage in, a
 * ServerMessage out. A frame that is not text, or does not parse, fails like a native frame
 * that does not parse (MALFORMED_FRAME, closed).
 */
final class JsonEnvelopeCodec extends MessageToMessageCodec<WebSocketFrame, ServerMessage> {
  private static final JsonFormat.Parser PARSER = JsonFormat.parser();
  private static final JsonFormat.Printer PRINTER =
      JsonFormat.printer().omittingInsignificantWhitespace();

  @Override
  protected void encode(ChannelHandlerContext ctx, ServerMessage message, List<Object> out)
      throws Exception {
    out.add(new TextWebSocketFrame(PRINTER.print(message)));
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, WebSocketFrame frame, List<Object> out) {
    if (!(frame instanceof TextWebSocketFrame text)) {
      throw new CorruptedFrameException("only text frames carry envelopes");
    }
    ClientMessage.Builder message = ClientMessage.newBuilder();
    try {
      PARSER.merge(text.text(), message);
    } catch (InvalidProtocolBufferException | RuntimeException e) {
      throw new CorruptedFrameException("not a ClientMessage in JSON", e);
    }
    out.add(message.build());
  }
}
