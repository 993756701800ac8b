package org.entente.server.session;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.entente.proto.protocol.v1.Channel;
import org.entente.proto.protocol.v1.DebriefFormat;
import org.entente.proto.protocol.v1.ErrorCode;
import org.entente.proto.protocol.v1.ExportRecord;
import org.entente.proto.protocol.v1.RecordExport;
import org.entente.server.rules.Debrief;
import org.entente.server.rules.RecordedMessage;
import org.entente.server.rules.RecordedSeat;

/**
 * The game master's debrief export, in chunks that fit a frame (docs/protocol.md,
 * ExportRecord), for one session and on its thread.
 *
 * <p>Rendering a debrief costs far more than sending a chunk (the rules replay the game's turns
 * to rebuild its record, then render it), so an export renders once, at
 * its first chunk (offset 0), and later chunks are cut from the kept text: an export of n
 * chunks renders once, not n times, and its chunks all come from the same text even if
 * messages arrive meanwhile. At most one rendering is kept per session. It serves only
 * requests for the same format and message choice at the same turn; it is dropped when the
 * export's last chunk is sent, another export replaces it, or nobody is connected any more.
 * After a turn resolves, the next chunk is rendered afresh and its {@code turn} tells the
 * client to start again.
 */
final class RecordExports {
  /** Characters per chunk: at most 3 bytes each in UTF-8, so a chunk stays well under a 65536-byte frame. */
  static final int CHUNK_CHARS = 16_384;

  /**
   * Messages a debrief holds at most, the newest (it says how many earlier ones it leaves out):
   * a debrief costs the same whatever the length of the game's history.
   */
  static final int MAX_MESSAGES = 10_000;

  /** Events looked through at most for them, from the newest back. */
  static final int MAX_SCAN = 100_000;

  /** Events read back at a time. */
  private static final int SCAN_CHUNK = 1_000;

  private final GameSession session;

  /** The rendering of the export under way, or null. */
  private Rendering kept;

  /**
   * What a rendering depends on besides the messages. The session's turn and whether it
   * ended stand for the resolved turns: resolving a turn opens the next one or ends the game.
   */
  private record Key(int turn, boolean ended, DebriefFormat format, boolean includePrivate) {}

  private record Rendering(Key key, int turns, String text) {}

  RecordExports(GameSession session) {
    this.session = session;
  }

  /** Drops the kept rendering: the next chunk of any export renders afresh. */
  void forget() {
    kept = null;
  }

