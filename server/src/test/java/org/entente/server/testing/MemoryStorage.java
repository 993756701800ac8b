package org.entente.server.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.entente.server.journal.Storage;

/**
 * A disk in memory that models the page cache: each file has durable bytes (forced) and
 * unsynced writes over or after them, in order; each directory entry (a created, renamed or deleted name) is
 * durable only once its directory is synced. {@link #crashAt} makes the n-th write, force or
 * directory operation fail as a power failure (a write tears: a prefix of it reaches the
 * cache) and every operation after it fail too; {@link #afterPowerLoss} is the disk as it
 * comes back: durable bytes and names only, plus the writes of a random prefix of each file's unsynced
 * bytes (a torn last write).
 *
 * <p>{@link #failWritesAfter} and {@link #failForcesAfter} inject ordinary I/O errors (a full
 * disk, a failed fsync) without a crash.
 */
public final class MemoryStorage implements Storage {

  /** One write not yet forced: bytes at an offset. */
  private record Write(long offset, byte[] bytes) {}

  private static final class Inode {
    byte[] durable = new byte[0];
    final List<Write> unsynced = new ArrayList<>();

    static byte[] apply(byte[] base, List<Write> writes) {
      long end = base.length;
      for (Write w : writes) {
        end = Math.max(end, w.offset() + w.bytes().length);
      }
      byte[] all = java.util.Arrays.copyOf(base, (int) end);
      for (Write w : writes) {
        System.arraycopy(w.bytes(), 0, all, (int) w.offset(), w.bytes().length);
      }
      return all;
    }

    byte[] content() {
      return apply(durable, unsynced);
    }

    long unsyncedBytes() {
      return unsynced.stream().mapToLong(w -> w.bytes().length).sum();
    }
  }

  private final Map<Path, Inode> names = new HashMap<>();
  private final Map<Path, Inode> durableNames = new HashMap<>();
  private final Set<Path> dirs = new HashSet<>();
  private final Set<Path> durableDirs = new HashSet<>();
  private final Random random;
  private boolean outOfOrder;
  private int operations;
  private int crashAt = Integer.MAX_VALUE;
  private boolean crashed;
  private int writeFailuresAfter = Integer.MAX_VALUE;
  private int forceFailuresAfter = Integer.MAX_VALUE;
  private int writes;
  private int forces;

  private String openFailuresFor = "";
  private int openFailuresLeft;
  private int openFiles;
  private int maxOpenFiles = Integer.MAX_VALUE;
  private final Set<Path> locks = new HashSet<>();

  public MemoryStorage(long seed) {
    this.random = new Random(seed);
  }

  /** Write, force and directory operations so far: the crash points of a run. */
  public synchronized int operations() {
    return operations;
  }

  /** The {@code n}-th operation (1-based) is a power failure. */
  public synchronized MemoryStorage crashAt(int n) {
    crashAt = n;
    return this;
  }

  public synchronized boolean crashed() {
    return crashed;
  }

  /** Every write after the first {@code n} fails with "No space left on device". */
  public synchronized void failWritesAfter(int n) {
    writeFailuresAfter = n;
    writes = 0;
  }

  /** Every force after the first {@code n} fails with an I/O error. */
  public synchronized void failForcesAfter(int n) {
    forceFailuresAfter = n;
    forces = 0;
  }

  /**
   * The next {@code times} opens of a file whose name contains {@code nameContains} fail as
   * a process out of descriptors does (EMFILE), before anything is written.
   */
  public synchronized MemoryStorage failOpens(String nameContains, int times) {
    openFailuresFor = nameContains;
    openFailuresLeft = times;
    return this;
  }

  /** Files open for appending now (opened and not closed). */
  public synchronized int openFiles() {
    return openFiles;
  }

  /** Opens beyond {@code max} open files fail as a process out of descriptors does (EMFILE). */
  public synchronized MemoryStorage limitOpenFiles(int max) {
    maxOpenFiles = max;
    return this;
  }

