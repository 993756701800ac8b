package org.entente.cli.bench;

import java.util.Optional;
import java.util.OptionalLong;

/** What the bench can read of the server's process: everything for a server started here, nothing for a remote one. */
interface Probe {
  /** User plus system CPU time so far. */
  OptionalLong cpuMillis();

  /** Resident memory. */
  OptionalLong rssBytes();

  /** Heap in use right after a full collection that this call asks the server's JVM for. */
  OptionalLong heapAfterFullGc();

  /** The descriptors the server's process holds open now. */
  Optional<OpenFiles> openFiles();

  /** A server elsewhere: its process cannot be read. */
  Probe REMOTE =
      new Probe() {
        @Override
        public OptionalLong cpuMillis() {
          return OptionalLong.empty();
        }

        @Override
        public OptionalLong rssBytes() {
          return OptionalLong.empty();
        }

        @Override
        public OptionalLong heapAfterFullGc() {
          return OptionalLong.empty();
        }

        @Override
        public Optional<OpenFiles> openFiles() {
          return Optional.empty();
        }
      };
}
