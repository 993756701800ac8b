package org.entente.server.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.OneofDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.Message;
import java.util.List;
import org.entente.proto.protocol.v1.ClientMessage;

/**
 * Builds protobuf messages from fuzz data by walking their descriptors: one body of the
 * ClientMessage oneof, then each field set or not, strings drawn from values the session knows
 * (join code, tokens, countries, orders) or arbitrary, enum numbers known or unknown, nested
 * messages to a small depth. Valid-looking requests reach far deeper than random bytes do.
 */
final class MessageGenerator {
  private static final int MAX_DEPTH = 4;
  private final FuzzedDataProvider data;
  private final List<String> known;

  MessageGenerator(FuzzedDataProvider data, List<String> known) {
    this.data = data;
    this.known = known;
  }

  /** A ClientMessage with one body (request id and keys left to the caller). */
  ClientMessage.Builder clientMessage() {
    Descriptor d = ClientMessage.getDescriptor();
    OneofDescriptor body = d.getOneofs().get(0);
    FieldDescriptor field = data.pickValue(body.getFields());
    ClientMessage.Builder b = ClientMessage.newBuilder();
    b.setField(field, message(field.getMessageType(), 1));
    if (data.consumeBoolean()) {
      b.setIdempotencyKey(data.consumeLong());
      b.setIdempotencySecret(ByteString.copyFrom(data.consumeBytes(16)));
    }
    return b;
  }

  private Message message(Descriptor type, int depth) {
    DynamicMessage.Builder b = DynamicMessage.newBuilder(type);
    for (FieldDescriptor f : type.getFields()) {
      if (data.remainingBytes() == 0 || !data.consumeBoolean()) {
        continue;
      }
      if (f.getRealContainingOneof() != null && hasOneOfSet(b, f.getRealContainingOneof())) {
        continue;
      }
      if (f.getJavaType() == FieldDescriptor.JavaType.MESSAGE && depth >= MAX_DEPTH) {
        continue;
      }
      if (f.isRepeated()) {
        int n = data.consumeInt(0, 3);
        for (int i = 0; i < n; i++) {
          b.addRepeatedField(f, value(f, depth));
        }
      } else {
        b.setField(f, value(f, depth));
      }
    }
    Message built = b.build();
    return built;
  }

  private static boolean hasOneOfSet(DynamicMessage.Builder b, OneofDescriptor oneof) {
    return b.hasOneof(oneof);
  }

  private Object value(FieldDescriptor f, int depth) {
    switch (f.getJavaType()) {
      case INT:
        return data.consumeInt();
      case LONG:
        return data.consumeBoolean() ? (long) data.consumeInt(-2, 200) : data.consumeLong();
      case FLOAT:
        return data.consumeFloat();
      case DOUBLE:
        return data.consumeDouble();
      case BOOLEAN:
        return data.consumeBoolean();
      case STRING:
        return string();
      case BYTE_STRING:
        return ByteString.copyFrom(data.consumeBytes(data.consumeInt(0, 32)));
      case ENUM:
        return enumValue(f.getEnumType());
      case MESSAGE:
        return message(f.getMessageType(), depth + 1);
      default:
        throw new AssertionError(f.getJavaType());
    }
  }

  private Object enumValue(EnumDescriptor type) {
    if (data.consumeInt(0, 9) == 0) {
      return type.findValueByNumberCreatingIfUnknown(data.consumeInt(-3, 1000));
    }
    return data.pickValue(type.getValues());
  }

  private String string() {
    switch (data.consumeInt(0, 3)) {
      case 0:
        return data.pickValue(known);
      case 1:
        return data.pickValue(known).toLowerCase(java.util.Locale.ROOT) + data.consumeString(4);
      case 2:
        return data.consumeString(2_000);
      default:
        return data.consumeString(24);
    }
  }
}
