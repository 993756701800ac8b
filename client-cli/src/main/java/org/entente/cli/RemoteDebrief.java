package org.entente.cli;

import java.util.concurrent.TimeUnit;
import org.entente.client.ProtocolClient;
import org.entente.proto.protocol.v1.ClientMessage;
import org.entente.proto.protocol.v1.DebriefFormat;
import org.entente.proto.protocol.v1.ExportRecord;
import org.entente.proto.protocol.v1.RecordExport;
import org.entente.proto.protocol.v1.ServerMessage;

/**
 * Fetches a session's rendered debrief over a game master's connection, chunk by chunk
 * (docs/protocol.md, ExportRecord); for {@code entente debrief} and a game-master console.
 */
final class RemoteDebrief {
  static final long TIMEOUT_SECONDS = 30;

  /** Restarts allowed when a turn resolves between two chunks. */
  private static final int MAX_RESTARTS = 3;

  private RemoteDebrief() {}

  /** A failure the server reported (its message), or a changing debrief. */
  static final class Failure extends Exception {
    Failure(String message) {
      super(message);
    }
  }

  static String fetch(ProtocolClient client, DebriefFormat format, boolean includePrivate)
      throws Exception {
    for (int attempt = 0; attempt <= MAX_RESTARTS; attempt++) {
      StringBuilder text = new StringBuilder();
      int turn = -1;
      boolean consistent = true;
      while (true) {
        ServerMessage response =
            client
                .request(
                    ClientMessage.newBuilder()
                        .setExportRecord(
                            ExportRecord.newBuilder()
                                .setFormat(format)
                                .setIncludePrivateMessages(includePrivate)
                                .setOffset(text.length())))
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (response.hasError()) {
          throw new Failure(
              response.getError().getCode() + ": " + response.getError().getMessage());
        }
        RecordExport chunk = response.getRecordExport();
        if (turn >= 0 && chunk.getTurn() != turn) {
          consistent = false;
          break;
        }
        turn = chunk.getTurn();
        text.append(chunk.getText());
        if (text.length() >= chunk.getTotalChars() || chunk.getText().isEmpty()) {
          break;
        }
      }
      if (consistent) {
        return text.toString();
      }
    }
    throw new Failure("the game kept advancing while the debrief was fetched; try again");
  }
}
