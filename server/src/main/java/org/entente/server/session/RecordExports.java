package org.entente.server.session;

import java.util.ArrayList;
import java.util.List;
import org.entente.proto.protocol.v1.Channel;
import org.entente.proto.protocol.v1.DebriefFormat;
import org.entente.proto.protocol.v1.ErrorCode;
import org.entente.proto.protocol.v1.ExportRecord;
import org.entente.proto.protocol.v1.RecordExport;
import org.entente.server.rules.Debrief;
import org.entente.server.rules.RecordedMessage;

/**
 * The game master's debrief export: rendered by the rules seam on the session's thread and
 * sent in chunks that fit a frame (docs/protocol.md, ExportRecord).
 */
final class RecordExports {
  /** Characters per chunk: at most 3 bytes each in UTF-8, so a chunk stays well under a 65536-byte frame. */
  static final int CHUNK_CHARS = 16_384;

  private RecordExports() {}

  static RecordExport chunk(GameSession session, ExportRecord request) throws RequestException {
    List<RecordedMessage> messages = new ArrayList<>();
    for (SessionState.ChatMessageAt at : session.state.messages) {
      ChatMessage m = at.message();
      boolean shown = m.channel() == Channel.PUBLIC || m.channel() == Channel.ANNOUNCEMENT
          || request.getIncludePrivateMessages();
      messages.add(new RecordedMessage(m.turn(), m.channel().name(), m.fromCountry(), m.fromName(), m.toCountry(), m.text(), shown));
    }
    Debrief debrief = session.rules.debrief(messages, session.state.totalTurns);
    String text = request.getFormat() == DebriefFormat.DEBRIEF_FORMAT_MARKDOWN ? debrief.markdown() : debrief.html();
    int offset = request.getOffset();
    if (offset < 0 || offset > text.length()) {
      throw new RequestException(ErrorCode.INVALID_REQUEST,
          "Offset " + Integer.toUnsignedString(offset) + " is past the end of the debrief (" + text.length() + " characters).");
    }
    int end = Math.min(text.length(), offset + CHUNK_CHARS);
    if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
      end--; // never split a surrogate pair
    }
    return RecordExport.newBuilder()
        .setFormat(request.getFormat())
        .setOffset(offset)
        .setTotalChars(text.length())
        .setText(text.substring(offset, end))
        .setTurn(debrief.turns())
        .build();
  }
}
