package org.entente.scenarios.cases;

import com.google.protobuf.TextFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.entente.proto.scenario.v1.CaseFile;

/** Reads the case files under a test-resource directory. */
final class CaseFiles {
  private CaseFiles() {}

  record Loaded(String name, CaseFile file) {}

  static List<Loaded> under(String resourceDir, String suffix) {
    try {
      Path dir = Path.of(CaseFiles.class.getClassLoader().getResource(resourceDir).toURI());
      try (Stream<Path> files = Files.list(dir)) {
        return files
            .filter(p -> p.getFileName().toString().endsWith(suffix))
            .sorted()
            .map(CaseFiles::read)
            .toList();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static Loaded read(Path p) {
    try {
      CaseFile.Builder b = CaseFile.newBuilder();
      TextFormat.merge(Files.readString(p, StandardCharsets.UTF_8), b);
      return new Loaded(p.getFileName().toString(), b.build());
    } catch (IOException e) {
      throw new UncheckedIOException(p + ": " + e.getMessage(), e);
    }
  }
}