  /** The disk after the power comes back. */
  public synchronized MemoryStorage afterPowerLoss() {
    MemoryStorage after = new MemoryStorage(random.nextLong());
    after.outOfOrder = outOfOrder;
    Map<Inode, Inode> copies = new HashMap<>();
    durableNames.forEach(
        (path, inode) -> after.names.put(path, copies.computeIfAbsent(inode, this::survivor)));
    after.durableNames.putAll(after.names);
    after.dirs.addAll(durableDirs);
    after.durableDirs.addAll(durableDirs);
    return after;
  }

  /**
   * After this, a power failure keeps each unsynced write, or a prefix of it, or nothing of it,
   * each write on its own: the page cache writes pages back in no set order, so a later write
   * may be on disk and an earlier one not.
   */
  public synchronized MemoryStorage outOfOrder() {
    outOfOrder = true;
    return this;
  }

  /** What power loss leaves of a file: its durable bytes and the unsynced writes of a random prefix of its bytes, in order. */
  private Inode survivor(Inode inode) {
    if (outOfOrder) {
      List<Write> kept = new ArrayList<>();
      for (Write w : inode.unsynced) {
        int choice = random.nextInt(3);
        int n =
            choice == 0 ? w.bytes().length : choice == 1 ? random.nextInt(w.bytes().length + 1) : 0;
        kept.add(new Write(w.offset(), java.util.Arrays.copyOf(w.bytes(), n)));
      }
      Inode copy = new Inode();
      copy.durable = Inode.apply(inode.durable, kept);
      return copy;
    }
    long unsynced = inode.unsyncedBytes();
    long kept = unsynced == 0 ? 0 : (long) (random.nextDouble() * (unsynced + 1));
    List<Write> writes = new ArrayList<>();
    for (Write w : inode.unsynced) {
      if (kept <= 0) {
        break;
      }
      int n = (int) Math.min(kept, w.bytes().length);
      writes.add(new Write(w.offset(), java.util.Arrays.copyOf(w.bytes(), n)));
      kept -= n;
    }
    Inode copy = new Inode();
    copy.durable = Inode.apply(inode.durable, writes);
    return copy;
  }

  /** Counts an operation; throws if it is the crash or comes after it. */
  private void operation() throws IOException {
    if (crashed) {
      throw new IOException("power failure (the machine is off)");
    }
    if (++operations >= crashAt) {
      crashed = true;
      throw new IOException("power failure at operation " + operations);
    }
  }

  private boolean tearing() {
    return !crashed && operations + 1 >= crashAt;
  }

  @Override
  public synchronized void createDirectories(Path dir) throws IOException {
    for (Path d = dir; d != null && !dirs.contains(d); d = d.getParent()) {
      dirs.add(d);
    }
  }

  @Override
  public synchronized List<String> list(Path dir) {
    Set<String> found = new HashSet<>();
    names.keySet().stream()
        .filter(p -> dir.equals(p.getParent()))
        .forEach(p -> found.add(p.getFileName().toString()));
    dirs.stream()
        .filter(p -> dir.equals(p.getParent()))
        .forEach(p -> found.add(p.getFileName().toString()));
    List<String> sorted = new ArrayList<>(found);
    sorted.sort(null);
    return sorted;
  }

  @Override
  public synchronized boolean isDirectory(Path path) {
    return dirs.contains(path);
  }

  @Override
  public synchronized boolean exists(Path file) {
    return names.containsKey(file) || dirs.contains(file);
  }

  @Override
  public synchronized byte[] read(Path file) throws IOException {
    Inode inode = names.get(file);
    if (inode == null) {
      throw new java.nio.file.NoSuchFileException(file.toString());
    }
    return inode.content();
  }

  /** The current content of a file (for tests that damage it). */
  public synchronized void replace(Path file, byte[] content) {
    Inode inode = new Inode();
    inode.durable = content.clone();
    names.put(file, inode);
    durableNames.put(file, inode);
  }

  @Override
  public synchronized AppendFile openForAppend(Path file) throws IOException {
    return openAt(file, -1);
  }

