package org.entente.server.testing;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.MessageLite;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.entente.proto.protocol.v1.ServerMessage;

/** Builds and reads varint32-prefixed frames by hand, independently of Netty's codecs. */
public final class Frames {
  private Frames() {}

  public static byte[] frame(MessageLite message) {
    return frame(message.toByteArray());
  }

  public static byte[] frame(byte[] body) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      CodedOutputStream coded = CodedOutputStream.newInstance(out);
      coded.writeUInt32NoTag(body.length);
      coded.writeRawBytes(body);
      coded.flush();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static List<ServerMessage> parseAll(byte[] bytes) {
    try {
      CodedInputStream in = CodedInputStream.newInstance(bytes);
      List<ServerMessage> out = new ArrayList<>();
      while (!in.isAtEnd()) {
        int length = in.readRawVarint32();
        out.add(ServerMessage.parseFrom(in.readRawBytes(length)));
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static byte[] drain(List<ByteBuf> buffers) {
    ByteBuf all = Unpooled.buffer();
    for (ByteBuf b : buffers) {
      all.writeBytes(b);
      b.release();
    }
    byte[] bytes = new byte[all.readableBytes()];
    all.readBytes(bytes);
    return bytes;
  }
}
