package org.entente.server.web;

import com.google.protobuf.Descriptors.FieldDescriptor;
import java.nio.charset.StandardCharsets;
import org.entente.proto.protocol.v1.ClientMessage;
import org.entente.protocol.Requests;

/**
 * The request contract as the web client reads it ({@code GET /requests.json}): for every
 * request kind, by its name in the JSON envelope, the stage it is sent in and whether it
 * changes the session (and so carries an idempotency key and is resent after a reconnect).
 * Built from {@link Requests}, so the browser never keeps a list of its own.
 *
 * <pre>{"requests":{"editDraft":{"stage":"IN_SESSION","changesSession":true},...}}</pre>
 */
final class RequestContractJson {
  private RequestContractJson() {}

  static byte[] bytes() {
    StringBuilder json = new StringBuilder("{\"requests\":{");
    String separator = "";
    for (Requests.Kind kind : Requests.all()) {
      FieldDescriptor field =
          ClientMessage.getDescriptor().findFieldByNumber(kind.body().getNumber());
      // Names and enum values are protobuf identifiers ([A-Za-z0-9_]): nothing to escape.
      json.append(separator)
          .append('"')
          .append(field.getJsonName())
          .append("\":{\"stage\":\"")
          .append(kind.stage().name())
          .append("\",\"changesSession\":")
          .append(kind.changesSession())
          .append('}');
      separator = ",";
    }
    return json.append("}}").toString().getBytes(StandardCharsets.UTF_8);
  }
}
