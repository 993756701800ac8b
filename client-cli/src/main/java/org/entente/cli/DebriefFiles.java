package org.entente.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes a debrief's two files, {@code debrief.md} and {@code debrief.html}, into a directory. */
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
}
