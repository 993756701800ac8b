package org.entente.server.journal;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32C;

/**
 * The framing of journal and snapshot files: {@code [u32 length][u32 crc32c][payload]},
 * big-endian, the CRC32C covering the four length bytes and the payload. A payload is never
 * empty, so zeroed space never reads as a record: zeros after the last record are free space
 * (a segment is extended with zeros before it is written), not a torn write.
 */
public final class Records {
  public static final int HEADER_BYTES = 8;

  /** Larger than any record a session writes (a snapshot of a long game included). */
  public static final int MAX_PAYLOAD = 256 * 1024 * 1024;

  private Records() {}

  public static byte[] frame(byte[] payload) {
    ByteBuffer frame = ByteBuffer.allocate(HEADER_BYTES + payload.length);
    frame.putInt(payload.length);
    frame.putInt(crc(payload.length, payload, 0, payload.length));
    frame.put(payload);
    return frame.array();
  }

  private static int crc(int length, byte[] bytes, int offset, int count) {
    CRC32C crc = new CRC32C();
    crc.update(ByteBuffer.allocate(4).putInt(length).array());
    crc.update(bytes, offset, count);
    return (int) crc.getValue();
  }

  /** The result of reading a file of frames: the valid records and, if any, the torn tail. */
  public record Scan(List<byte[]> payloads, long validBytes, Optional<String> tornReason) {}

  /**
   * Reads every frame of {@code bytes}. An invalid frame that is the last thing in the file
   * (it runs to or past the end, and no valid frame starts anywhere after it) is a torn
   * write: the scan stops there and reports it. Any other invalid frame is corruption.
   *
   * @throws CorruptJournalException naming {@code file} and the offset of the bad frame
   */
  public static Scan scan(String file, byte[] bytes) throws CorruptJournalException {
    List<byte[]> payloads = new ArrayList<>();
    int offset = 0;
    while (offset < bytes.length) {
      String problem = problemAt(bytes, offset);
      if (problem == null) {
        int length = ByteBuffer.wrap(bytes, offset, 4).getInt();
        byte[] payload = new byte[length];
        System.arraycopy(bytes, offset + HEADER_BYTES, payload, 0, length);
        payloads.add(payload);
        offset += HEADER_BYTES + length;
        continue;
      }
      if (zerosFrom(bytes, offset)) {
        return new Scan(payloads, offset, Optional.empty()); // space a segment was extended with
      }
      int claimedEnd = claimedEnd(bytes, offset);
      boolean last = claimedEnd >= bytes.length || claimedEnd < 0 || zerosFrom(bytes, claimedEnd);
      for (int later = offset + 1;
          later + HEADER_BYTES < bytes.length && !zerosFrom(bytes, later);
          later++) {
        if (problemAt(bytes, later) == null) {
          throw new CorruptJournalException(
              file, offset, problem + "; a valid record follows at offset " + later);
        }
      }
      if (!last) {
        throw new CorruptJournalException(file, offset, problem);
      }
      return new Scan(payloads, offset, Optional.of(problem));
    }
    return new Scan(payloads, offset, Optional.empty());
  }

  /** The payload length of the valid frame at {@code offset}, or -1 if none is there. */
  static int validFrameAt(byte[] bytes, int offset) {
    return problemAt(bytes, offset) == null ? ByteBuffer.wrap(bytes, offset, 4).getInt() : -1;
  }

  /** Whether every byte from {@code offset} on is zero. */
  static boolean zerosFrom(byte[] bytes, int offset) {
    for (int i = offset; i < bytes.length; i++) {
      if (bytes[i] != 0) {
        return false;
      }
    }
    return true;
  }

  /** Where the frame at {@code offset} says it ends, or -1 if it has no complete header. */
  private static int claimedEnd(byte[] bytes, int offset) {
    if (bytes.length - offset < HEADER_BYTES) {
      return -1;
    }
    long length = ByteBuffer.wrap(bytes, offset, 4).getInt() & 0xFFFFFFFFL;
    return (int) Math.min(Integer.MAX_VALUE, offset + HEADER_BYTES + length);
  }

  /** Why the frame at {@code offset} is not valid, or null if it is. */
  private static String problemAt(byte[] bytes, int offset) {
    if (bytes.length - offset < HEADER_BYTES) {
      return "incomplete record header (" + (bytes.length - offset) + " bytes)";
    }
    ByteBuffer header = ByteBuffer.wrap(bytes, offset, HEADER_BYTES);
    long length = header.getInt() & 0xFFFFFFFFL;
    int storedCrc = header.getInt();
    if (length == 0 || length > MAX_PAYLOAD) {
      return "invalid record length " + length;
    }
    if (length > bytes.length - offset - HEADER_BYTES) {
      return "record of " + length + " bytes runs past the end of the file";
    }
    if (crc((int) length, bytes, offset + HEADER_BYTES, (int) length) != storedCrc) {
      return "CRC32C mismatch";
    }
    return null;
  }

  /** Bytes of the seq range before a record in a segment's frame. */
  static final int SEQ_BYTES = 16;

  /** A segment's frame: the seq range of the record's events, then the record. */
  static byte[] frameRecord(long firstSeq, long lastSeq, byte[] record) {
    return frame(
        ByteBuffer.allocate(SEQ_BYTES + record.length)
            .putLong(firstSeq)
            .putLong(lastSeq)
            .put(record)
            .array());
  }

  /**
   * A segment frame's payload as its record: seq range and record bytes.
   *
   * @throws CorruptJournalException if the payload is too short to hold a seq range, or the
   *     range is not one (a record holds the events firstSeq..lastSeq; lastSeq = firstSeq - 1
   *     for a record without events)
   */
  static SessionJournal.Stored unframeRecord(String file, long offset, byte[] payload)
      throws CorruptJournalException {
    if (payload.length < SEQ_BYTES) {
      throw new CorruptJournalException(
          file, offset, "a record of " + payload.length + " bytes holds no seq range");
    }
    ByteBuffer b = ByteBuffer.wrap(payload);
    long first = b.getLong();
    long last = b.getLong();
    if (first < 1 || last < first - 1) {
      throw new CorruptJournalException(file, offset, "invalid seq range " + first + ".." + last);
    }
    byte[] record = new byte[payload.length - SEQ_BYTES];
    b.get(record);
    return new SessionJournal.Stored(first, last, record);
  }

  /** The payload of a file that must hold exactly one valid frame (a snapshot). */
  public static byte[] single(String file, byte[] bytes) throws CorruptJournalException {
    String problem = problemAt(bytes, 0);
    if (problem != null) {
      throw new CorruptJournalException(file, 0, problem);
    }
    int length = ByteBuffer.wrap(bytes, 0, 4).getInt();
    if (HEADER_BYTES + length != bytes.length) {
      throw new CorruptJournalException(
          file, HEADER_BYTES + length, "unexpected bytes after the snapshot");
    }
    byte[] payload = new byte[length];
    System.arraycopy(bytes, HEADER_BYTES, payload, 0, length);
    return payload;
  }
}
