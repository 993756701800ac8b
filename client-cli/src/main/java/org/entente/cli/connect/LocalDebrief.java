package org.entente.cli.connect;

import java.nio.file.Path;
import java.util.List;

/**
 * Writes the class debrief of a game this process runs ({@code entente play}, with or without
 * {@code --hot-seat}) through the game-master connection that created it: the shell's {@code
 * debrief [DIR]}.
 */
@FunctionalInterface
public interface LocalDebrief {
  /** Writes the debrief of the game so far to {@code dir} and returns the files written. */
  List<Path> write(Path dir) throws Exception;
}
