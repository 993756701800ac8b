package org.entente.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.entente.proto.protocol.v1.DebriefFormat;

/**
 * Writes a debrief's files into a directory: {@code debrief.md} and {@code debrief.html}, and
 * for grading {@code students.csv} and {@code quantities.csv} (their text carries its UTF-8
 * byte-order mark).
 */
final class DebriefFiles {
  private DebriefFiles() {}

  static List<Path> write(Path dir, String markdown, String html) throws IOException {
    Files.createDirectories(dir);
    Path md = dir.resolve("debrief.md");
    Path page = dir.resolve("debrief.html");
    Files.writeString(md, markdown, StandardCharsets.UTF_8);
    Files.writeString(page, html, StandardCharsets.UTF_8);
    return List.of(md, page);
  }

  static List<Path> writeCsv(Path dir, String students, String quantities) throws IOException {
    Files.createDirectories(dir);
    Path s = dir.resolve("students.csv");
    Path q = dir.resolve("quantities.csv");
    Files.writeString(s, students, StandardCharsets.UTF_8);
    Files.writeString(q, quantities, StandardCharsets.UTF_8);
    return List.of(s, q);
  }

  /** The grading spreadsheets of a server game, fetched through export_record. */
  static List<Path> fetchCsv(
      org.entente.client.ProtocolClient client, Path dir, boolean includePrivate) throws Exception {
    return writeCsv(
        dir,
        RemoteDebrief.fetch(client, DebriefFormat.DEBRIEF_FORMAT_STUDENTS_CSV, includePrivate),
        RemoteDebrief.fetch(client, DebriefFormat.DEBRIEF_FORMAT_QUANTITIES_CSV, includePrivate));
  }
}
