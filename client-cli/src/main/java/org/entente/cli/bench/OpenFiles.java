package org.entente.cli.bench;

import java.nio.file.Path;
import java.util.List;

/**
 * The descriptors a process holds open, read from {@code /proc/PID/fd}: how many in all, how
 * many are sockets (connections and listeners), and how many are files under the server's data
 * directory (journals, snapshots, history), which a session nobody is connected to should not
 * hold.
 */
record OpenFiles(int total, int sockets, int dataFiles) {
  /** Classifies the targets of a process's descriptors (what {@code readlink /proc/PID/fd/N} says). */
  static OpenFiles of(List<String> targets, Path dataDir) {
    int sockets = 0;
    int data = 0;
    for (String target : targets) {
      if (target.startsWith("socket:")) {
        sockets++;
      } else if (target.startsWith("/") && Path.of(target).startsWith(dataDir)) {
        data++;
      }
    }
    return new OpenFiles(targets.size(), sockets, data);
  }
}