  RecordExport chunk(ExportRecord request) throws RequestException {
    SessionState state = session.state;
    Key key =
        new Key(
            state.turn,
            state.phase == Phase.ENDED,
            request.getFormat(),
            request.getIncludePrivateMessages());
    int offset = request.getOffset();
    Rendering rendering =
        offset != 0 && kept != null && kept.key().equals(key) ? kept : render(key);
    kept = rendering;
    String text = rendering.text();
    if (offset < 0 || offset > text.length()) {
      throw new RequestException(
          ErrorCode.INVALID_REQUEST,
          "Offset "
              + Integer.toUnsignedString(offset)
              + " is past the end of the debrief ("
              + text.length()
              + " characters).");
    }
    int end = Math.min(text.length(), offset + CHUNK_CHARS);
    if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
      end--; // never split a surrogate pair
    }
    if (end == text.length()) {
      kept = null; // the export is complete
    }
    return RecordExport.newBuilder()
        .setFormat(request.getFormat())
        .setOffset(offset)
        .setTotalChars(text.length())
        .setText(text.substring(offset, end))
        .setTurn(rendering.turns())
        .build();
  }

  private Rendering render(Key key) throws RequestException {
    List<ChatMessage> newest;
    try {
      newest = newestMessages();
    } catch (IOException e) {
      throw new RequestException(
          ErrorCode.STORAGE_UNAVAILABLE,
          "The server could not read this session's messages back for the debrief; try again.");
    }
    List<RecordedMessage> messages = new ArrayList<>();
    long leftOut = session.state.messagesPosted - newest.size();
    if (leftOut > 0) {
      messages.add(
          new RecordedMessage(
              newest.isEmpty() ? 0 : newest.get(0).turn(),
              Channel.ANNOUNCEMENT.name(),
              "Entente server", // not a country: the debrief names the speaker as written
              "",
              "",
              String.format(
                  java.util.Locale.ROOT,
                  "%,d earlier messages are left out of this debrief; it holds the newest %,d.",
                  leftOut,
                  newest.size()),
              true));
    }
    for (ChatMessage m : newest) {
      boolean shown =
          m.channel() == Channel.PUBLIC
              || m.channel() == Channel.ANNOUNCEMENT
              || key.includePrivate();
      messages.add(
          new RecordedMessage(
              m.turn(),
              m.channel().name(),
              m.fromCountry(),
              m.fromName(),
              m.toCountry(),
              m.text(),
              shown));
    }
    Debrief debrief =
        session.rules.debrief(
            session.rulesSteps::replayOn,
            messages,
            session.state.totalTurns,
            roster(session.state));
    String text =
        switch (key.format()) {
          case DEBRIEF_FORMAT_MARKDOWN -> debrief.markdown();
          case DEBRIEF_FORMAT_STUDENTS_CSV -> debrief.studentsCsv();
          case DEBRIEF_FORMAT_QUANTITIES_CSV -> debrief.quantitiesCsv();
          default -> debrief.html();
        };
    return new Rendering(key, debrief.turns(), text);
  }

  /**
   * The newest {@link #MAX_MESSAGES} messages, oldest first, among the newest
   * {@link #MAX_SCAN} events: read back from the end of the history in chunks.
   */
  private List<ChatMessage> newestMessages() throws IOException {
    List<ChatMessage> newest = new ArrayList<>();
    long cursor = session.state.lastSeq() + 1;
    int scanned = 0;
    while (cursor > 1 && scanned < MAX_SCAN && newest.size() < MAX_MESSAGES) {
      int want = (int) Math.min(Math.min(SCAN_CHUNK, MAX_SCAN - scanned), cursor - 1);
      long from = cursor - want;
      List<History.Numbered> chunk = session.history.read(from, cursor - 1, want);
      for (int i = chunk.size() - 1; i >= 0 && newest.size() < MAX_MESSAGES; i--) {
        if (chunk.get(i).event() instanceof SessionEvent.MessagePosted posted) {
          newest.add(posted.message());
        }
      }
      scanned += want;
      if (chunk.isEmpty() || chunk.get(0).seq() > from) {
        break; // the journal keeps nothing older (a bounded one, in memory)
      }
      cursor = from;
    }
    Collections.reverse(newest);
    return newest;
  }

  /**
   * The seats for the debrief's roster: players and the game master by seat number, then the
   * players who authored orders for a country and hold no seat for it now (kicked, left or
   * moved; labelled with their seat if they still hold one, "left" if not), then the countries
   * bots played.
   */
  static List<RecordedSeat> roster(SessionState state) {
    List<RecordedSeat> out = new ArrayList<>();
    for (Seat seat : state.seats()) {
      if (seat.role == Role.SPECTATOR) {
        continue;
      }
      String country = seat.role == Role.PLAYER ? seat.country : "";
      int[] a = state.authorship(country, seat.name);
      out.add(
          new RecordedSeat(
              Long.toString(seat.id), country, seat.name, false, a[0], a[1], a[2], a[3]));
    }
    out.addAll(departedAuthors(state));
    // A country a bot plays now or played for a while (its orders are authored by "bot").
    for (String country : state.scenario.playableCountryIds()) {
      int[] a = state.authorship(country, "bot");
      if (state.bots.contains(country) || a[0] > 0) {
        out.add(new RecordedSeat("bot " + country, country, "", true, a[0], a[1], a[2], a[3]));
      }
    }
    return out;
  }

  /**
   * Who authored orders for a country and holds no seat for it now. The authorship survives the
   * seat (it is kept by country and name), so the roster needs no record of removed seats.
   */
  private static List<RecordedSeat> departedAuthors(SessionState state) {
    List<RecordedSeat> out = new ArrayList<>();
    for (var author : state.authors()) {
      String country = author.getKey();
      String name = author.getValue();
      // Bots are listed by country below; the game master gives no orders.
      if (country.isEmpty() || name.equals("bot")) {
        continue;
      }
      boolean seated = false;
      String label = "left";
      for (Seat seat : state.seats()) {
        if (seat.role == Role.PLAYER && seat.name.equals(name)) {
          seated |= seat.country.equals(country);
          label = Long.toString(seat.id);
        }
      }
      if (!seated) {
        int[] a = state.authorship(country, name);
        out.add(new RecordedSeat(label, country, name, false, a[0], a[1], a[2], a[3], true));
      }
    }
    return out;
  }
}