  @Override
  public synchronized AppendFile openAt(Path file, long position) throws IOException {
    if (openFailuresLeft > 0 && file.getFileName().toString().contains(openFailuresFor)) {
      openFailuresLeft--;
      throw new java.nio.file.FileSystemException(file.toString(), null, "Too many open files");
    }
    if (openFiles >= maxOpenFiles) {
      throw new java.nio.file.FileSystemException(file.toString(), null, "Too many open files");
    }
    if (!dirs.contains(file.getParent())) {
      throw new java.nio.file.NoSuchFileException(file.getParent().toString());
    }
    Inode inode = names.computeIfAbsent(file, p -> new Inode());
    openFiles++;
    long start = position < 0 ? inode.content().length : position;
    return new AppendFile() {
      private boolean closed;
      private long at = start;

      @Override
      public void write(byte[] bytes) throws IOException {
        synchronized (MemoryStorage.this) {
          if (tearing()) {
            inode.unsynced.add(
                new Write(at, java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length + 1))));
          }
          operation();
          if (++writes > writeFailuresAfter) {
            throw new IOException("No space left on device");
          }
          inode.unsynced.add(new Write(at, bytes.clone()));
          at += bytes.length;
        }
      }

      @Override
      public void preallocate(long size) throws IOException {
        synchronized (MemoryStorage.this) {
          long length = inode.content().length;
          if (length < size) {
            operation();
            inode.unsynced.add(new Write(length, new byte[(int) (size - length)]));
          }
        }
      }

      @Override
      public void force() throws IOException {
        synchronized (MemoryStorage.this) {
          operation();
          if (++forces > forceFailuresAfter) {
            throw new IOException("Input/output error (fsync)");
          }
          inode.durable = inode.content();
          inode.unsynced.clear();
        }
      }

      @Override
      public long size() {
        synchronized (MemoryStorage.this) {
          return inode.content().length;
        }
      }

      @Override
      public void close() {
        synchronized (MemoryStorage.this) {
          if (!closed) {
            closed = true;
            openFiles--;
          }
        }
      }
    };
  }

  @Override
  public synchronized java.io.Closeable lockExclusively(Path file) throws IOException {
    if (!locks.add(file)) {
      throw new IOException(file.getParent() + " is in use by another Entente server");
    }
    return () -> {
      synchronized (MemoryStorage.this) {
        locks.remove(file);
      }
    };
  }

  @Override
  public synchronized void sync(Path file) throws IOException {
    Inode inode = names.get(file);
    if (inode == null) {
      throw new java.nio.file.NoSuchFileException(file.toString());
    }
    operation();
    if (++forces > forceFailuresAfter) {
      throw new IOException("Input/output error (fsync)");
    }
    inode.durable = inode.content();
    inode.unsynced.clear();
  }

  @Override
  public synchronized void truncate(Path file, long size) throws IOException {
    operation();
    Inode inode = names.get(file);
    byte[] content = inode.content();
    inode.durable = java.util.Arrays.copyOf(content, (int) size);
    inode.unsynced.clear();
  }

  @Override
  public synchronized void rename(Path from, Path to) throws IOException {
    operation();
    Inode inode = names.remove(from);
    if (inode == null) {
      throw new java.nio.file.NoSuchFileException(from.toString());
    }
    names.put(to, inode);
  }

  @Override
  public synchronized void delete(Path file) throws IOException {
    names.remove(file);
  }

  /** Removes an empty directory, durably (for tests of a directory that is gone). */
  public synchronized void deleteDirectory(Path dir) {
    dirs.remove(dir);
    durableDirs.remove(dir);
  }

  @Override
  public synchronized void syncDirectory(Path dir) throws IOException {
    operation();
    durableNames.keySet().removeIf(p -> dir.equals(p.getParent()) && !names.containsKey(p));
    names.forEach(
        (p, inode) -> {
          if (dir.equals(p.getParent())) {
            durableNames.put(p, inode);
          }
        });
    durableDirs.removeIf(p -> dir.equals(p.getParent()) && !dirs.contains(p));
    dirs.stream().filter(p -> dir.equals(p.getParent())).forEach(durableDirs::add);
  }

  /** Creates {@code dir} and its parents, durably: a data directory that already exists. */
  public synchronized MemoryStorage withDirectory(Path dir) {
    for (Path d = dir; d != null; d = d.getParent()) {
      dirs.add(d);
      durableDirs.add(d);
    }
    return this;
  }
}
