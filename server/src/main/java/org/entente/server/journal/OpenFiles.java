package org.entente.server.journal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sessions with an open segment, least recently written first, at most {@code max} of
 * them: opening one more first closes the eldest.
 * The writer's thread only; {@link #count} may be read anywhere.
 */
final class OpenFiles {
  private static final Logger log = LoggerFactory.getLogger(OpenFiles.class);

  private final Storage storage;
  private final int max;
  private final LinkedHashMap<SessionHandle, Boolean> open = new LinkedHashMap<>(16, 0.75f, true);
  private volatile int count;

  OpenFiles(Storage storage, int max) {
    if (max < 1) {
      throw new IllegalArgumentException("maxOpenFiles must be at least 1");
    }
    this.storage = storage;
    this.max = max;
  }

  int count() {
    return count;
  }

  /** Marks {@code h} the most recently written. */
  void touch(SessionHandle h) {
    open.get(h);
  }

  /**
   * Opens {@code path} for writing at {@code position} for {@code h}, first closing the least
   * recently written files beyond the bound (closing needs no sync: what they were written
   * is in the commit log until a checkpoint syncs it). If the process is out of descriptors,
   * closes every other file and tries once more.
   */
  Storage.AppendFile open(SessionHandle h, Path path, long position) throws IOException {
    while (count >= max && !open.containsKey(h)) {
      SessionHandle eldest = eldestOtherThan(h);
      if (eldest == null) {
        break;
      }
      close(eldest);
    }
    Storage.AppendFile file;
    try {
      file = storage.openAt(path, position);
    } catch (IOException e) {
      List<SessionHandle> others = new ArrayList<>(open.keySet());
      others.remove(h);
      if (others.isEmpty()) {
        throw e;
      }
      others.forEach(this::close);
      file = storage.openAt(path, position);
    }
    if (!open.containsKey(h)) {
      open.put(h, Boolean.TRUE);
      count = open.size();
    }
    return file;
  }

  private SessionHandle eldestOtherThan(SessionHandle h) {
    Iterator<SessionHandle> it = open.keySet().iterator();
    while (it.hasNext()) {
      SessionHandle candidate = it.next();
      if (candidate != h) {
        return candidate;
      }
    }
    return null;
  }

  void close(SessionHandle h) {
    if (h.file != null) {
      closeQuietly(h.file);
      h.file = null;
    }
    if (open.remove(h) != null) {
      count = open.size();
    }
  }

  void closeAll() {
    for (SessionHandle h : new ArrayList<>(open.keySet())) {
      close(h);
    }
  }

  static void closeQuietly(Storage.AppendFile file) {
    if (file != null) {
      try {
        file.close();
      } catch (IOException e) {
        log.warn("could not close a journal file", e);
      }
    }
  }
}
